package org.telereg.platform.antifraud;

import java.time.Instant;

/** A confirmed number failed or missed its second real-person verification and was stopped. */
public record FraudNumberSuspended(long caseId, String number, String operatorCreditCode, Instant at) {}

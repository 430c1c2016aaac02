package org.telereg.platform.antifraud;

import java.time.Instant;

/** A number left the blocklist: its holder passed verification or won an appeal. */
public record FraudNumberReleased(long caseId, String number, CaseStatus outcome, Instant at) {}

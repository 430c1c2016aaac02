package org.telereg.platform.appeals;

import java.time.Instant;

/**
 * An accepted appeal was closed: the credit records of operators and the quality statistics count it.
 *
 * @param subject what it was about, with its statistics category
 */
public record AppealClosed(
        String trackingNumber,
        String operatorCreditCode,
        String provinceCode,
        AppealSubject subject,
        Outcome outcome,
        Instant at) {}

package org.telereg.platform.appeals;

import java.time.Instant;

/**
 * An appeal was received. Modules holding records about the complainant's number — portability
 * orders, billing disputes — link their records to it; this module does not wait for them.
 *
 * @param complainantPhone the complainant's number, to find the records about it
 * @param subject what the appeal is about (number portability, fees, …)
 */
public record AppealReceived(
        String trackingNumber,
        String complainantPhone,
        String operatorCreditCode,
        String provinceCode,
        AppealSubject subject,
        Instant at) {}

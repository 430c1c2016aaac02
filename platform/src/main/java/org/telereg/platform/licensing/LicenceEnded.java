package org.telereg.platform.licensing;

import java.time.LocalDate;

/** A licence was cancelled (注销) or revoked (吊销). */
public record LicenceEnded(
        String number, String holderCreditCode, LicenceStatus status, String reason, LocalDate decidedOn) {}

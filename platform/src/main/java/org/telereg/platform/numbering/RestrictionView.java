package org.telereg.platform.numbering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A donor's fact that stops a port, as recorded.
 *
 * @param amount for arrears, the unpaid amount in yuan; null when not given
 * @param endsOn for a contract, the last day of its term; null when open-ended
 */
public record RestrictionView(
        String number,
        RestrictionKind kind,
        String operatorCreditCode,
        BigDecimal amount,
        LocalDate endsOn,
        String note,
        String recordedBy,
        OffsetDateTime recordedAt) {}

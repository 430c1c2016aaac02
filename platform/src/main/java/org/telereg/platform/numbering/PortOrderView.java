package org.telereg.platform.numbering;

import java.time.OffsetDateTime;
import org.telereg.engine.numbering.PhoneNumbers;

/**
 * A port order as the console and the API show it.
 *
 * @param status the status at the time of reading: a scheduled order whose hour has come is completed
 * @param codeIssuedAt when the donor sent the authorisation code the order used
 * @param effectiveAt the whole hour the port takes (or took) effect
 * @param closedAt when it was cancelled or refused
 */
public record PortOrderView(
        long id,
        String number,
        String provinceCode,
        String donorCreditCode,
        String donorName,
        String recipientCreditCode,
        String recipientName,
        PortStatus status,
        OffsetDateTime codeIssuedAt,
        OffsetDateTime submittedAt,
        OffsetDateTime effectiveAt,
        OffsetDateTime closedAt,
        String closedBy,
        DonorRefusal refusalReason,
        String note,
        String submittedBy) {

    /** The number as lists show it ({@code 138****5678}). */
    public String maskedNumber() {
        return PhoneNumbers.mask(number);
    }
}

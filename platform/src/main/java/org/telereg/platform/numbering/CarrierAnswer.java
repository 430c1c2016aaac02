package org.telereg.platform.numbering;

import java.time.OffsetDateTime;

/**
 * Which operator carries a number at an instant, and why.
 *
 * @param number the 11-digit national number
 * @param asOf the instant the answer is for
 * @param known whether any block held the number then; when not, every other field but these is null
 * @param carrierCreditCode the carrying operator: the recipient of the last completed port, else the block holder
 * @param blockPrefix the allocated prefix that covers the number
 * @param provinceCode the number's home province (its local network)
 * @param portedAt when the port that gave the number to its carrier took effect; null when never ported
 */
public record CarrierAnswer(
        String number,
        OffsetDateTime asOf,
        boolean known,
        String carrierCreditCode,
        String carrierName,
        String holderCreditCode,
        String holderName,
        String blockPrefix,
        String provinceCode,
        OffsetDateTime portedAt) {

    static CarrierAnswer unknown(String number, OffsetDateTime asOf) {
        return new CarrierAnswer(number, asOf, false, null, null, null, null, null, null, null);
    }

    /** Whether the number has moved away from its block holder. */
    public boolean ported() {
        return portedAt != null;
    }
}

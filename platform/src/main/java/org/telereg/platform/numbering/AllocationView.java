package org.telereg.platform.numbering;

import java.time.LocalDate;

/**
 * An allocation as the console, the API and other modules see it.
 *
 * @param provinceCode the allocating province, null for a national allocation
 * @param carrierCreditCode for SMS ports, the operator carrying the port
 * @param withdrawnOn the day the allocation ended, null while it holds
 */
public record AllocationView(
        long id,
        AllocationKind kind,
        String prefix,
        String provinceCode,
        String holderCreditCode,
        String holderName,
        String carrierCreditCode,
        String carrierName,
        LocalDate allocatedOn,
        LocalDate withdrawnOn,
        String withdrawalReason,
        String documentNumber) {

    /** Whether the allocation holds on a day: allocated by then and not yet withdrawn. */
    public boolean holdsOn(LocalDate day) {
        return !allocatedOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }
}

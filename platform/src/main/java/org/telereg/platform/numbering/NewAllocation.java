package org.telereg.platform.numbering;

/**
 * An allocation as a regulator enters it, every field as typed.
 *
 * @param kind an {@link AllocationKind} name
 * @param prefix the block's digits
 * @param provinceCode the province for a provincial allocation, empty for a national one
 * @param holderCreditCode the holder's unified social credit code (a registered company)
 * @param carrierCode for SMS ports, the code of the operator organisation that carries the port
 * @param allocatedOn the decision date, {@code yyyy-MM-dd}
 * @param documentNumber the allocation decision's document number
 */
public record NewAllocation(
        String kind,
        String prefix,
        String provinceCode,
        String holderCreditCode,
        String carrierCode,
        String allocatedOn,
        String documentNumber) {}

package org.telereg.platform.realname;

import java.util.List;

/**
 * How many numbers one identity holds, per operator and in all, within the reader's data scope.
 *
 * @param identityKey the keyed hash of the document, the identity's reference in links and exports
 * @param identityMasked the document number masked, e.g. {@code 110105********002X}
 * @param documentType the document the numbers were registered with
 * @param operators the numbers held at each operator, most first
 * @param total the numbers held at all operators together
 * @param overOperatorCap whether some operator has more than the per-operator cap
 * @param overTotalCap whether the total is over the all-operator cap (never when that cap is off)
 */
public record IdentityCards(
        String identityKey,
        String identityMasked,
        DocumentType documentType,
        List<OperatorCards> operators,
        long total,
        boolean overOperatorCap,
        boolean overTotalCap) {

    /**
     * @param operatorCreditCode the operator's unified social credit code
     * @param operatorName the operator's name
     * @param cards the numbers the identity holds there (normal or suspended, not cancelled)
     */
    public record OperatorCards(String operatorCreditCode, String operatorName, long cards) {}
}

package org.telereg.platform.interconnect;

import java.math.BigDecimal;

/**
 * A link between two operators at a point.
 *
 * @param operatorA the operator with the smaller credit code (the pair is unordered)
 * @param capacityGbps the capacity in force today
 * @param priceYuan yuan per Gbps per month, null when settlement-free
 * @param payer the credit code of the operator that pays, null when settlement-free
 */
public record LinkView(
        long id,
        long pointId,
        String pointCode,
        String pointName,
        String provinceCode,
        String operatorA,
        String operatorAName,
        String operatorB,
        String operatorBName,
        BigDecimal capacityGbps,
        Regime regime,
        BigDecimal priceYuan,
        String payer) {

    /** Whether the operator is one of the link's two. */
    public boolean hasParty(String creditCode) {
        return operatorA.equals(creditCode) || operatorB.equals(creditCode);
    }

    public String nameOf(String creditCode) {
        return operatorA.equals(creditCode) ? operatorAName : operatorB.equals(creditCode) ? operatorBName : null;
    }

    /** The operator that is paid, null when settlement-free. */
    public String payee() {
        return payer == null ? null : payer.equals(operatorA) ? operatorB : operatorA;
    }

    public String pairLabel() {
        return operatorAName + " ⇄ " + operatorBName;
    }
}

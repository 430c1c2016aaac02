package org.telereg.platform.interconnect;

/**
 * A link as the ministry enters it; every field is text as the form or API sends it.
 *
 * @param operatorA an operator by credit code or by a name {@code entity.CompanyAliases} knows
 * @param regime {@code PAID} or {@code SETTLEMENT_FREE}
 * @param payer for a paid link, which of the two pays (credit code or name)
 * @param openedOn the day the first capacity is in force, {@code yyyy-MM-dd}
 */
public record NewLink(
        String pointCode,
        String operatorA,
        String operatorB,
        String capacityGbps,
        String regime,
        String priceYuan,
        String payer,
        String openedOn) {}

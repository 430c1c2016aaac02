package org.telereg.platform.credit;

/**
 * An administration's decision to list a company, as the console form and the API send it.
 *
 * @param list {@code BAD_OPERATOR} or {@code DISHONEST}
 * @param creditCode the company's unified social credit code
 * @param licenceNumber the licence concerned, optional
 * @param reasonCode one of {@link CreditRegistry.ManualReason}
 * @param reason the reason as the decision states it
 * @param document the decision's document number, e.g. 粤通信罚〔2026〕12号
 * @param decidedOn the decision date, {@code yyyy-MM-dd}
 */
public record NewListing(
        String list,
        String creditCode,
        String licenceNumber,
        String reasonCode,
        String reason,
        String document,
        String decidedOn) {

    public static NewListing empty() {
        return new NewListing("BAD_OPERATOR", "", "", "PENALTY", "", "", "");
    }
}

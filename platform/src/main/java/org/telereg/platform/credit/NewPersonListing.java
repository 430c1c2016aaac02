package org.telereg.platform.credit;

/**
 * An administration's decision to put a person on the dishonest list.
 *
 * @param idNumber the person's ID number (checked, then kept only as a keyed hash and a masked form)
 * @param name the person's name (kept only masked)
 * @param relatedCreditCode the company whose investor or manager the person is, optional
 * @param reasonCode one of {@link CreditRegistry.ManualReason}
 * @param reason the reason as the decision states it
 * @param document the decision's document number
 * @param decidedOn the decision date, {@code yyyy-MM-dd}
 */
public record NewPersonListing(
        String idNumber,
        String name,
        String relatedCreditCode,
        String reasonCode,
        String reason,
        String document,
        String decidedOn) {

    public static NewPersonListing empty() {
        return new NewPersonListing("", "", "", "SERIOUS_VIOLATION", "", "", "");
    }
}

package org.telereg.platform.universal;

/**
 * The administration's acceptance decision on a built village.
 *
 * @param outcome ACCEPTED or FAILED_ACCEPTANCE
 * @param on the day of the acceptance, {@code yyyy-MM-dd}
 * @param fibreAtCommittee for a fibre village: whether fibre reaches the village committee
 * @param downlinkMbps for a fibre village: the downlink measured at the committee
 */
public record AcceptanceForm(String outcome, String on, String fibreAtCommittee, String downlinkMbps, String note) {}

package org.telereg.platform.filing;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One check run in a provider's accuracy history.
 *
 * @param runId the run
 * @param checkedAt when it ran
 * @param checkedBy who ran it ({@code system} for the scheduled and upload-triggered runs)
 * @param entries hosted entries checked
 * @param entriesWithFindings of which had a finding
 * @param findings all findings of the run (DNS and filed-not-hosted included)
 * @param accuracy share of entries with no finding, null when the list was empty
 * @param low whether the accuracy is below the threshold
 * @param tasksOpened tasks the run opened
 * @param tasksResolved tasks the run closed because it no longer made their finding
 */
public record ProviderAccuracyPoint(
        long runId,
        Instant checkedAt,
        String checkedBy,
        int entries,
        int entriesWithFindings,
        int findings,
        BigDecimal accuracy,
        boolean low,
        int tasksOpened,
        int tasksResolved) {

    /** The accuracy in per cent with one decimal, for display. */
    public String percent() {
        return accuracy == null ? "—" : accuracy.movePointRight(2).setScale(1, java.math.RoundingMode.HALF_UP) + "%";
    }
}

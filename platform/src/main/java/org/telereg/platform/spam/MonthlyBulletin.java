package org.telereg.platform.spam;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

/**
 * The monthly figures the regulator publishes about reports.
 *
 * @param month the month (Beijing time)
 * @param total reports received, duplicates excluded
 * @param duplicates reports folded into an earlier one
 * @param byCategory reports per category
 * @param byChannel reports per channel
 * @param operators handling per operator, most reports first
 * @param topParties the most reported numbers and ports
 */
public record MonthlyBulletin(
        YearMonth month,
        long total,
        long duplicates,
        Map<ReportCategory, Long> byCategory,
        Map<ReportChannel, Long> byChannel,
        List<OperatorHandling> operators,
        List<ReportedParty> topParties) {

    /**
     * How one operator handled the reports routed to it.
     *
     * @param routed reports routed to it in the month
     * @param answered of those, answered
     * @param answeredInTime of those, answered before the deadline
     * @param averageHours mean hours from receipt to answer, over the answered ones
     */
    public record OperatorHandling(
            String operatorName, long routed, long answered, long answeredInTime, double averageHours) {

        /** Answered reports as a share of routed ones, 0..1. */
        public double handlingRate() {
            return routed == 0 ? 0 : (double) answered / routed;
        }
    }

    public record ReportedParty(String party, long reports) {}
}

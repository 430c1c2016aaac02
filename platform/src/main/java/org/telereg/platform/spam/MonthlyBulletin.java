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
 * @param topKeywords the keyword groups most often matched by reported messages
 */
public record MonthlyBulletin(
        YearMonth month,
        long total,
        long duplicates,
        Map<ReportCategory, Long> byCategory,
        Map<ReportChannel, Long> byChannel,
        List<OperatorHandling> operators,
        List<ReportedParty> topParties,
        List<ReportedKeyword> topKeywords) {

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

    /**
     * A keyword group of the screening engine and how many of the month's reports matched it.
     *
     * @param groupId the group's id in the keyword list, e.g. {@code auth.safe-account}
     * @param terms the group's first alternative of each term, e.g. {@code 公安 + 安全账户}
     * @param category what the group points to: {@code fraud}, {@code ad} or {@code normal}
     */
    public record ReportedKeyword(String groupId, String terms, String category, long reports) {}
}

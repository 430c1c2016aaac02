package org.telereg.platform.antifraud;

import java.time.LocalDate;
import java.util.List;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.appeals.AppealView;
import org.telereg.platform.spam.ReportView;

/**
 * What a suspect's number page shows besides the case: its calls day by day, the numbers tied to it
 * through shared handsets, and what citizens reported about it.
 *
 * @param days the number's days with calls in the scanned batches, in date order
 * @param related other subscribers seen on the number's handsets
 * @param reports reports against the number in the spam desk, newest first
 * @param appeals appeals the number's user made to the administrations, newest first
 */
public record NumberProfile(
        List<Day> days, List<RelatedNumber> related, List<ReportView> reports, List<AppealView> appeals) {

    /**
     * One day of calls, from the latest batch that covered it.
     *
     * @param connectedRatio connected outgoing calls / outgoing calls, or null without outgoing calls
     */
    public record Day(
            LocalDate day,
            int outgoing,
            int incoming,
            int distinctCallees,
            int connected,
            int shortCalls,
            int nightCalls,
            Double connectedRatio) {}

    /**
     * A subscriber that used one of the number's handsets.
     *
     * @param imei the shared handset
     * @param number the other subscriber (shown masked: it may be anyone's phone)
     * @param caseId that subscriber's own fraud case, when it has one
     * @param status that case's status, when it has one
     */
    public record RelatedNumber(String imei, String number, Long caseId, CaseStatus status) {

        public String maskedNumber() {
            return PhoneNumbers.mask(number);
        }
    }
}

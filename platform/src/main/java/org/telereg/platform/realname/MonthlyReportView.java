package org.telereg.platform.realname;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A monthly real-name report as the regulator and the operator see it, with what the platform itself
 * recorded for the same operator, province and month.
 *
 * @param id the report's id
 * @param operatorCreditCode the reporting operator
 * @param operatorName its name
 * @param provinceCode the province reported on
 * @param reportMonth the month, {@code yyyy-MM}
 * @param totalUsers all phone users at the end of the month
 * @param registeredUsers those registered under their real identity
 * @param registrationRate registered users as a percentage of all users (two decimals), null when there are none
 * @param newUsers users who joined in the month
 * @param newOwnOutlets new users at the operator's own outlets
 * @param newAgents new users at agents
 * @param newOnline new users online
 * @param newOther new users by other channels
 * @param outlets sales outlets at the end of the month
 * @param overCapVerified over-cap identities verified in person, as reported
 * @param overCapSuspended over-cap identities suspended, as reported
 * @param seenVerified second real-person verifications the platform saw decided as verified in that month
 * @param seenSuspended those it saw decided as suspended (or suspended and since appealed)
 * @param revision 1 for the first submission, one more for each resubmission
 * @param submittedBy who submitted the current figures
 * @param submittedAt when
 */
public record MonthlyReportView(
        long id,
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String reportMonth,
        long totalUsers,
        long registeredUsers,
        BigDecimal registrationRate,
        long newUsers,
        long newOwnOutlets,
        long newAgents,
        long newOnline,
        long newOther,
        int outlets,
        int overCapVerified,
        int overCapSuspended,
        int seenVerified,
        int seenSuspended,
        int revision,
        String submittedBy,
        Instant submittedAt) {

    /** Whether the reported over-cap handling differs from what the platform's verification queue shows. */
    public boolean differsFromPlatform() {
        return overCapVerified != seenVerified || overCapSuspended != seenSuspended;
    }

    /** The reported figures as a form, for a resubmission. */
    public MonthlyReportInput asInput() {
        return new MonthlyReportInput(
                provinceCode,
                reportMonth,
                Long.toString(totalUsers),
                Long.toString(registeredUsers),
                Long.toString(newUsers),
                Long.toString(newOwnOutlets),
                Long.toString(newAgents),
                Long.toString(newOnline),
                Long.toString(newOther),
                Integer.toString(outlets),
                Integer.toString(overCapVerified),
                Integer.toString(overCapSuspended));
    }
}

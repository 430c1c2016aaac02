package org.telereg.platform.industry;

import java.time.LocalDate;

/**
 * An operator was reminded that a report is due and not yet submitted; published once per report
 * and reminder day, for any module (a notice, a mail) that tells the operator.
 *
 * @param remindedOn the day of the reminder: with the report, what makes the reminder unique
 */
public record ReportReminderSent(
        long reportId,
        String operatorCreditCode,
        String provinceCode,
        String templateCode,
        String periodCode,
        LocalDate dueOn,
        LocalDate remindedOn) {}

package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.notices.Notices;

/**
 * Reminds companies of their protection deadlines through their inbox: a draft grading before its
 * filing deadline and once overdue, an assessment before it falls due and once overdue, a finding
 * before its rectification deadline and once overdue. Each reminder goes once (a once-key per record
 * and deadline), however often the job runs.
 */
@Component
class ProtectionReminders {

    private final JdbcClient jdbc;
    private final ProtectionUnits units;
    private final ProtectionDeadlines deadlines;
    private final Notices notices;
    private final ProtectionSettings settings;

    ProtectionReminders(
            JdbcClient jdbc,
            ProtectionUnits units,
            ProtectionDeadlines deadlines,
            Notices notices,
            ProtectionSettings settings) {
        this.jdbc = jdbc;
        this.units = units;
        this.deadlines = deadlines;
        this.notices = notices;
        this.settings = settings;
    }

    /** Every morning; transactional so the notices and their audit events commit together. */
    @Scheduled(cron = "0 40 7 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        remind(units.today());
    }

    /** Sends the reminders due on {@code today}; returns how many notices were written. */
    @Transactional
    int remind(LocalDate today) {
        int sent = 0;
        for (UnitView unit : units.list(DataScope.all(), UnitSearch.inStatus(GradingStatus.DRAFT))) {
            long left = unit.filingDaysLeft(today);
            String link = "/console/netsec/units/" + unit.id();
            if (left < 0) {
                sent += notices.send(
                                unit.creditCode(),
                                "netsec.unit.notice.filingOverdue",
                                List.of(unit.name(), unit.filingDueOn()),
                                link,
                                "netsec.filing-overdue:" + unit.latestGradingId())
                        .size();
            } else if (left <= settings.filingReminderDays()) {
                sent += notices.send(
                                unit.creditCode(),
                                "netsec.unit.notice.filingDue",
                                List.of(unit.name(), unit.filingDueOn(), left),
                                link,
                                "netsec.filing-due:" + unit.latestGradingId())
                        .size();
            }
        }
        for (AssessmentDue due : deadlines.schedule(DataScope.all())) {
            long left = due.daysLeft(today);
            String once = due.unitId() + ":" + due.kind() + ":" + due.dueOn();
            String link = "/console/netsec/units/" + due.unitId();
            if (left < 0) {
                sent += notices.send(
                                due.creditCode(),
                                "netsec.assessment.notice.overdue." + due.kind(),
                                List.of(due.unitName(), due.dueOn()),
                                link,
                                "netsec.assessment-overdue:" + once)
                        .size();
            } else if (left <= settings.assessmentReminderDays()) {
                sent += notices.send(
                                due.creditCode(),
                                "netsec.assessment.notice.due." + due.kind(),
                                List.of(due.unitName(), due.dueOn(), left),
                                link,
                                "netsec.assessment-due:" + once)
                        .size();
            }
        }
        List<Object[]> open = jdbc.sql("select f.id, f.description, f.rectify_by, a.id as assessment_id, u.name,"
                        + " u.credit_code from netsec_assessment_finding f join netsec_assessment a on a.id = f.assessment_id"
                        + " join netsec_unit u on u.id = a.unit_id where f.rectified_on is null and a.status <> 'RETURNED'"
                        + " and f.rectify_by <= :horizon order by f.id")
                .param("horizon", today.plusDays(settings.rectificationReminderDays()))
                .query((rs, n) -> new Object[] {
                    rs.getLong("id"),
                    rs.getString("description"),
                    rs.getObject("rectify_by", LocalDate.class),
                    rs.getLong("assessment_id"),
                    rs.getString("name"),
                    rs.getString("credit_code")
                })
                .list();
        for (Object[] finding : open) {
            LocalDate by = (LocalDate) finding[2];
            boolean overdue = today.isAfter(by);
            sent += notices.send(
                            (String) finding[5],
                            overdue
                                    ? "netsec.assessment.notice.rectificationOverdue"
                                    : "netsec.assessment.notice.rectificationDue",
                            List.of(finding[4], finding[1], by),
                            "/console/netsec/assessments/" + finding[3],
                            (overdue ? "netsec.rectification-overdue:" : "netsec.rectification-due:") + finding[0])
                    .size();
        }
        return sent;
    }
}

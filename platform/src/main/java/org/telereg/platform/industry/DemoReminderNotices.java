package org.telereg.platform.industry;

import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo: the operators' inboxes hold the first reminder (five days before the due day) of every
 * report of theirs still open and not yet due, as the daily job will send them, so the bell of
 * cmcc shows a count from the start. Idempotent: each reminder is sent once (its once-key is the
 * report and that reminder day), so a second start adds nothing.
 */
@Component
@Profile("demo")
@Order(64)
class DemoReminderNotices implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final OperatorReports reports;
    private final ReminderNotices notices;

    DemoReminderNotices(JdbcClient jdbc, OperatorReports reports, ReminderNotices notices) {
        this.jdbc = jdbc;
        this.reports = reports;
        this.notices = notices;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        List<ReportView> open = jdbc.sql("select * from industry_report where status in ('DRAFT', 'RETURNED')"
                        + " and due_on >= :today order by id")
                .param("today", reports.today())
                .query(OperatorReports::view)
                .list();
        for (ReportView report : open) {
            LocalDate remindedOn = report.dueOn().minusDays(5);
            notices.remind(new ReportReminderSent(
                    report.id(),
                    report.operatorCreditCode(),
                    report.provinceCode(),
                    report.templateCode(),
                    report.periodCode(),
                    report.dueOn(),
                    remindedOn));
        }
    }
}

package org.telereg.platform.industry;

import java.util.List;
import java.util.Locale;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.telereg.platform.notices.Notices;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Puts each reminder of the daily job into the operator's inbox (站内通知), and so through the
 * notice senders (e-mail, SMS). Once per report and reminder day, however often the event is
 * delivered.
 */
@Component
class ReminderNotices {

    static final String MESSAGE = "industry.notice.reminder";

    private final Notices notices;
    private final MetricCatalogue catalogue;

    ReminderNotices(Notices notices, MetricCatalogue catalogue) {
        this.notices = notices;
        this.catalogue = catalogue;
    }

    @ApplicationModuleListener
    void on(ReportReminderSent reminder) {
        remind(reminder);
    }

    /** Writes the reminder's notice, in the caller's transaction and thread (once per report and day). */
    void remind(ReportReminderSent reminder) {
        ReportTemplate template = catalogue.template(reminder.templateCode()).orElse(null);
        String nameZh = template == null ? reminder.templateCode() : template.name(Locale.SIMPLIFIED_CHINESE);
        String nameEn = template == null ? reminder.templateCode() : template.name(Locale.ENGLISH);
        ProvinceCode province = ProvinceCode.of(reminder.provinceCode());
        notices.send(
                reminder.operatorCreditCode(),
                MESSAGE,
                List.of(
                        nameZh,
                        reminder.periodCode(),
                        reminder.dueOn(),
                        reminder.templateCode(),
                        nameEn,
                        province.name(),
                        province.code()),
                "/console/industry/reports/" + reminder.reportId(),
                "industry.reminder:" + reminder.reportId() + ":" + reminder.remindedOn());
    }
}

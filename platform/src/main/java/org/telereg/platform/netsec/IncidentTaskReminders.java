package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.notices.Notices;

/**
 * Tells the organisation given an incident task when its deadline has passed and the task is still open: once
 * per task (a once-key per task and deadline, so a deadline moved later is reminded again), through its inbox,
 * with a link to the command page. Tasks of closed incidents are not reminded.
 */
@Component
class IncidentTaskReminders {

    private final JdbcClient jdbc;
    private final Incidents incidents;
    private final Notices notices;

    IncidentTaskReminders(JdbcClient jdbc, Incidents incidents, Notices notices) {
        this.jdbc = jdbc;
        this.incidents = incidents;
        this.notices = notices;
    }

    /** Every morning; transactional so the notices and their audit events commit together. */
    @Scheduled(cron = "0 45 7 * * *", zone = "Asia/Shanghai")
    @Transactional
    public void daily() {
        remind(incidents.today());
    }

    /** Sends the reminders of the tasks overdue on {@code today}; returns how many notices were written. */
    @Transactional
    int remind(LocalDate today) {
        record Overdue(
                long task, String title, LocalDate dueOn, String assignee, long incident, String incidentTitle) {}
        List<Overdue> overdue = jdbc.sql("""
                        select t.id, t.title, t.due_on, t.assignee_code, i.id as incident_id, i.title as incident_title
                        from netsec_incident_task t join netsec_incident i on i.id = t.incident_id
                        where t.done_at is null and t.due_on < :today and i.status <> 'CLOSED'
                        order by t.id""")
                .param("today", today)
                .query((rs, n) -> new Overdue(
                        rs.getLong("id"),
                        rs.getString("title"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("assignee_code"),
                        rs.getLong("incident_id"),
                        rs.getString("incident_title")))
                .list();
        int sent = 0;
        for (Overdue o : overdue) {
            sent += notices.send(
                            o.assignee(),
                            "netsec.incident.task.notice.overdue",
                            List.of(o.incident(), o.incidentTitle(), o.title(), o.dueOn()),
                            "/console/netsec/incidents/" + o.incident(),
                            "netsec.incident-task-overdue:" + o.task() + ":" + o.dueOn())
                    .size();
        }
        return sent;
    }
}

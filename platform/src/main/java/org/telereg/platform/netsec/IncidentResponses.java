package org.telereg.platform.netsec;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.Actor;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.notices.Notices;

/**
 * Starts the response of an incident's level: the checklist of {@link ResponseStep}, the notices to
 * the ministry and every affected administration (each organisation once per incident, whatever the
 * level does later), and 24-hour duty for levels I and II. A level raised later adds the steps the new
 * level requires; steps already ticked stay ticked.
 */
@Component
class IncidentResponses {

    static final String MINISTRY = "MIIT";

    private final JdbcClient jdbc;
    private final Notices notices;
    private final AuditTrail audit;
    private final Clock clock;

    IncidentResponses(JdbcClient jdbc, Notices notices, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.notices = notices;
        this.audit = audit;
        this.clock = clock;
    }

    /** Starts (or extends) the response of the incident's level; called inside the caller's transaction. */
    void start(Actor actor, IncidentView incident, IncidentTimeline timeline) {
        IncidentLevel level = incident.level();
        if (level == null) {
            return;
        }
        Instant now = clock.instant();
        // Steps the new level no longer asks for, and nobody did, are dropped; done ones stay as a record.
        jdbc.sql("delete from netsec_incident_check where incident_id = :id and done_at is null")
                .param("id", incident.id())
                .update();
        for (ResponseStep step : ResponseStep.checklist(level)) {
            boolean exists =
                    jdbc.sql("select count(*) from netsec_incident_check where incident_id = :id and step = :step")
                                    .param("id", incident.id())
                                    .param("step", step.name())
                                    .query(Long.class)
                                    .single()
                            > 0;
            if (!exists) {
                jdbc.sql("insert into netsec_incident_check (incident_id, step, response, started_at)"
                                + " values (:id, :step, :response, :at)")
                        .param("id", incident.id())
                        .param("step", step.name())
                        .param("response", level.name())
                        .param("at", now.atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
        String link = "/console/netsec/incidents/" + incident.id();
        List<Object> arguments = List.of(incident.id(), incident.title(), level.name());
        notify(MINISTRY, arguments, link, incident.id());
        done(incident.id(), ResponseStep.NOTIFY_MINISTRY, "system", MINISTRY);
        for (String province : incident.provinces()) {
            notify("CA-" + province, arguments, link, incident.id());
        }
        done(
                incident.id(),
                ResponseStep.NOTIFY_ADMINISTRATIONS,
                "system",
                String.join(
                        ",", incident.provinces().stream().map(p -> "CA-" + p).toList()));
        if (level.severe() && !dutyRunning(incident.id())) {
            jdbc.sql("insert into netsec_incident_duty (incident_id, started_at, started_by) values (:id, :at, :by)")
                    .param("id", incident.id())
                    .param("at", now.atOffset(ZoneOffset.UTC))
                    .param("by", actor.username())
                    .update();
            done(incident.id(), ResponseStep.DUTY_24H, actor.username(), null);
            timeline.add(incident.id(), actor, "DUTY", null);
        }
        audit.record(
                "netsec",
                "Incident",
                Long.toString(incident.id()),
                "responseStarted",
                null,
                Map.of(
                        "response",
                        level.name(),
                        "steps",
                        ResponseStep.checklist(level).size()));
    }

    /** Ends the running duty of a closed incident. */
    void endDuty(Actor actor, long incidentId) {
        jdbc.sql(
                        "update netsec_incident_duty set ended_at = :at, ended_by = :by where incident_id = :id and ended_at is null")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("id", incidentId)
                .update();
    }

    private boolean dutyRunning(long incidentId) {
        return jdbc.sql("select count(*) from netsec_incident_duty where incident_id = :id and ended_at is null")
                        .param("id", incidentId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private void notify(String organisation, List<Object> arguments, String link, long incidentId) {
        notices.send(
                organisation,
                "netsec.incident.notice",
                arguments,
                link,
                "netsec.incident:" + incidentId + ":" + organisation);
    }

    private void done(long incidentId, ResponseStep step, String by, String note) {
        jdbc.sql("update netsec_incident_check set done_by = :by, done_at = :at, note = :note"
                        + " where incident_id = :id and step = :step and done_at is null")
                .param("by", by)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", note)
                .param("id", incidentId)
                .param("step", step.name())
                .update();
    }
}

package org.telereg.platform.netsec;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.Actor;

/** The time line of incidents: every report, update, decision and step, appended in order. */
@Component
class IncidentTimeline {

    private final JdbcClient jdbc;
    private final Clock clock;

    IncidentTimeline(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    void add(long incidentId, Actor actor, String kind, String body) {
        jdbc.sql("insert into netsec_incident_entry (incident_id, entry_kind, body, actor, actor_org, at)"
                        + " values (:id, :kind, :body, :actor, :org, :at)")
                .param("id", incidentId)
                .param("kind", kind)
                .param("body", body)
                .param("actor", cut(actor.username(), 100))
                .param("org", cut(actor.organisationName(), 200))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    List<IncidentEntry> of(long incidentId) {
        return jdbc.sql("select * from netsec_incident_entry where incident_id = :id order by id")
                .param("id", incidentId)
                .query((rs, n) -> new IncidentEntry(
                        rs.getLong("id"),
                        rs.getString("entry_kind"),
                        rs.getString("body"),
                        rs.getString("actor"),
                        rs.getString("actor_org"),
                        rs.getObject("at", OffsetDateTime.class).toInstant()))
                .list();
    }

    private static String cut(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }
}

package org.telereg.platform.licensing;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.credit.ComplianceGate;
import org.telereg.platform.credit.ComplianceHit;
import org.telereg.platform.credit.GateParty;
import org.telereg.platform.credit.GateResult;
import org.telereg.platform.credit.GateSubject;

/**
 * Runs the compliance gate for an application or a licence and keeps what it found beside the
 * record, so a decision shows the evidence it was taken on.
 */
@Component
class GateRecords {

    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final ComplianceGate gate;

    GateRecords(JdbcClient jdbc, ComplianceGate gate) {
        this.jdbc = jdbc;
        this.gate = gate;
    }

    /** The company and the investors and managers of its application (the licence's, for a licence). */
    GateSubject subject(String creditCode, String companyName, Long applicationId) {
        List<GateParty> parties = new ArrayList<>();
        if (applicationId != null) {
            jdbc.sql("select role, party_kind, credit_code, person_key, display_name, id_masked from licensing_party"
                            + " where application_id = :id order by id")
                    .param("id", applicationId)
                    .query((rs, row) -> {
                        GateParty.Role role = GateParty.Role.valueOf(rs.getString("role"));
                        return "COMPANY".equals(rs.getString("party_kind"))
                                ? GateParty.company(role, rs.getString("credit_code"), rs.getString("display_name"))
                                : GateParty.person(
                                        role,
                                        rs.getString("person_key"),
                                        rs.getString("display_name") + " " + rs.getString("id_masked"));
                    })
                    .list()
                    .forEach(parties::add);
        }
        return new GateSubject(creditCode, companyName, parties);
    }

    /** Runs the gate and keeps its findings; the result's time is the run's key (to the millisecond). */
    GateResult run(String stage, Long applicationId, Long licenceId, GateSubject subject) {
        GateResult checked = gate.check(subject);
        GateResult result = new GateResult(checked.hits(), checked.checkedAt().truncatedTo(ChronoUnit.MILLIS));
        for (ComplianceHit hit : result.hits()) {
            jdbc.sql("""
                            insert into licensing_gate_hit (application_id, licence_id, stage, check_code, severity,
                                party_role, party_name, message_code, arguments, evidence, link, checked_at)
                            values (:application, :licence, :stage, :check, :severity, :role, :name, :code, :arguments,
                                :evidence, :link, :at)""")
                    .param("application", applicationId)
                    .param("licence", licenceId)
                    .param("stage", stage)
                    .param("check", hit.check())
                    .param("severity", hit.severity().name())
                    .param("role", hit.party().role().name())
                    .param("name", hit.party().displayName())
                    .param("code", hit.code())
                    .param("arguments", String.join(SEPARATOR, hit.arguments()))
                    .param("evidence", truncate(hit.evidence()))
                    .param("link", hit.link())
                    .param("at", result.checkedAt().atOffset(ZoneOffset.UTC))
                    .update();
        }
        return result;
    }

    /** The findings of one run of the gate on an application or licence, blocking ones first. */
    List<ApplicationView.GateHit> of(String column, long id, Instant checkedAt) {
        if (checkedAt == null) {
            return List.of();
        }
        return jdbc.sql("select * from licensing_gate_hit where " + column + " = :id and checked_at = :at"
                        + " order by severity, id")
                .param("id", id)
                .param("at", checkedAt.atOffset(ZoneOffset.UTC))
                .query((rs, row) -> new ApplicationView.GateHit(
                        rs.getString("stage"),
                        rs.getString("check_code"),
                        rs.getString("severity"),
                        rs.getString("party_role"),
                        rs.getString("party_name"),
                        rs.getString("message_code"),
                        rs.getString("arguments") == null
                                        || rs.getString("arguments").isEmpty()
                                ? List.of()
                                : Arrays.asList(rs.getString("arguments").split(SEPARATOR, -1)),
                        rs.getString("evidence"),
                        rs.getString("link"),
                        rs.getObject("checked_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    private static String truncate(String text) {
        return text == null || text.length() <= 1000 ? text : text.substring(0, 999) + "…";
    }
}

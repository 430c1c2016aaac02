package org.telereg.platform.netsec.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.netsec.IncidentEntry;
import org.telereg.platform.netsec.IncidentLevel;
import org.telereg.platform.netsec.IncidentReport;
import org.telereg.platform.netsec.IncidentStatus;
import org.telereg.platform.netsec.IncidentType;
import org.telereg.platform.netsec.IncidentView;
import org.telereg.platform.netsec.Incidents;
import org.telereg.platform.netsec.WarningView;
import org.telereg.platform.netsec.Warnings;
import org.telereg.platform.shared.RejectedInputException;

/** REST API of incidents: operators report, everyone in scope reads, the time line takes entries. */
@RestController
@RequestMapping("/api/v1/netsec")
@Tag(name = "网络安全事件 netsec incidents", description = "Incident reports, their level and time line; warnings")
class IncidentApiController {

    private final Incidents incidents;
    private final Warnings warnings;

    IncidentApiController(Incidents incidents, Warnings warnings) {
        this.incidents = incidents;
        this.warnings = warnings;
    }

    /** An incident with its time line. */
    record IncidentDetail(IncidentView incident, List<IncidentEntry> timeline) {}

    /** A time-line entry: {@code kind} UPDATE (default) or DECISION (the command only), and its text. */
    record Entry(String kind, String body) {}

    @PostMapping("/incidents")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Report an incident: {type, title, provinces[], affectedCities, affectedUsers, services,"
                    + " companyCreditCode, startedAt, detectedAt, reportedAt, description, dataKinds}",
            description =
                    "type is OUTAGE, DNS_FAILURE, DATA_LEAK, MALWARE, ATTACK or OTHER; times are Beijing time"
                            + " like 2026-12-01T08:30 (reportedAt blank = now); started ≤ detected ≤ reported ≤ now. An"
                            + " operator reports for itself. The level is computed from telereg.netsec.incident.* and the"
                            + " response of the level starts. A refused field answers 400 with errors [{field, code, message}].")
    IncidentView report(Actor actor, @RequestBody(required = false) IncidentReport body) {
        IncidentReport report = body == null ? IncidentReport.blank() : body;
        return incidents.report(actor, report);
    }

    @GetMapping("/incidents")
    @Operation(summary = "Incidents within the caller's scope, filtered by type, status, level, province")
    List<IncidentView> list(
            DataScope scope,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String province) {
        return incidents.list(
                scope,
                new Incidents.Filter(
                        choice("type", IncidentType.class, type),
                        choice("status", IncidentStatus.class, status),
                        choice("level", IncidentLevel.class, level),
                        province == null || province.isBlank()
                                ? null
                                : org.telereg.platform.shared.ProvinceCode.of(province)
                                        .code()));
    }

    @GetMapping("/incidents/{id}")
    @Operation(summary = "One incident with its time line")
    IncidentDetail incident(DataScope scope, @PathVariable long id) {
        IncidentView incident =
                incidents.find(scope, id).orElseThrow(() -> new NoSuchElementException("incident " + id));
        return new IncidentDetail(incident, incidents.timeline(id));
    }

    @PostMapping("/incidents/{id}/timeline")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Append an entry to the time line: {kind: UPDATE|DECISION, body}")
    IncidentDetail entry(Actor actor, @PathVariable long id, @RequestBody(required = false) Entry body) {
        Entry entry = body == null ? new Entry(null, null) : body;
        IncidentView incident = incidents.addEntry(actor, id, entry.kind(), entry.body());
        return new IncidentDetail(incident, incidents.timeline(id));
    }

    @GetMapping("/warnings")
    @Operation(summary = "Active warnings (red and orange: the ministry's; yellow and blue: a province's)")
    List<WarningView> warnings() {
        return warnings.active();
    }

    private static <E extends Enum<E>> E choice(String field, Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        throw RejectedInputException.of(field, "invalid.choice", "is not one of the allowed values", text);
    }
}

package org.telereg.platform.interconnect.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.interconnect.ExpansionTasks;
import org.telereg.platform.interconnect.InterconnectLinks;
import org.telereg.platform.interconnect.InterconnectPoints;
import org.telereg.platform.interconnect.LinkView;
import org.telereg.platform.interconnect.MeasurementBatchReusedException;
import org.telereg.platform.interconnect.PairSettlement;
import org.telereg.platform.interconnect.PointView;
import org.telereg.platform.interconnect.QualityImport;
import org.telereg.platform.interconnect.QualityImportResult;
import org.telereg.platform.interconnect.TaskStatus;
import org.telereg.platform.interconnect.TaskView;
import org.telereg.platform.shared.RejectedInputException;

/** REST API of interconnection: points, links, settlements, quality measurements in, expansion tasks. */
@RestController
@RequestMapping("/api/v1/interconnect")
@Tag(name = "网间互联 interconnect", description = "Interconnection points, links, quality tests and expansion tasks")
class InterconnectApiController {

    private final InterconnectPoints points;
    private final InterconnectLinks links;
    private final QualityImport imports;
    private final ExpansionTasks tasks;
    private final MessageSource messages;

    InterconnectApiController(
            InterconnectPoints points,
            InterconnectLinks links,
            QualityImport imports,
            ExpansionTasks tasks,
            MessageSource messages) {
        this.points = points;
        this.links = links;
        this.imports = imports;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** The body of an operator's expansion: the new capacity and the day it is in force. */
    record Expansion(String capacityGbps, String effectiveOn, String note) {}

    /** The body of the ministry's verification. */
    record Verification(String note) {}

    @GetMapping("/points")
    @Operation(summary = "Direct-connection points and exchange centres within the caller's scope")
    List<PointView> points(DataScope scope) {
        return points.list(scope);
    }

    @GetMapping("/links")
    @Operation(
            summary = "Links within the caller's scope, optionally at one point (point = the point's id)",
            description = "The ministry sees every link, a provincial administration the links at points in its"
                    + " province, an operator the links it is party to.")
    List<LinkView> links(DataScope scope, @RequestParam(required = false) Long point) {
        return links.list(scope, point);
    }

    @GetMapping("/settlements")
    @Operation(
            summary = "A month's settlement per operator pair (month = yyyy-MM, default last month)",
            description = "Capacity is prorated by day; the price is capped at telereg.interconnect.price-cap-yuan."
                    + " See docs/interconnection.md.")
    List<PairSettlement> settlements(DataScope scope, @RequestParam(required = false) String month) {
        return links.pairs(scope, month(month, links.today()));
    }

    @PostMapping(
            path = "/measurements",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Import quality measurements (CSV, UTF-8 or GBK) as the request body",
            description = "Header: time, point, from_operator, to_operator, delay_ms, loss_percent,"
                    + " internal_delay_ms, internal_loss_percent (or their Chinese names). All or nothing: any"
                    + " refused line answers 422 with errors [{line, field, code, message}] and stores nothing."
                    + " The same bytes again answer ALREADY_IMPORTED; the same batchId with other bytes 409."
                    + " The serious-fault rule runs over the months of the new tests; tasksOpened lists the"
                    + " capacity-expansion tasks it opened.")
    ResponseEntity<Object> importMeasurements(
            Actor actor, @RequestParam(required = false) String batchId, @RequestBody(required = false) byte[] body) {
        QualityImportResult result = imports.importFile(actor, batchId, null, body == null ? new byte[0] : body);
        if (result.status() != QualityImportResult.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "interconnect.import.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("Measurement file rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.charset());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/tasks")
    @Operation(summary = "Capacity-expansion tasks within the caller's scope, optionally of one status")
    List<TaskView> tasks(DataScope scope, @RequestParam(required = false) String status) {
        return tasks.list(scope, status(status), null);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One capacity-expansion task")
    TaskView task(DataScope scope, @PathVariable long id) {
        return tasks.find(scope, id).orElseThrow(() -> new NoSuchElementException("task " + id));
    }

    @PostMapping("/tasks/{id}/expansion")
    @Operation(
            summary = "An operator of the link records the expanded capacity: {capacityGbps, effectiveOn, note}",
            description = "Only while the task is OPEN or OVERDUE; the capacity must be above today's and"
                    + " effectiveOn not in the future. The task becomes EXPANDED and the link's capacity history"
                    + " gets the new figure.")
    TaskView expand(Actor actor, @PathVariable long id, @RequestBody(required = false) Expansion body) {
        Expansion expansion = body == null ? new Expansion(null, null, null) : body;
        return tasks.expand(actor, id, expansion.capacityGbps(), expansion.effectiveOn(), expansion.note());
    }

    @PostMapping("/tasks/{id}/verification")
    @Operation(summary = "The ministry verifies an EXPANDED task: {note}")
    TaskView verify(Actor actor, @PathVariable long id, @RequestBody(required = false) Verification body) {
        return tasks.verify(actor, id, body == null ? null : body.note());
    }

    @ExceptionHandler(MeasurementBatchReusedException.class)
    @ResponseStatus(HttpStatus.CONFLICT)
    ProblemDetail batchReused(MeasurementBatchReusedException e) {
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.CONFLICT,
                messages.getMessage(
                        e.problems().get(0).code(), e.problems().get(0).arguments(), e.getMessage(), locale));
        problem.setTitle("Batch id reused");
        problem.setType(URI.create("urn:telereg:problem:batch-reused"));
        problem.setProperty("errors", ProblemErrors.ofFields(e.problems(), messages, locale));
        return problem;
    }

    static YearMonth month(String text, java.time.LocalDate today) {
        if (text == null || text.isBlank()) {
            return YearMonth.from(today).minusMonths(1);
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw RejectedInputException.of("month", "interconnect.invalid.month", "not a month like 2026-10");
        }
    }

    static TaskStatus status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (TaskStatus status : TaskStatus.values()) {
            if (status.name().equalsIgnoreCase(text.strip())) {
                return status;
            }
        }
        throw RejectedInputException.of("status", "invalid.choice", "is not one of the allowed values", text);
    }
}

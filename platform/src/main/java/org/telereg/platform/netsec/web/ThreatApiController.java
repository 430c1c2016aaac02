package org.telereg.platform.netsec.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.netsec.NewThreatIndicator;
import org.telereg.platform.netsec.ThreatChangePage;
import org.telereg.platform.netsec.ThreatFeed;
import org.telereg.platform.netsec.ThreatImportResult;
import org.telereg.platform.netsec.ThreatIndicator;
import org.telereg.platform.netsec.ThreatIndicators;
import org.telereg.platform.netsec.ThreatTaskStatus;
import org.telereg.platform.netsec.ThreatTaskView;
import org.telereg.platform.netsec.ThreatTasks;

/** Threat intelligence for operator systems: the batch import, the change feed, withdrawals and tasks. */
@RestController
@RequestMapping("/api/v1/netsec/threats")
@Tag(name = "netsec threats", description = "威胁情报: indicators, distribution feed, tasks for access providers")
class ThreatApiController {

    private final ThreatIndicators indicators;
    private final ThreatFeed feed;
    private final ThreatTasks tasks;
    private final MessageSource messages;

    ThreatApiController(ThreatIndicators indicators, ThreatFeed feed, ThreatTasks tasks, MessageSource messages) {
        this.indicators = indicators;
        this.feed = feed;
        this.tasks = tasks;
        this.messages = messages;
    }

    /** The body of a batch import. */
    record Batch(List<NewThreatIndicator> indicators) {}

    /** A reason or a note. */
    record Note(String reason) {}

    /** A provider's answer to a task. */
    record Answer(String answer, String note) {}

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Import a batch of indicators (ministry only): {indicators: [{kind, indicator, source,"
                    + " confidence, category, firstSeen, lastSeen, expiresOn}]}",
            description = "All or nothing: any refused item answers 422 with errors [{line, field, code, message}],"
                    + " line counting items from 1, and stores nothing. An indicator already listed exactly so is"
                    + " unchanged (the same batch twice changes nothing); one listed with other details is updated"
                    + " (earliest firstSeen, latest lastSeen); a withdrawn or expired one is listed again. The stored"
                    + " indicators are matched against the filings at once; tasksOpened counts the tasks opened.")
    ResponseEntity<Object> importBatch(Actor actor, @RequestBody(required = false) Batch body) {
        ThreatImportResult result = indicators.importBatch(actor, body == null ? null : body.indicators());
        if (result.accepted()) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "netsec.threat.import.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("Indicators rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/changes")
    @Operation(
            summary = "The changes of the list after a cursor, oldest first: ADDED, UPDATED, WITHDRAWN, EXPIRED",
            description = "Start with after=0 for the whole list, then ask with nextCursor. Cursors are handed out"
                    + " in commit order (a counter row locked until commit), so polling after the last cursor seen"
                    + " never skips nor repeats a change, however writes interleave. more=true means poll again at"
                    + " once. limit is 1 to 1000 (default 500).")
    ThreatChangePage changes(
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
        return feed.after(after, limit);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One indicator")
    ThreatIndicator indicator(@PathVariable long id) {
        return indicators.find(id).orElseThrow(() -> new NoSuchElementException("indicator " + id));
    }

    @PostMapping("/{id}/withdrawal")
    @Operation(summary = "Withdraw an active indicator (ministry only): {reason}")
    ThreatIndicator withdraw(Actor actor, @PathVariable long id, @RequestBody(required = false) Note body) {
        return indicators.withdraw(actor, id, body == null ? null : body.reason());
    }

    @GetMapping("/tasks")
    @Operation(summary = "Tasks within the caller's scope (a provider its own), optionally of one status")
    List<ThreatTaskView> tasks(DataScope scope, @RequestParam(required = false) ThreatTaskStatus status) {
        return tasks.list(scope, status, null);
    }

    @PostMapping("/tasks/{id}/answer")
    @Operation(
            summary = "The site's access provider answers an open task: {answer: TAKEN_DOWN|FALSE_POSITIVE, note}",
            description = "A false positive needs the reason in note. The task waits for the administration's"
                    + " confirmation.")
    ThreatTaskView answer(Actor actor, @PathVariable long id, @RequestBody(required = false) Answer body) {
        Answer answer = body == null ? new Answer(null, null) : body;
        return tasks.answer(actor, id, answer.answer(), answer.note());
    }
}

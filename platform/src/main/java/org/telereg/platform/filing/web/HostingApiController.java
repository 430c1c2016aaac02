package org.telereg.platform.filing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
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
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.filing.FilingTaskAttachment;
import org.telereg.platform.filing.FilingTaskStatus;
import org.telereg.platform.filing.FilingTaskView;
import org.telereg.platform.filing.FilingTasks;
import org.telereg.platform.filing.HostedLists;
import org.telereg.platform.filing.HostedProviderView;
import org.telereg.platform.filing.HostedUploadResult;
import org.telereg.platform.filing.HostedUploadView;
import org.telereg.platform.filing.HostingCheckResult;
import org.telereg.platform.filing.HostingChecks;
import org.telereg.platform.filing.HostingFindingKind;
import org.telereg.platform.filing.ProviderAccuracy;
import org.telereg.platform.filing.ProviderAccuracyPoint;
import org.telereg.platform.filing.StaleFilings;
import org.telereg.platform.shared.RejectedInputException;

/** REST API of access-provider supervision: hosted lists in, check runs, accuracy, tasks. */
@RestController
@RequestMapping("/api/v1/filing")
@Tag(name = "接入资源核查 filing supervision", description = "Hosted lists, cross-checks, DNS, tasks")
class HostingApiController {

    private final HostedLists lists;
    private final HostingChecks checks;
    private final FilingTasks tasks;
    private final ProviderAccuracy accuracy;
    private final StaleFilings stale;
    private final MessageSource messages;

    HostingApiController(
            HostedLists lists,
            HostingChecks checks,
            FilingTasks tasks,
            ProviderAccuracy accuracy,
            StaleFilings stale,
            MessageSource messages) {
        this.lists = lists;
        this.checks = checks;
        this.tasks = tasks;
        this.accuracy = accuracy;
        this.stale = stale;
        this.messages = messages;
    }

    /** The body of an answer: {@code REMOVED}, {@code FILED}, {@code CANCELLED}, {@code REFILED} or {@code DISPUTED}. */
    record Answer(String answer, String note, String evidence) {}

    /** The body of an officer's decision: {@code CONFIRMED} or {@code REOPENED}. */
    record Decision(String decision, String note) {}

    @PostMapping(
            path = "/hosted-lists",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Upload the caller's hosted list (CSV, UTF-8 or GBK) as the request body",
            description = "Header: kind,value (or 类型,域名或IP). kind is DOMAIN or IP. asOf (yyyy-MM-dd, default"
                    + " today) is the date the list describes; it replaces the current list unless older. The same"
                    + " bytes again answer ALREADY_UPLOADED and change nothing. Any refused line answers 422 with"
                    + " errors [{line, field, code, message}] and stores nothing. An accepted list is checked at"
                    + " once; check holds the run.")
    ResponseEntity<Object> upload(
            Actor actor, @RequestParam(required = false) String asOf, @RequestBody(required = false) byte[] body) {
        HostedUploadResult result = lists.upload(actor, asOf, body == null ? new byte[0] : body);
        if (result.status() != HostedUploadResult.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "filing.hosting.rejected", new Object[] {result.errors().size()}, locale));
        problem.setTitle("Hosted list rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.charset());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/hosted-lists")
    @Operation(
            summary = "A provider's uploads, newest first (provider = credit code; a provider sees its own)",
            description = "The current list is marked current; officers see the providers of their scope.")
    List<HostedUploadView> uploads(Actor actor, DataScope scope, @RequestParam(required = false) String provider) {
        return lists.uploads(scope, provider(actor, provider));
    }

    @GetMapping("/hosting/providers")
    @Operation(summary = "Providers with a hosted list within the caller's scope, with accuracy and open tasks")
    List<HostedProviderView> providers(DataScope scope) {
        return lists.providers(scope);
    }

    @PostMapping("/hosting/checks")
    @Operation(
            summary = "Check a provider's current list now (provider = credit code; a provider checks its own)",
            description = "Against the register's ACTIVE filings and, when telereg.filing.dns.servers is set, DNS.")
    HostingCheckResult check(Actor actor, @RequestParam(required = false) String provider) {
        return checks.check(actor, provider(actor, provider));
    }

    @PostMapping("/hosting/checks/all")
    @Operation(summary = "The ministry checks every provider's current list")
    List<HostingCheckResult> checkAll(Actor actor) {
        return checks.checkAll(actor);
    }

    @GetMapping("/hosting/accuracy")
    @Operation(summary = "A provider's accuracy per check run, newest first")
    Map<String, Object> accuracy(Actor actor, DataScope scope, @RequestParam(required = false) String provider) {
        String code = provider(actor, provider);
        if (lists.uploads(scope, code).isEmpty()) {
            throw new NoSuchElementException("provider " + code);
        }
        List<ProviderAccuracyPoint> history = accuracy.history(code);
        return Map.of("provider", code, "listed", accuracy.listedOn(code).isPresent(), "runs", history);
    }

    @PostMapping("/hosting/stale-run")
    @Operation(summary = "Officers run the stale-filing check now over their scope")
    StaleFilings.Result staleRun(Actor actor) {
        return stale.runNow(actor);
    }

    @GetMapping("/tasks")
    @Operation(
            summary = "Supervision tasks within the caller's scope",
            description = "A provider sees its own provider tasks; an administration its province's; the ministry"
                    + " all. Filters: status, kind, provider.")
    List<FilingTaskView> tasks(
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String provider) {
        return tasks.list(
                scope,
                choice("status", status, FilingTaskStatus.class),
                choice("kind", kind, HostingFindingKind.class),
                provider);
    }

    @GetMapping("/tasks/{id}")
    @Operation(summary = "One supervision task")
    FilingTaskView task(DataScope scope, @PathVariable long id) {
        return tasks.find(scope, id).orElseThrow(() -> new NoSuchElementException("task " + id));
    }

    @PostMapping("/tasks/{id}/answer")
    @Operation(
            summary = "The assignee answers: {answer, note, evidence}",
            description = "A provider answers REMOVED, FILED or DISPUTED; an administration CANCELLED, REFILED or"
                    + " DISPUTED. A dispute needs a note.")
    FilingTaskView answer(Actor actor, @PathVariable long id, @RequestBody(required = false) Answer body) {
        Answer answer = body == null ? new Answer(null, null, null) : body;
        return tasks.answer(actor, id, answer.answer(), answer.note(), answer.evidence());
    }

    @PostMapping(path = "/tasks/{id}/answer", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "The assignee answers with evidence files: parts answer, note, evidence and files",
            description = "files: at most telereg.filing.supervision.max-evidence-files PNG, JPEG, GIF, WebP or PDF"
                    + " files of at most max-evidence-bytes each, told apart by their content. Any refused part"
                    + " answers 400 naming it and keeps nothing.")
    FilingTaskView answerWithFiles(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String evidence,
            @RequestParam(name = "files", required = false) List<MultipartFile> files)
            throws IOException {
        return tasks.answer(actor, id, answer, note, evidence, FilingTaskConsoleController.files(files));
    }

    @GetMapping("/tasks/{id}/attachments")
    @Operation(summary = "The files attached to a task's answers")
    List<FilingTaskAttachment> attachments(DataScope scope, @PathVariable long id) {
        tasks.find(scope, id).orElseThrow(() -> new NoSuchElementException("task " + id));
        return tasks.attachments(id);
    }

    @GetMapping("/tasks/{id}/attachments/{file}")
    @Operation(summary = "One attached file (the read is audited)")
    ResponseEntity<Resource> attachment(Actor actor, @PathVariable long id, @PathVariable long file) {
        return FilingTaskConsoleController.download(tasks, actor, id, file);
    }

    @PostMapping("/tasks/{id}/decision")
    @Operation(summary = "The supervising officer confirms (closes) or reopens an answered task: {decision, note}")
    FilingTaskView decide(Actor actor, @PathVariable long id, @RequestBody(required = false) Decision body) {
        Decision decision = body == null ? new Decision(null, null) : body;
        return tasks.close(actor, id, decision.decision(), decision.note());
    }

    private static String provider(Actor actor, String provider) {
        if (actor.scope().kind() == DataScope.Kind.ENTERPRISE) {
            return actor.scope().creditCode();
        }
        if (provider == null || provider.isBlank()) {
            throw RejectedInputException.of("provider", "invalid.required", "is required");
        }
        return provider.strip();
    }

    static <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
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

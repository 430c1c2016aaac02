package org.telereg.platform.netsec.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.telereg.platform.netsec.AppCheckBatchForm;
import org.telereg.platform.netsec.AppCheckBatchView;
import org.telereg.platform.netsec.AppCheckImportResult;
import org.telereg.platform.netsec.AppCheckReport;
import org.telereg.platform.netsec.AppCheckView;
import org.telereg.platform.netsec.AppChecks;
import org.telereg.platform.netsec.AppGraph;
import org.telereg.platform.netsec.AppGraphOffender;
import org.telereg.platform.netsec.AppGraphSdk;
import org.telereg.platform.netsec.AppNoticeItemStatus;
import org.telereg.platform.netsec.AppNoticeItemView;
import org.telereg.platform.netsec.AppNotices;

/** REST API of App governance: test batches and their results, listed Apps and companies' answers. */
@RestController
@RequestMapping("/api/v1/netsec/app-checks")
@Tag(name = "App 个人信息保护 netsec", description = "App test batches, findings, notices, answers and repeat offenders")
class AppCheckApiController {

    private final AppChecks checks;
    private final AppNotices notices;
    private final AppGraph graph;
    private final MessageSource messages;

    AppCheckApiController(AppChecks checks, AppNotices notices, AppGraph graph, MessageSource messages) {
        this.checks = checks;
        this.notices = notices;
        this.graph = graph;
        this.messages = messages;
    }

    /** An answer to a listed App: the fixed version and what was done. */
    record Answer(String version, String answer) {}

    @GetMapping
    @Operation(summary = "The test batches with their counts (regulators)")
    List<AppCheckBatchView> batches(Actor actor) {
        requireRegulator(actor);
        return checks.batches();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Create a test batch (ministry)",
            description = "{name, lab, periodFrom, periodTo, source}; a refused field answers 400 naming it.")
    AppCheckBatchView create(Actor actor, @RequestBody AppCheckBatchForm form) {
        return checks.createBatch(actor, form);
    }

    @GetMapping("/{id}/apps")
    @Operation(
            summary = "The Apps tested in a batch within the caller's scope, with SDKs and findings",
            description = "Ordered by company, App and version; page from 0, size 1–500 (default 100).")
    List<AppCheckView> apps(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) boolean findings,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        requireRegulator(actor);
        checks.batch(id).orElseThrow(() -> new NoSuchElementException("batch " + id));
        return checks.apps(scope, id, q, findings, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .getContent();
    }

    @PostMapping(path = "/{id}/results", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Send a lab's results as JSON (ministry), all or nothing",
            description = "{apps: [{appName, packageName, version, creditCode, companyName, store, sdks: [{name,"
                    + " company}], findings: [{rule, sdk, detail}]}]}; rule is an AppRule name. A refused body"
                    + " answers 422 with errors [{line (the App's position from 1), field, code, message}].")
    ResponseEntity<?> importReport(Actor actor, @PathVariable long id, @RequestBody AppCheckReport report) {
        return outcome(checks.importReport(actor, id, report));
    }

    @PostMapping(
            path = "/{id}/results",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Send a lab's results as CSV (UTF-8 or GBK), all or nothing",
            description = "Columns app_name, package_name, version, credit_code, company_name, store, rule, sdk,"
                    + " sdk_company, detail: one line per finding; a line without rule is an App (or SDK) without"
                    + " findings. A refused file answers 422 with the lines' errors.")
    ResponseEntity<?> importCsv(Actor actor, @PathVariable long id, @RequestBody(required = false) byte[] body) {
        return outcome(checks.importCsv(actor, id, body == null ? new byte[0] : body));
    }

    @GetMapping("/offenders")
    @Operation(summary = "Repeat offenders (findings in two or more batches or versions) and SDKs across companies")
    Map<String, Object> offenders(Actor actor, DataScope scope) {
        requireRegulator(actor);
        List<AppGraphOffender> offenders = graph.offenders(scope);
        List<AppGraphSdk> sdks = graph.sdks(scope);
        return Map.of("companies", offenders, "sdks", sdks);
    }

    @GetMapping("/listed")
    @Operation(summary = "Apps listed on notices within the caller's scope (a company: its own); status filters")
    List<AppNoticeItemView> listed(
            Actor actor, DataScope scope, @RequestParam(required = false) AppNoticeItemStatus status) {
        if (!AppChecks.canRead(actor)) {
            throw new AccessDeniedException("App governance is for regulators and the companies concerned");
        }
        return notices.items(scope, status);
    }

    @PostMapping(path = "/listed/{id}/answer", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "The company answers that its listed App is fixed, until the deadline",
            description = "{version, answer}; after the deadline answers 400 naming deadline.")
    AppNoticeItemView answer(Actor actor, @PathVariable long id, @RequestBody Answer answer) {
        return notices.answer(actor, id, answer.version(), answer.answer());
    }

    private ResponseEntity<?> outcome(AppCheckImportResult result) {
        if (result.imported()) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "netsec.app.import.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("Results rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.encoding());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static void requireRegulator(Actor actor) {
        if (!AppChecks.canRead(actor) || AppChecks.isCompany(actor)) {
            throw new AccessDeniedException("batches and offenders are for regulators");
        }
    }
}

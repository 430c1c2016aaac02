package org.telereg.platform.universal.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.universal.AcceptanceForm;
import org.telereg.platform.universal.Acceptances;
import org.telereg.platform.universal.BatchForm;
import org.telereg.platform.universal.CompensationReport;
import org.telereg.platform.universal.CompensationRow;
import org.telereg.platform.universal.CoverageEvidence;
import org.telereg.platform.universal.CoverageTest;
import org.telereg.platform.universal.ImportOutcome;
import org.telereg.platform.universal.PilotBatch;
import org.telereg.platform.universal.PilotBatches;
import org.telereg.platform.universal.PilotVillages;
import org.telereg.platform.universal.ProgressForm;
import org.telereg.platform.universal.VillageForm;
import org.telereg.platform.universal.VillageView;

/** REST API of the universal-service pilot: batches, villages, progress, evidence, acceptance, report. */
@RestController
@RequestMapping("/api/v1/universal")
@Tag(name = "电信普遍服务 universal", description = "Universal-service pilot batches, villages, acceptance and compensation")
class UniversalApiController {

    private final PilotBatches batches;
    private final PilotVillages villages;
    private final CoverageEvidence evidence;
    private final Acceptances acceptances;
    private final CompensationReport report;
    private final UniversalViews views;
    private final MessageSource messages;

    UniversalApiController(
            PilotBatches batches,
            PilotVillages villages,
            CoverageEvidence evidence,
            Acceptances acceptances,
            CompensationReport report,
            UniversalViews views,
            MessageSource messages) {
        this.batches = batches;
        this.villages = villages;
        this.evidence = evidence;
        this.acceptances = acceptances;
        this.report = report;
        this.views = views;
        this.messages = messages;
    }

    @GetMapping("/batches")
    @Operation(summary = "The pilot batches with their rules (share, years, radius, households, fibre downlink)")
    List<PilotBatch> batches(Actor actor) {
        UniversalViews.requireRead(actor);
        return batches.list();
    }

    @PostMapping(path = "/batches", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a batch (ministry); a refused field answers 400 naming it")
    PilotBatch createBatch(Actor actor, @RequestBody BatchForm form) {
        return batches.save(actor, null, form);
    }

    @PutMapping(path = "/batches/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change a batch's rules (ministry)")
    PilotBatch changeBatch(Actor actor, @PathVariable long id, @RequestBody BatchForm form) {
        return batches.save(actor, id, form);
    }

    @GetMapping("/villages")
    @Operation(
            summary = "Villages within the caller's scope (an administration: its province; an operator: its own)",
            description = "Filters: batch, status, province, plan (FIBRE, 4G, 5G), operator, q (name or code),"
                    + " late=true (unfinished after the batch's completion date); page and size.")
    Map<String, Object> villages(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) Long batch,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String plan,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) boolean late,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        UniversalViews.requireRead(actor);
        Page<VillageView> found = villages.search(
                scope,
                UniversalViews.search(batch, status, province, plan, operator, q, late),
                PageRequest.of(Math.max(0, page), Math.min(Math.max(1, size), 1000)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("total", found.getTotalElements());
        body.put("villages", found.getContent());
        return body;
    }

    @GetMapping("/villages/{id}")
    @Operation(summary = "One village; outside the caller's scope it is 404")
    VillageView village(Actor actor, DataScope scope, @PathVariable long id) {
        UniversalViews.requireRead(actor);
        return villages.get(scope, id);
    }

    @PostMapping(path = "/batches/{id}/villages", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Assign a village to the batch (ministry, or the administration of its province)",
            description = "Body fields are the CSV columns: village_code (12 digits, its first six a current county),"
                    + " name, latitude, longitude, population, households, border, island, operator (credit code or"
                    + " name), plan, construction_cost, yearly_operation_cost.")
    VillageView assign(Actor actor, @PathVariable long id, @RequestBody VillageForm form) {
        return villages.save(actor, id, null, form);
    }

    @PostMapping(
            path = "/batches/{id}/villages",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Import the batch's villages as CSV (UTF-8 or GBK), all or nothing",
            description = "A refused file answers 422 problem+json with errors [{line, field, code, message}];"
                    + " the same file again answers ALREADY_IMPORTED.")
    ResponseEntity<?> importVillages(Actor actor, @PathVariable long id, @RequestBody(required = false) byte[] body) {
        return outcome(villages.importCsv(actor, id, body == null ? new byte[0] : body));
    }

    @PostMapping(
            path = "/sites",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Send base sites as CSV: site_code,latitude,longitude,technology (4G or 5G)",
            description = "An operator sends its own; the ministry names the operator (operator=credit code or name).")
    ResponseEntity<?> importSites(
            Actor actor, @RequestParam(required = false) String operator, @RequestBody(required = false) byte[] body) {
        return outcome(evidence.importSites(actor, operator, body == null ? new byte[0] : body));
    }

    @PostMapping(
            path = "/batches/{id}/signal-tests",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Send signal tests as CSV: village_code,kind,name,households,signal,technology,tested_at",
            description = "kind is COMMITTEE, SCHOOL, CLINIC or SETTLEMENT; the tests of each village named replace"
                    + " its earlier ones.")
    ResponseEntity<?> importTests(Actor actor, @PathVariable long id, @RequestBody(required = false) byte[] body) {
        return outcome(evidence.importTestPoints(actor, id, body == null ? new byte[0] : body));
    }

    @PostMapping(path = "/villages/{id}/progress", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Report build progress (the operator the village is assigned to)",
            description = "{status: UNDER_CONSTRUCTION|BUILT, percent, on: yyyy-MM-dd, note}; a forbidden transition"
                    + " answers 400 naming status.")
    VillageView progress(Actor actor, @PathVariable long id, @RequestBody ProgressForm form) {
        return villages.reportProgress(actor, id, form);
    }

    @GetMapping("/villages/{id}/acceptance-test")
    @Operation(
            summary = "Run the acceptance test now: pass or fail with the reasons (nearest site and distance,"
                    + " places without signal)",
            description = "For a fibre village give fibreAtCommittee and downlinkMbps as the acceptance would state.")
    Map<String, Object> acceptanceTest(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) Boolean fibreAtCommittee,
            @RequestParam(required = false) java.math.BigDecimal downlinkMbps) {
        UniversalViews.requireRead(actor);
        CoverageTest.Result result = acceptances.test(
                scope, id, new CoverageTest.FibreEvidence(Boolean.TRUE.equals(fibreAtCommittee), downlinkMbps));
        return views.result(result);
    }

    @PostMapping(path = "/villages/{id}/acceptance", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Record the acceptance decision (the administration of the village's province)",
            description = "{outcome: ACCEPTED|FAILED_ACCEPTANCE, on, fibreAtCommittee, downlinkMbps, note}; accepting"
                    + " a village that fails the test answers 400 naming outcome.")
    VillageView accept(Actor actor, @PathVariable long id, @RequestBody AcceptanceForm form) {
        return acceptances.record(actor, id, form);
    }

    @GetMapping("/report")
    @Operation(summary = "Compensation per batch and province within the caller's scope (a total line per batch)")
    List<CompensationRow> report(Actor actor, DataScope scope, @RequestParam(required = false) Long batch) {
        UniversalViews.requireRead(actor);
        return report.rows(scope, batch);
    }

    @GetMapping(path = "/report.csv", produces = "text/csv")
    @Operation(summary = "The compensation report as CSV (UTF-8 with BOM, opens in Excel)")
    ResponseEntity<byte[]> reportCsv(Actor actor, DataScope scope, @RequestParam(required = false) Long batch) {
        UniversalViews.requireRead(actor);
        return views.csv(report.rows(scope, batch));
    }

    private ResponseEntity<?> outcome(ImportOutcome outcome) {
        if (outcome.status() != ImportOutcome.Status.REJECTED) {
            return ResponseEntity.ok(outcome);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "universal.import.rejected",
                        new Object[] {outcome.errors().size()},
                        locale));
        problem.setTitle("File rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", outcome.encoding());
        problem.setProperty("errors", ProblemErrors.ofLines(outcome.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}

package org.telereg.platform.industry.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
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
import org.telereg.platform.industry.AnomalyFlag;
import org.telereg.platform.industry.CatalogueVersion;
import org.telereg.platform.industry.ConsistencyRule;
import org.telereg.platform.industry.Metric;
import org.telereg.platform.industry.MetricCatalogue;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportPeriod;
import org.telereg.platform.industry.ReportStatus;
import org.telereg.platform.industry.ReportTemplate;
import org.telereg.platform.industry.ReportView;
import org.telereg.platform.industry.UploadResult;
import org.telereg.platform.shared.RejectedInputException;

/** REST API of operator reports: operators' systems submit their figures, regulators review them. */
@RestController
@RequestMapping("/api/v1/industry")
@Tag(name = "行业统计与监测 industry", description = "Metric catalogue and operators' periodic reports")
class IndustryApiController {

    private final OperatorReports reports;
    private final MetricCatalogue catalogue;
    private final MessageSource messages;

    IndustryApiController(OperatorReports reports, MetricCatalogue catalogue, MessageSource messages) {
        this.reports = reports;
        this.catalogue = catalogue;
        this.messages = messages;
    }

    /** A report's values by metric code: numbers, or strings as a form would send them. */
    record Values(Map<String, Object> values) {}

    /** Why a report goes back to the operator. */
    record Return(String reason) {}

    /** A report with its values and the flags the reviewer sees. */
    record ReportDetail(ReportView report, Map<String, BigDecimal> values, List<AnomalyFlag> flags) {}

    /** The catalogue version in force with its templates. */
    record Catalogue(
            String version,
            LocalDate effectiveOn,
            List<Metric> metrics,
            List<ConsistencyRule> rules,
            List<ReportTemplate> templates) {}

    /** One page of results with its position. */
    record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(
                    page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }

    @GetMapping("/catalogue")
    @Operation(
            summary = "The metric catalogue in force: metrics (units, ranges, formulas), consistency rules, templates")
    Catalogue catalogue(Actor actor) {
        requireRead(actor);
        CatalogueVersion version = catalogue.inForce(reports.today());
        return new Catalogue(
                version.version(),
                version.effectiveOn(),
                List.copyOf(version.metrics()),
                version.rules(),
                catalogue.templates());
    }

    @GetMapping("/reports")
    @Operation(summary = "Reports within the caller's data scope, newest period first")
    PageOf<ReportView> list(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(required = false) String templateCode,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String province,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        requireRead(actor);
        if (period != null && !period.isBlank()) {
            try {
                ReportPeriod.parse(period);
            } catch (IllegalArgumentException e) {
                throw RejectedInputException.of(
                        "period", "industry.invalid.period", "not a period like 2026-11 or 2026-Q3", period.strip());
            }
        }
        return PageOf.of(reports.search(
                scope,
                new OperatorReports.Search(status, templateCode, period, province, null),
                PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500))));
    }

    @GetMapping("/reports/late-and-missing")
    @Operation(summary = "Reports within the caller's data scope not submitted by their due day, or submitted late")
    List<ReportView> lateAndMissing(Actor actor, DataScope scope) {
        requireRead(actor);
        return reports.lateAndMissing(scope, reports.today(), 1000);
    }

    @GetMapping("/reports/{id}")
    @Operation(summary = "One report with its values (entered and derived) and its anomaly flags")
    ReportDetail detail(Actor actor, DataScope scope, @PathVariable long id) {
        requireRead(actor);
        ReportView report = report(scope, id);
        return new ReportDetail(report, reports.values(id), reports.flags(report));
    }

    @PutMapping("/reports/{id}/draft")
    @Operation(
            summary = "Save the caller's own report as a draft",
            description = "Values are checked for type and range only; blanks allowed. 400 problem+json with"
                    + " errors: [{field: METRIC_CODE, code, message}].")
    ReportView draft(Actor actor, @PathVariable long id, @RequestBody Values body) {
        return reports.saveDraft(actor, id, texts(body));
    }

    @PostMapping(path = "/reports/{id}/submission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Submit the caller's own report: {\"values\": {\"BROADBAND_USERS\": 1200000, ...}}",
            description = "Every entered metric is required; derived metrics are computed, never sent. Types,"
                    + " ranges and the catalogue's consistency rules are checked; a refusal is 400 problem+json"
                    + " with one error per metric code. A DRAFT or RETURNED report becomes SUBMITTED.")
    ReportView submit(Actor actor, @PathVariable long id, @RequestBody Values body) {
        return reports.submit(actor, id, texts(body), OperatorReports.Channel.API);
    }

    @PostMapping(
            path = "/reports/{id}/submission",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Submit the caller's own report as CSV (metric_code,value; UTF-8 or GBK)",
            description = "All or nothing; a refused file answers 422 problem+json with errors: [{line, field,"
                    + " code, message}]. A workbook sent as octet-stream is read as .xlsx.")
    ResponseEntity<?> submitCsv(Actor actor, @PathVariable long id, @RequestBody byte[] body) {
        return uploaded(reports.upload(actor, id, body, OperatorReports.FileFormat.CSV));
    }

    @PostMapping(path = "/reports/{id}/submission", consumes = IndustryConsoleController.XLSX)
    @Operation(
            summary = "Submit the caller's own report as an .xlsx workbook",
            description = "The first sheet, header on row 1, columns metric_code and value as in the CSV;"
                    + " numbers or text, formulas evaluated, dates refused. All or nothing; a refused file"
                    + " answers 422 problem+json with sheet and errors: [{line (the row), field, code, message}]."
                    + " An old .xls, an encrypted workbook or a file that is no workbook is refused.")
    ResponseEntity<?> submitXlsx(Actor actor, @PathVariable long id, @RequestBody byte[] body) {
        return uploaded(reports.upload(actor, id, body, OperatorReports.FileFormat.XLSX));
    }

    @GetMapping(path = "/reports/{id}/template.xlsx")
    @Operation(summary = "The report's template as .xlsx: metric codes, names, units and the values saved so far")
    ResponseEntity<byte[]> templateXlsx(Actor actor, DataScope scope, @PathVariable long id, Locale locale) {
        requireRead(actor);
        ReportView report = report(scope, id);
        return IndustryConsoleController.templateResponse(
                report,
                reports.templateFile(scope, id, OperatorReports.FileFormat.XLSX, locale),
                OperatorReports.FileFormat.XLSX);
    }

    @GetMapping(path = "/reports/{id}/template.csv")
    @Operation(summary = "The report's template as CSV (UTF-8 with BOM): metric codes, names, units, saved values")
    ResponseEntity<byte[]> templateCsv(Actor actor, DataScope scope, @PathVariable long id, Locale locale) {
        requireRead(actor);
        ReportView report = report(scope, id);
        return IndustryConsoleController.templateResponse(
                report,
                reports.templateFile(scope, id, OperatorReports.FileFormat.CSV, locale),
                OperatorReports.FileFormat.CSV);
    }

    private ResponseEntity<?> uploaded(UploadResult result) {
        if (result.status() == UploadResult.Status.SUBMITTED) {
            return ResponseEntity.ok(result.report());
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "industry.upload.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("Report file rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.encoding());
        if (result.sheet() != null) {
            problem.setProperty("sheet", result.sheet());
        }
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @PostMapping("/reports/{id}/acceptance")
    @Operation(summary = "Accept a submitted report (the ministry, or the administration of its province)")
    ReportView accept(Actor actor, @PathVariable long id) {
        return reports.accept(actor, id);
    }

    @PostMapping("/reports/{id}/return")
    @Operation(summary = "Return a submitted report to the operator with a reason: {\"reason\": \"...\"}")
    ReportView returnForCorrection(Actor actor, @PathVariable long id, @RequestBody Return body) {
        return reports.returnForCorrection(actor, id, body.reason());
    }

    private static Map<String, String> texts(Values body) {
        Map<String, String> texts = new LinkedHashMap<>();
        if (body == null || body.values() == null) {
            return texts;
        }
        body.values().forEach((code, value) -> texts.put(code, text(value)));
        return texts;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            // Jackson reads 1.2E7 as a double; written out plainly it passes the decimal check.
            return new BigDecimal(number.toString()).toPlainString();
        }
        return value.toString();
    }

    private ReportView report(DataScope scope, long id) {
        return reports.find(scope, id).orElseThrow(() -> new NoSuchElementException("report " + id));
    }

    private static void requireRead(Actor actor) {
        if (!OperatorReports.canRead(actor)) {
            throw new AccessDeniedException("operator reports are for regulators and operators");
        }
    }
}

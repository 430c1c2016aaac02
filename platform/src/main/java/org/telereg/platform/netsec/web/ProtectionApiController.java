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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.netsec.AssessmentDue;
import org.telereg.platform.netsec.AssessmentInput;
import org.telereg.platform.netsec.AssessmentView;
import org.telereg.platform.netsec.FindingView;
import org.telereg.platform.netsec.GradingInput;
import org.telereg.platform.netsec.GradingView;
import org.telereg.platform.netsec.ProtectionAssessments;
import org.telereg.platform.netsec.ProtectionDeadlines;
import org.telereg.platform.netsec.ProtectionUnits;
import org.telereg.platform.netsec.UnitImport;
import org.telereg.platform.netsec.UnitImportResult;
import org.telereg.platform.netsec.UnitInput;
import org.telereg.platform.netsec.UnitSearch;
import org.telereg.platform.netsec.UnitView;

/** REST API of protection management for operator systems: units, gradings and filings, assessment reports. */
@RestController
@RequestMapping("/api/v1/netsec/units")
@Tag(name = "网络安全防护 netsec units", description = "Network units, grading filings and assessment reports")
class ProtectionApiController {

    private final ProtectionUnits units;
    private final ProtectionAssessments assessments;
    private final ProtectionDeadlines deadlines;
    private final UnitImport imports;
    private final MessageSource messages;

    ProtectionApiController(
            ProtectionUnits units,
            ProtectionAssessments assessments,
            ProtectionDeadlines deadlines,
            UnitImport imports,
            MessageSource messages) {
        this.units = units;
        this.assessments = assessments;
        this.deadlines = deadlines;
        this.imports = imports;
        this.messages = messages;
    }

    /** A unit with its grading versions, assessment schedule and reports. */
    record UnitDetail(
            UnitView unit,
            List<GradingView> gradings,
            List<AssessmentDue> schedule,
            List<AssessmentView> assessments) {}

    /** A report with its findings. */
    record AssessmentDetail(AssessmentView assessment, List<FindingView> findings) {}

    @GetMapping
    @Operation(
            summary = "Network units within the caller's scope",
            description = "An operator sees its own units, a provincial administration the units of its province,"
                    + " the ministry every unit. Filters: status (DRAFT, FILED, APPROVED, RETURNED, UNGRADED),"
                    + " province (a code or 'national'), text.")
    List<UnitView> list(
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String text) {
        return units.list(scope, new UnitSearch(status, province, null, null, text, false));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "An operator registers a unit: {name, kind, provinceCode, description}",
            description =
                    "kind: CORE_NETWORK, ACCESS_NETWORK, IDC, CLOUD, DNS, BUSINESS_SYSTEM, SUPPORT_SYSTEM;"
                            + " provinceCode empty for a national unit (filed with the ministry). Refused fields answer 400 with errors [{field, code, message}].")
    UnitView register(Actor actor, @RequestBody(required = false) UnitInput body) {
        return units.register(actor, body == null ? new UnitInput(null, null, null, null) : body);
    }

    @PostMapping(
            path = "/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Register many units from a CSV file (UTF-8 or GBK) sent as the request body",
            description = "Header: name, kind, province, description (or 单元名称, 类型, 范围, 说明), any order;"
                    + " kind as a constant or its Chinese name (核心网, 接入网, 数据中心, 云平台, 域名解析系统,"
                    + " 业务系统, 支撑系统); province empty for a national unit. All or nothing: any refused line"
                    + " answers 400 with errors [{line, field, code, message}] and stores no unit.")
    ResponseEntity<Object> importUnits(Actor actor, @RequestBody(required = false) byte[] body) {
        UnitImportResult result = imports.importCsv(actor, body);
        if (!result.rejected()) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST,
                messages.getMessage(
                        "netsec.unit.import.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("Unit file rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.charset());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.badRequest()
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One unit with its grading versions, assessment schedule and reports")
    UnitDetail unit(DataScope scope, @PathVariable long id) {
        UnitView unit = units.find(scope, id).orElseThrow(() -> new NoSuchElementException("unit " + id));
        return new UnitDetail(unit, units.gradings(id), deadlines.schedule(id), assessments.list(scope, id, null));
    }

    @PostMapping("/{id}/gradings")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Grade a unit with its expert review: {grade, impactObjects, impactDegree, reviewedOn, experts,"
                    + " reviewConclusion}",
            description = "A new DRAFT version, allowed when no version is open; it must be filed within"
                    + " telereg.netsec.filing-days (30) of reviewedOn.")
    GradingView grade(Actor actor, @PathVariable long id, @RequestBody(required = false) GradingInput body) {
        return units.grade(actor, id, body == null ? new GradingInput(null, null, null, null, null, null) : body);
    }

    @PostMapping("/{id}/filing")
    @Operation(
            summary = "File the unit's DRAFT version with its administration",
            description = "After the deadline the filing is taken and marked filedLate.")
    GradingView file(Actor actor, @PathVariable long id) {
        return units.file(actor, id);
    }

    @PostMapping("/{id}/assessments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Upload an assessment report on a graded unit: {kind, assessor, assessedOn, conclusion,"
                    + " findings: [{severity, description, rectifyBy}]}",
            description = "kind COMPLIANCE or RISK; severity HIGH, MEDIUM or LOW; rectifyBy not before assessedOn."
                    + " Refused fields (findings[n].field for the n-th finding) answer 400 and nothing is stored.")
    AssessmentDetail submit(Actor actor, @PathVariable long id, @RequestBody(required = false) AssessmentInput body) {
        AssessmentView report =
                assessments.submit(actor, id, body == null ? new AssessmentInput(null, null, null, null, null) : body);
        return new AssessmentDetail(report, assessments.findings(report.id()));
    }

    @GetMapping("/assessments/{assessmentId}")
    @Operation(summary = "One assessment report with its findings")
    AssessmentDetail assessment(DataScope scope, @PathVariable long assessmentId) {
        AssessmentView report = assessments
                .find(scope, assessmentId)
                .orElseThrow(() -> new NoSuchElementException("assessment " + assessmentId));
        return new AssessmentDetail(report, assessments.findings(assessmentId));
    }
}

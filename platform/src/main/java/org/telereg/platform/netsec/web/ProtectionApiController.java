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
import org.telereg.platform.netsec.AssessmentDue;
import org.telereg.platform.netsec.AssessmentInput;
import org.telereg.platform.netsec.AssessmentView;
import org.telereg.platform.netsec.FindingView;
import org.telereg.platform.netsec.GradingInput;
import org.telereg.platform.netsec.GradingView;
import org.telereg.platform.netsec.ProtectionAssessments;
import org.telereg.platform.netsec.ProtectionDeadlines;
import org.telereg.platform.netsec.ProtectionUnits;
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

    ProtectionApiController(ProtectionUnits units, ProtectionAssessments assessments, ProtectionDeadlines deadlines) {
        this.units = units;
        this.assessments = assessments;
        this.deadlines = deadlines;
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

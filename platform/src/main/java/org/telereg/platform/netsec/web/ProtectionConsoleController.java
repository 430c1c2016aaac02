package org.telereg.platform.netsec.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.netsec.AssessmentInput;
import org.telereg.platform.netsec.AssessmentKind;
import org.telereg.platform.netsec.AssessmentStatus;
import org.telereg.platform.netsec.AssessmentView;
import org.telereg.platform.netsec.FindingInput;
import org.telereg.platform.netsec.GradingInput;
import org.telereg.platform.netsec.GradingStatus;
import org.telereg.platform.netsec.ProtectionAssessments;
import org.telereg.platform.netsec.ProtectionDeadlines;
import org.telereg.platform.netsec.ProtectionUnits;
import org.telereg.platform.netsec.UnitImport;
import org.telereg.platform.netsec.UnitInput;
import org.telereg.platform.netsec.UnitKind;
import org.telereg.platform.netsec.UnitSearch;
import org.telereg.platform.netsec.UnitView;
import org.telereg.platform.shared.CsvDownload;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The 等级保护 pages: units with their filter bar, a unit with its grading versions, decision forms,
 * assessment schedule and time line; the administration's queue and the overdue list; the assessment
 * schedule and reports with their findings and rectifications.
 */
@Controller
@RequestMapping("/console/netsec")
class ProtectionConsoleController {

    private final ProtectionUnits units;
    private final ProtectionAssessments assessments;
    private final ProtectionDeadlines deadlines;
    private final UnitImport imports;
    private final MessageSource messages;

    ProtectionConsoleController(
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

    @GetMapping("/units")
    String list(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String text,
            @RequestParam(required = false, defaultValue = "false") boolean overdue,
            Model model) {
        requireRead(actor);
        UnitSearch search = new UnitSearch(status, province, grade, company, text, overdue);
        model.addAttribute("units", units.list(scope, search));
        model.addAttribute("search", search);
        model.addAttribute("statuses", GradingStatus.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("canRegister", ProtectionUnits.canRegister(actor));
        model.addAttribute("today", units.today());
        return "netsec/units/list";
    }

    /** The filtered list as CSV ({@link CsvDownload}: opens in Excel as it is, formulas defused). */
    @GetMapping("/units.csv")
    ResponseEntity<byte[]> export(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) Integer grade,
            @RequestParam(required = false) String company,
            @RequestParam(required = false) String text,
            @RequestParam(required = false, defaultValue = "false") boolean overdue) {
        requireRead(actor);
        Locale locale = LocaleContextHolder.getLocale();
        CsvDownload csv = new CsvDownload();
        csv.row(Stream.of("company", "creditCode", "name", "kind", "scope", "grade", "status", "filingDueOn")
                .map(h -> messages.getMessage("netsec.unit.field." + h, null, h, locale))
                .toList());
        for (UnitView unit : units.list(scope, new UnitSearch(status, province, grade, company, text, overdue))) {
            csv.row(Arrays.asList(
                    unit.companyName(),
                    unit.creditCode(),
                    unit.name(),
                    messages.getMessage("netsec.unit.kind." + unit.kind(), null, locale),
                    unit.national() ? messages.getMessage("netsec.unit.national", null, locale) : unit.provinceName(),
                    unit.grade(),
                    messages.getMessage(
                            "netsec.unit.status." + (unit.latestStatus() == null ? "UNGRADED" : unit.latestStatus()),
                            null,
                            locale),
                    unit.awaitsFiling() ? unit.filingDueOn() : null));
        }
        return csv.response("netsec-units.csv");
    }

    @GetMapping("/units/new")
    String newUnit(Actor actor, Model model) {
        requireRegister(actor);
        if (!model.containsAttribute("unit")) {
            model.addAttribute("unit", new UnitInput(null, UnitKind.CORE_NETWORK.name(), null, null));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        model.addAttribute("kinds", UnitKind.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        return "netsec/units/new";
    }

    @PostMapping("/units")
    String register(
            Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) String description,
            Model model,
            RedirectAttributes redirect) {
        requireRegister(actor);
        UnitInput input = new UnitInput(name, kind, provinceCode, description);
        try {
            UnitView unit = units.register(actor, input);
            redirect.addFlashAttribute("done", "netsec.unit.done.registered");
            return "redirect:/console/netsec/units/" + unit.id();
        } catch (RejectedInputException e) {
            model.addAttribute("unit", input);
            model.addAttribute("problems", e.problems());
            return newUnit(actor, model);
        }
    }

    @GetMapping("/units/import")
    String importForm(Actor actor, Model model) {
        requireRegister(actor);
        model.addAttribute("problems", List.of());
        return "netsec/units/import";
    }

    @PostMapping("/units/import")
    String importFile(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        requireRegister(actor);
        model.addAttribute("problems", List.of());
        try {
            model.addAttribute("result", imports.importCsv(actor, file == null ? new byte[0] : file.getBytes()));
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "netsec/units/import";
    }

    @GetMapping("/units/queue")
    String queue(Actor actor, Model model) {
        requireRead(actor);
        model.addAttribute("units", units.queue(actor));
        model.addAttribute(
                "reports",
                assessments.list(actor.scope(), null, AssessmentStatus.SUBMITTED).stream()
                        .filter(a -> units.find(DataScope.all(), a.unitId())
                                .map(unit -> ProtectionUnits.administers(actor, unit))
                                .orElse(false))
                        .toList());
        model.addAttribute("today", units.today());
        return "netsec/units/queue";
    }

    @GetMapping("/units/overdue")
    String overdue(Actor actor, DataScope scope, Model model) {
        requireRead(actor);
        model.addAttribute("overdue", deadlines.overdue(scope, units.today()));
        model.addAttribute("today", units.today());
        return "netsec/units/overdue";
    }

    @GetMapping("/units/{id}")
    String unit(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        UnitView unit = units.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        model.addAttribute("unit", unit);
        model.addAttribute("gradings", units.gradings(id));
        model.addAttribute("schedule", deadlines.schedule(id));
        model.addAttribute("reports", assessments.list(scope, id, null));
        model.addAttribute("steps", units.steps(id));
        model.addAttribute("canGrade", ProtectionUnits.canGrade(actor, unit));
        model.addAttribute("canFile", ProtectionUnits.canFile(actor, unit));
        model.addAttribute("canDecide", ProtectionUnits.canDecide(actor, unit));
        model.addAttribute("canSubmit", ProtectionAssessments.canSubmit(actor, unit));
        model.addAttribute("today", units.today());
        if (!model.containsAttribute("grading")) {
            model.addAttribute(
                    "grading",
                    new GradingInput(
                            unit.grade() == null ? null : unit.grade().toString(), null, null, null, null, null));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/units/unit";
    }

    @PostMapping("/units/{id}/gradings")
    String grade(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String grade,
            @RequestParam(required = false) String impactObjects,
            @RequestParam(required = false) String impactDegree,
            @RequestParam(required = false) String reviewedOn,
            @RequestParam(required = false) String experts,
            @RequestParam(required = false) String reviewConclusion,
            Model model,
            RedirectAttributes redirect) {
        units.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        GradingInput input =
                new GradingInput(grade, impactObjects, impactDegree, reviewedOn, experts, reviewConclusion);
        try {
            units.grade(actor, id, input);
            redirect.addFlashAttribute("done", "netsec.unit.done.graded");
            return "redirect:/console/netsec/units/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("grading", input);
            model.addAttribute("problems", e.problems());
            return unit(actor, scope, id, model);
        }
    }

    @PostMapping("/units/{id}/filing")
    String file(Actor actor, DataScope scope, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return onUnit(actor, scope, id, model, redirect, "netsec.unit.done.filed", () -> units.file(actor, id));
    }

    @PostMapping("/units/{id}/approval")
    String approve(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return onUnit(
                actor, scope, id, model, redirect, "netsec.unit.done.approved", () -> units.approve(actor, id, note));
    }

    @PostMapping("/units/{id}/return")
    String returnFiling(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String reasons,
            Model model,
            RedirectAttributes redirect) {
        return onUnit(
                actor,
                scope,
                id,
                model,
                redirect,
                "netsec.unit.done.returned",
                () -> units.returnFiling(actor, id, reasons));
    }

    /**
     * A step on a unit the reader can see: back to the unit's page with {@code done} when it is taken, or the
     * page again with the problems when it is refused.
     */
    private String onUnit(
            Actor actor,
            DataScope scope,
            long id,
            Model model,
            RedirectAttributes redirect,
            String done,
            Runnable step) {
        units.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        try {
            step.run();
            redirect.addFlashAttribute("done", done);
            return "redirect:/console/netsec/units/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return unit(actor, scope, id, model);
        }
    }

    @GetMapping("/assessments")
    String assessments(Actor actor, DataScope scope, @RequestParam(required = false) String status, Model model) {
        requireRead(actor);
        AssessmentStatus chosen = null;
        for (AssessmentStatus s : AssessmentStatus.values()) {
            if (s.name().equalsIgnoreCase(status == null ? "" : status.strip())) {
                chosen = s;
            }
        }
        model.addAttribute("schedule", deadlines.schedule(scope));
        model.addAttribute("reports", assessments.list(scope, null, chosen));
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("statuses", AssessmentStatus.values());
        model.addAttribute("canRegister", ProtectionUnits.canRegister(actor));
        model.addAttribute("today", units.today());
        return "netsec/assessments/list";
    }

    @GetMapping("/assessments/new")
    String newAssessment(Actor actor, @RequestParam(required = false) Long unit, Model model) {
        requireRegister(actor);
        List<UnitView> graded = units.list(actor.scope(), UnitSearch.everything()).stream()
                .filter(u -> ProtectionAssessments.canSubmit(actor, u))
                .toList();
        model.addAttribute("graded", graded);
        model.addAttribute("unitId", unit);
        model.addAttribute("kinds", AssessmentKind.values());
        if (!model.containsAttribute("report")) {
            model.addAttribute("report", new AssessmentInput(AssessmentKind.COMPLIANCE.name(), null, null, null, null));
            model.addAttribute("findingLines", "");
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/assessments/new";
    }

    @PostMapping("/assessments")
    String submit(
            Actor actor,
            @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String assessor,
            @RequestParam(required = false) String assessedOn,
            @RequestParam(required = false) String conclusion,
            @RequestParam(required = false) String findingLines,
            Model model,
            RedirectAttributes redirect) {
        requireRegister(actor);
        AssessmentInput input = new AssessmentInput(kind, assessor, assessedOn, conclusion, findings(findingLines));
        try {
            if (unitId == null) {
                throw RejectedInputException.of("unitId", "invalid.required", "is required");
            }
            AssessmentView report = assessments.submit(actor, unitId, input);
            redirect.addFlashAttribute("done", "netsec.assessment.done.submitted");
            return "redirect:/console/netsec/assessments/" + report.id();
        } catch (RejectedInputException e) {
            model.addAttribute("report", input);
            model.addAttribute("findingLines", findingLines);
            model.addAttribute("problems", e.problems());
            return newAssessment(actor, unitId, model);
        }
    }

    @GetMapping("/assessments/{id}")
    String assessment(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        AssessmentView report = assessments.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        UnitView unit = units.find(DataScope.all(), report.unitId()).orElseThrow();
        model.addAttribute("report", report);
        model.addAttribute("unit", unit);
        model.addAttribute("findings", assessments.findings(id));
        model.addAttribute("canDecide", ProtectionAssessments.canDecide(actor, unit, report));
        model.addAttribute("canRectify", ProtectionAssessments.canRectify(actor, unit, report));
        model.addAttribute("today", units.today());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/assessments/assessment";
    }

    @PostMapping("/assessments/{id}/acceptance")
    String accept(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        assessments.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        try {
            assessments.accept(actor, id, note);
            redirect.addFlashAttribute("done", "netsec.assessment.done.accepted");
            return "redirect:/console/netsec/assessments/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return assessment(actor, scope, id, model);
        }
    }

    @PostMapping("/assessments/{id}/return")
    String returnReport(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String reasons,
            Model model,
            RedirectAttributes redirect) {
        assessments.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        try {
            assessments.returnReport(actor, id, reasons);
            redirect.addFlashAttribute("done", "netsec.assessment.done.returned");
            return "redirect:/console/netsec/assessments/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return assessment(actor, scope, id, model);
        }
    }

    @PostMapping("/assessments/{id}/findings/{findingId}/rectification")
    String rectify(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @PathVariable long findingId,
            @RequestParam(required = false) String evidence,
            Model model,
            RedirectAttributes redirect) {
        assessments.find(scope, id).orElseThrow(ProtectionConsoleController::notFound);
        try {
            assessments.rectify(actor, id, findingId, evidence);
            redirect.addFlashAttribute("done", "netsec.assessment.done.rectified");
            return "redirect:/console/netsec/assessments/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return assessment(actor, scope, id, model);
        }
    }

    /**
     * The findings typed one per line as {@code severity, rectify-by, description} (commas, Chinese
     * commas or tabs); a line with fewer parts becomes a finding whose missing parts are refused.
     */
    static List<FindingInput> findings(String lines) {
        List<FindingInput> findings = new ArrayList<>();
        if (lines == null) {
            return findings;
        }
        for (String line : lines.split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s*[,，\\t]\\s*", 3);
            findings.add(
                    new FindingInput(parts[0], parts.length > 2 ? parts[2] : null, parts.length > 1 ? parts[1] : null));
        }
        return findings;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void requireRead(Actor actor) {
        if (actor.role() == Role.ACCESS_PROVIDER) {
            throw new AccessDeniedException("protection management is for regulators and operators");
        }
    }

    private static void requireRegister(Actor actor) {
        if (!ProtectionUnits.canRegister(actor)) {
            throw new AccessDeniedException("operators register their units and upload their assessments");
        }
    }
}

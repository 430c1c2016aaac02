package org.telereg.platform.realname.web;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.realname.CardCounts;
import org.telereg.platform.realname.InspectionPlanInput;
import org.telereg.platform.realname.InspectionResultInput;
import org.telereg.platform.realname.InspectionStatus;
import org.telereg.platform.realname.InspectionView;
import org.telereg.platform.realname.MonthlyReportInput;
import org.telereg.platform.realname.MonthlyReportView;
import org.telereg.platform.realname.MonthlyReports;
import org.telereg.platform.realname.RiskOutlets;
import org.telereg.platform.realname.StoreInspections;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The console's monthly real-name statistics (实名制月报), store inspections (营业网点检查) and
 * risk-targeted outlet suggestions (风险网点).
 */
@Controller
@RequestMapping("/console/realname")
class RealnameStatisticsController {

    private static final int PAGE_SIZE = 20;
    private static final int TREND_MONTHS = 6;

    private final MonthlyReports reports;
    private final StoreInspections inspections;
    private final RiskOutlets risks;

    RealnameStatisticsController(MonthlyReports reports, StoreInspections inspections, RiskOutlets risks) {
        this.reports = reports;
        this.inspections = inspections;
        this.risks = risks;
    }

    @GetMapping("/reports")
    String reports(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireRead(actor);
        String shownProvince = province(province);
        YearMonth lastMonth = reports.currentMonth().minusMonths(1);
        YearMonth fromMonth = month(from);
        YearMonth toMonth = month(to);
        Page<MonthlyReportView> list =
                reports.list(scope, shownProvince, fromMonth, toMonth, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("reports", list);
        model.addAttribute("trend", reports.trend(scope, shownProvince, lastMonth, TREND_MONTHS));
        model.addAttribute("missing", reports.missing(scope, shownProvince, lastMonth));
        model.addAttribute("lastMonth", lastMonth);
        model.addAttribute("province", shownProvince);
        model.addAttribute("from", fromMonth);
        model.addAttribute("to", toMonth);
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("canSubmit", MonthlyReports.canSubmit(actor));
        return "realname/reports";
    }

    @GetMapping("/reports/new")
    String reportForm(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String reportMonth,
            Model model) {
        requireSubmit(actor);
        MonthlyReportInput input;
        YearMonth month = month(reportMonth);
        String code = province(province);
        if (code != null && month != null) {
            input = reports.find(scope, actor.scope().creditCode(), code, month)
                    .map(MonthlyReportView::asInput)
                    .orElse(new MonthlyReportInput(
                            code, month.toString(), null, null, null, null, null, null, null, null, null, null));
        } else {
            input = new MonthlyReportInput(
                    code,
                    reports.currentMonth().minusMonths(1).toString(),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null);
        }
        prepareReportForm(actor, model, input, List.of());
        return "realname/report-form";
    }

    @PostMapping("/reports")
    String submitReport(
            Actor actor, @ModelAttribute MonthlyReportInput input, Model model, RedirectAttributes redirect) {
        requireSubmit(actor);
        try {
            MonthlyReportView saved = reports.submit(actor, input);
            redirect.addFlashAttribute("submitted", saved);
            return "redirect:/console/realname/reports";
        } catch (RejectedInputException e) {
            prepareReportForm(actor, model, input, e.problems());
            return "realname/report-form";
        }
    }

    @GetMapping("/inspections")
    String inspections(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) InspectionStatus status,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireRead(actor);
        LocalDate today = inspections.today();
        LocalDate fromDay = day(from, today.withDayOfYear(1));
        LocalDate toDay = day(to, today);
        String shownProvince = province(province);
        String shownOperator = operator == null || operator.isBlank() ? null : operator.strip();
        StoreInspections.Search search =
                new StoreInspections.Search(status, shownProvince, shownOperator, q, fromDay, toDay);
        model.addAttribute(
                "inspections", inspections.list(scope, search, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("byOperator", inspections.byOperator(scope, fromDay, toDay));
        model.addAttribute("byProvince", inspections.byProvince(scope, fromDay, toDay));
        model.addAttribute("search", search);
        model.addAttribute("statuses", InspectionStatus.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("operators", inspections.operators());
        model.addAttribute("canPlan", StoreInspections.canPlan(actor));
        return "realname/inspections";
    }

    @GetMapping("/inspections/new")
    String planForm(
            Actor actor,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String outletName,
            @RequestParam(required = false) String province,
            Model model) {
        requirePlanner(actor);
        String shownProvince = province(province);
        if (shownProvince == null && actor.scope().kind() == DataScope.Kind.PROVINCE) {
            shownProvince = actor.scope().provinceCode();
        }
        preparePlanForm(
                model,
                new InspectionPlanInput(
                        operator,
                        outletName,
                        shownProvince,
                        null,
                        inspections.today().plusDays(7).toString(),
                        null),
                List.of());
        if (operator != null && outletName != null) {
            model.addAttribute("suggestedFraud", risks.fraudNumbers(operator, outletName));
        }
        return "realname/inspection-plan";
    }

    @PostMapping("/inspections")
    String plan(Actor actor, @ModelAttribute InspectionPlanInput input, Model model, RedirectAttributes redirect) {
        requirePlanner(actor);
        try {
            InspectionView planned = inspections.plan(actor, input);
            redirect.addFlashAttribute("planned", planned);
            return "redirect:/console/realname/inspections/" + planned.id();
        } catch (RejectedInputException e) {
            preparePlanForm(model, input, e.problems());
            return "realname/inspection-plan";
        }
    }

    @GetMapping("/inspections/{id}")
    String inspection(DataScope scope, Actor actor, @PathVariable long id, Model model) {
        requireRead(actor);
        InspectionView inspection = inspections.find(scope, id).orElseThrow(RealnameStatisticsController::notFound);
        prepareInspection(actor, model, inspection, new InspectionResultInput(null, null, null, null, null), List.of());
        return "realname/inspection";
    }

    @PostMapping("/inspections/{id}/result")
    String record(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @ModelAttribute InspectionResultInput input,
            Model model,
            RedirectAttributes redirect) {
        requirePlanner(actor);
        try {
            inspections.record(actor, id, input);
            redirect.addFlashAttribute("recorded", true);
            return "redirect:/console/realname/inspections/" + id;
        } catch (NoSuchElementException e) {
            throw notFound();
        } catch (RejectedInputException e) {
            InspectionView inspection = inspections.find(scope, id).orElseThrow(RealnameStatisticsController::notFound);
            prepareInspection(actor, model, inspection, input, e.problems());
            return "realname/inspection";
        }
    }

    @GetMapping("/risk")
    String risk(DataScope scope, Actor actor, Model model) {
        requireRead(actor);
        model.addAttribute("outlets", risks.suggestions(scope, risks.shown()));
        model.addAttribute("fraudWeight", risks.fraudWeight());
        model.addAttribute("overCapWeight", risks.overCapWeight());
        model.addAttribute("inspectedMonths", risks.inspectedMonths());
        model.addAttribute("canPlan", StoreInspections.canPlan(actor));
        return "realname/risk";
    }

    private void prepareReportForm(Actor actor, Model model, MonthlyReportInput input, List<FieldProblem> problems) {
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "provinces",
                reports.provincesOf(actor.scope().creditCode()).stream()
                        .map(ProvinceCode::new)
                        .toList());
        model.addAttribute("latestMonth", reports.currentMonth());
    }

    private void preparePlanForm(Model model, InspectionPlanInput input, List<FieldProblem> problems) {
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("operators", inspections.operators());
        model.addAttribute("provinces", ProvinceCode.administered());
    }

    private void prepareInspection(
            Actor actor,
            Model model,
            InspectionView inspection,
            InspectionResultInput input,
            List<FieldProblem> problems) {
        model.addAttribute("inspection", inspection);
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "records",
                StoreInspections.canPlan(actor)
                        && inspection.status() == InspectionStatus.PLANNED
                        && actor.scope().coversProvince(inspection.provinceCode()));
        model.addAttribute("today", inspections.today());
    }

    /** A province filter: a known code, or none (an unknown one shows all in scope rather than an error page). */
    private static String province(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ProvinceCode.of(text).code();
        } catch (InvalidValueException e) {
            return null;
        }
    }

    private static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static LocalDate day(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void requireRead(Actor actor) {
        if (!CardCounts.canRead(actor)) {
            throw new AccessDeniedException("real-name data is for regulators and operators");
        }
    }

    private static void requireSubmit(Actor actor) {
        if (!MonthlyReports.canSubmit(actor)) {
            throw new AccessDeniedException("only operators submit monthly real-name reports");
        }
    }

    private static void requirePlanner(Actor actor) {
        if (!StoreInspections.canPlan(actor)) {
            throw new AccessDeniedException("store inspections are planned by the administrations");
        }
    }
}

package org.telereg.platform.tariffs.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
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
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.tariffs.Dashboard;
import org.telereg.platform.tariffs.DashboardQuery;
import org.telereg.platform.tariffs.FilingResult;
import org.telereg.platform.tariffs.PlanCatalogue;
import org.telereg.platform.tariffs.PlanInput;
import org.telereg.platform.tariffs.PlanKind;
import org.telereg.platform.tariffs.PlanStatus;
import org.telereg.platform.tariffs.PlanUploadResult;
import org.telereg.platform.tariffs.PlanView;
import org.telereg.platform.tariffs.PriceTrend;
import org.telereg.platform.tariffs.TargetInput;
import org.telereg.platform.tariffs.TariffDashboard;
import org.telereg.platform.tariffs.UnitPriceTargets;
import tools.jackson.databind.json.JsonMapper;

/** The console's 提速降费看板, 资费套餐 (list, filing form, upload, history) and 单价目标 pages. */
@Controller
@RequestMapping("/console/tariffs")
class TariffConsoleController {

    private static final int MAX_PLANS = 1000;

    private final PlanCatalogue catalogue;
    private final UnitPriceTargets targets;
    private final TariffDashboard dashboard;
    private final CompanyAliases aliases;
    private final MessageSource messages;
    private final JsonMapper json;

    TariffConsoleController(
            PlanCatalogue catalogue,
            UnitPriceTargets targets,
            TariffDashboard dashboard,
            CompanyAliases aliases,
            MessageSource messages,
            JsonMapper json) {
        this.catalogue = catalogue;
        this.targets = targets;
        this.dashboard = dashboard;
        this.aliases = aliases;
        this.messages = messages;
        this.json = json;
    }

    @ModelAttribute("provinces")
    List<ProvinceCode> provinces() {
        return ProvinceCode.administered();
    }

    @ModelAttribute("provinceNames")
    Map<String, String> provinceNames() {
        Map<String, String> names = new LinkedHashMap<>();
        ProvinceCode.administered().forEach(p -> names.put(p.code(), p.name()));
        return names;
    }

    /** The dashboard's filter as the form sends it, echoed back. */
    record DashboardFilter(String month, String province, String operator) {}

    /** One province's reported fixed unit price for the map; {@code name} is the map's short name. */
    record ProvincePrice(String code, String name, String fullName, BigDecimal value) {}

    @GetMapping("/dashboard")
    String dashboard(
            Actor actor,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator,
            Model model) {
        requireRead(actor);
        YearMonth lastMonth = YearMonth.from(catalogue.today()).minusMonths(1);
        model.addAttribute(
                "filter", new DashboardFilter(month == null ? lastMonth.toString() : month, province, operator));
        model.addAttribute("problems", List.of());
        try {
            DashboardQuery query = DashboardQuery.parse(month, province, operator, lastMonth, aliases);
            Dashboard shown =
                    dashboard.dashboard(actor.scope(), query.month(), query.provinceCode(), query.operatorCreditCode());
            model.addAttribute("dashboard", shown);
            PriceTrend trend =
                    dashboard.trend(actor.scope(), query.month(), query.provinceCode(), query.operatorCreditCode());
            model.addAttribute("fixedChart", json.writeValueAsString(priceChart(trend, PriceTrend.Figure.FIXED_PRICE)));
            model.addAttribute(
                    "mobileChart", json.writeValueAsString(priceChart(trend, PriceTrend.Figure.MOBILE_PRICE)));
            model.addAttribute("speedChart", json.writeValueAsString(speedChart(trend)));
            model.addAttribute("query", query);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "tariffs/dashboard";
    }

    @GetMapping("/dashboard/map-data")
    @ResponseBody
    List<ProvincePrice> mapData(
            Actor actor,
            @RequestParam(required = false) String month,
            @RequestParam(required = false) String operator) {
        requireRead(actor);
        DashboardQuery query = DashboardQuery.parse(
                month, null, operator, YearMonth.from(catalogue.today()).minusMonths(1), aliases);
        Map<String, BigDecimal> prices =
                dashboard.fixedPriceByProvince(actor.scope(), query.month(), query.operatorCreditCode());
        return ProvinceCode.administered().stream()
                .filter(p -> prices.containsKey(p.code()))
                .map(p -> new ProvincePrice(p.code(), p.shortName(), p.name(), prices.get(p.code())))
                .toList();
    }

    /** The plan list's filter as the form sends it. */
    record PlanFilter(String province, String kind, String status, String onDate, String q) {}

    @GetMapping("/plans")
    String plans(
            Actor actor,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String onDate,
            @RequestParam(required = false) String q,
            Model model) {
        requireRead(actor);
        PlanFilter filter = new PlanFilter(province, kind, status, onDate, q);
        model.addAttribute("filter", filter);
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("canFile", PlanCatalogue.canFile(actor));
        model.addAttribute("problems", List.of());
        model.addAttribute("plans", List.of());
        FieldProblems problems = new FieldProblems();
        PlanKind planKind = blank(kind) ? null : problems.choice("kind", kind, PlanKind.class);
        PlanStatus planStatus = blank(status) ? null : problems.choice("status", status, PlanStatus.class);
        java.time.LocalDate day = problems.date("onDate", onDate, false);
        String provinceCode = null;
        if (!blank(province)) {
            ProvinceCode parsed = problems.parse("province", province, ProvinceCode::of);
            provinceCode = parsed == null ? null : parsed.code();
        }
        String text = problems.optionalText("q", q, 100);
        if (!problems.isEmpty()) {
            model.addAttribute("problems", problems.list());
            return "tariffs/plans";
        }
        model.addAttribute(
                "plans",
                catalogue.plans(
                        actor.scope(),
                        new PlanCatalogue.Filter(null, provinceCode, planKind, planStatus, day, text),
                        MAX_PLANS));
        return "tariffs/plans";
    }

    @GetMapping("/plans/new")
    String newPlan(Actor actor, @RequestParam(required = false) Long from, Model model) {
        requireFiling(actor);
        PlanInput input = PlanInput.blank();
        if (from != null) {
            List<PlanView> versions = catalogue.history(actor.scope(), from);
            if (versions.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan " + from);
            }
            PlanView plan = versions.get(versions.size() - 1);
            input = new PlanInput(
                    plan.planCode(),
                    plan.name(),
                    plan.kind().name(),
                    plan.provinceCode(),
                    plan.monthlyFee().toPlainString(),
                    plan.downlinkMbps() == null ? null : plan.downlinkMbps().toString(),
                    plan.dataGb() == null
                            ? null
                            : plan.dataGb().stripTrailingZeros().toPlainString(),
                    plan.voiceMinutes() == null ? null : plan.voiceMinutes().toString(),
                    plan.extras(),
                    String.valueOf(plan.contractMonths()),
                    plan.validFrom().toString(),
                    plan.validTo() == null ? null : plan.validTo().toString(),
                    plan.status().name(),
                    catalogue.today().toString());
        }
        return form(model, input, List.of());
    }

    @PostMapping("/plans")
    String file(Actor actor, PlanInput input, Model model, RedirectAttributes redirect) {
        requireFiling(actor);
        try {
            FilingResult result = catalogue.file(actor, input);
            redirect.addFlashAttribute("done", result.outcome().name());
            return "redirect:/console/tariffs/plans/" + result.plan().planId();
        } catch (RejectedInputException e) {
            return form(model, input, e.problems());
        }
    }

    @GetMapping("/plans/{id}")
    String plan(Actor actor, @PathVariable long id, Model model) {
        requireRead(actor);
        List<PlanView> versions = catalogue.history(actor.scope(), id);
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no plan " + id);
        }
        List<PlanView> newestFirst = new ArrayList<>(versions);
        java.util.Collections.reverse(newestFirst);
        model.addAttribute("versions", newestFirst);
        model.addAttribute("plan", versions.get(versions.size() - 1));
        model.addAttribute("canFile", PlanCatalogue.canFile(actor));
        return "tariffs/plan";
    }

    @GetMapping("/plans/upload")
    String uploadForm(Actor actor, Model model) {
        requireFiling(actor);
        return "tariffs/upload";
    }

    @PostMapping("/plans/upload")
    String upload(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        requireFiling(actor);
        PlanUploadResult result = catalogue.upload(actor, file == null ? new byte[0] : file.getBytes());
        model.addAttribute("result", result);
        return "tariffs/upload";
    }

    @GetMapping("/targets")
    String targets(Actor actor, Model model) {
        requireRead(actor);
        return targetsPage(
                actor,
                model,
                new TargetInput(String.valueOf(catalogue.today().getYear()), null, null, null, null),
                List.of());
    }

    @PostMapping("/targets")
    String saveTarget(Actor actor, TargetInput input, Model model, RedirectAttributes redirect) {
        if (!UnitPriceTargets.canEdit(actor)) {
            throw new AccessDeniedException("the ministry sets unit-price targets");
        }
        try {
            targets.save(actor, input);
            redirect.addFlashAttribute("done", "targetSaved");
            return "redirect:/console/tariffs/targets";
        } catch (RejectedInputException e) {
            return targetsPage(actor, model, input, e.problems());
        }
    }

    private String targetsPage(Actor actor, Model model, TargetInput input, List<?> problems) {
        model.addAttribute("targets", targets.all());
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("canEdit", UnitPriceTargets.canEdit(actor));
        return "tariffs/targets";
    }

    private String form(Model model, PlanInput input, List<?> problems) {
        model.addAttribute("input", input);
        model.addAttribute("kinds", PlanKind.values());
        model.addAttribute("statuses", PlanStatus.values());
        model.addAttribute("problems", problems);
        return "tariffs/plan-form";
    }

    /** One line per operator and the year's ceiling as a dashed line. */
    private Map<String, Object> priceChart(PriceTrend trend, PriceTrend.Figure figure) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (PriceTrend.Series s : trend.series()) {
            if (s.figure() == figure) {
                series.add(series(s.operatorName(), s.values(), false));
            }
        }
        List<BigDecimal> target = figure == PriceTrend.Figure.FIXED_PRICE ? trend.fixedTarget() : trend.mobileTarget();
        if (target.stream().anyMatch(v -> v != null)) {
            series.add(series(text("tariffs.chart.target"), target, true));
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", trend.months());
        chart.put("series", series);
        chart.put(
                "unit", text(figure == PriceTrend.Figure.FIXED_PRICE ? "tariffs.unit.perMbps" : "tariffs.unit.perGb"));
        return chart;
    }

    /** Reported and measured download per operator. */
    private Map<String, Object> speedChart(PriceTrend trend) {
        List<Map<String, Object>> series = new ArrayList<>();
        for (PriceTrend.Series s : trend.series()) {
            if (s.figure() == PriceTrend.Figure.REPORTED_DOWNLOAD) {
                series.add(series(s.operatorName() + " · " + text("tariffs.chart.reported"), s.values(), false));
            } else if (s.figure() == PriceTrend.Figure.MEASURED_DOWNLOAD) {
                series.add(series(s.operatorName() + " · " + text("tariffs.chart.measured"), s.values(), true));
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", trend.months());
        chart.put("series", series);
        chart.put("unit", "Mbit/s");
        return chart;
    }

    private static Map<String, Object> series(String name, List<BigDecimal> values, boolean dashed) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put("data", values);
        series.put("dashed", dashed);
        return series;
    }

    private static void requireRead(Actor actor) {
        if (!PlanCatalogue.canRead(actor)) {
            throw new AccessDeniedException("tariffs are for regulators and operators");
        }
    }

    private static void requireFiling(Actor actor) {
        if (!PlanCatalogue.canFile(actor)) {
            throw new AccessDeniedException("operators file their own plans");
        }
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}

package org.telereg.platform.interconnect.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.interconnect.ExpansionTasks;
import org.telereg.platform.interconnect.InterconnectLinks;
import org.telereg.platform.interconnect.InterconnectPoints;
import org.telereg.platform.interconnect.LinkView;
import org.telereg.platform.interconnect.MonthlySettlement;
import org.telereg.platform.interconnect.NewLink;
import org.telereg.platform.interconnect.NewPoint;
import org.telereg.platform.interconnect.PointKind;
import org.telereg.platform.interconnect.PointView;
import org.telereg.platform.interconnect.QualityImport;
import org.telereg.platform.interconnect.QualityImportResult;
import org.telereg.platform.interconnect.QualityTest;
import org.telereg.platform.interconnect.Regime;
import org.telereg.platform.interconnect.TaskStatus;
import org.telereg.platform.interconnect.TaskView;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The 网间互联 pages: points with their map, links at a point, a link's capacity, settlement and quality
 * chart, the settlement report, the expansion tasks with their actions, and the measurement upload.
 */
@Controller
@RequestMapping("/console/interconnect")
class InterconnectConsoleController {

    /** How many months of tests the link page charts by default. */
    private static final int CHART_MONTHS = 12;

    private final InterconnectPoints points;
    private final InterconnectLinks links;
    private final QualityImport imports;
    private final ExpansionTasks tasks;
    private final MessageSource messages;
    private final JsonMapper json;

    InterconnectConsoleController(
            InterconnectPoints points,
            InterconnectLinks links,
            QualityImport imports,
            ExpansionTasks tasks,
            MessageSource messages,
            JsonMapper json) {
        this.points = points;
        this.links = links;
        this.imports = imports;
        this.tasks = tasks;
        this.messages = messages;
        this.json = json;
    }

    /** Number of points per province, for the map; {@code name} is the map's short name. */
    record ProvincePoints(String code, String name, String fullName, long value) {}

    @GetMapping
    String points(Actor actor, DataScope scope, Model model) {
        requireRead(actor);
        model.addAttribute("points", points.list(scope));
        model.addAttribute("canManage", InterconnectPoints.canManage(actor));
        model.addAttribute("canImport", QualityImport.canImport(actor));
        model.addAttribute("kinds", PointKind.values());
        if (!model.containsAttribute("point")) {
            model.addAttribute("point", new NewPoint(null, null, "BACKBONE_POINT", null, null));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "interconnect/points";
    }

    @GetMapping("/map-data")
    @ResponseBody
    List<ProvincePoints> mapData(Actor actor, DataScope scope) {
        requireRead(actor);
        Map<String, Long> counts = new HashMap<>();
        for (PointView point : points.list(scope)) {
            counts.merge(point.provinceCode(), 1L, Long::sum);
        }
        return ProvinceCode.administered().stream()
                .map(p -> new ProvincePoints(p.code(), p.shortName(), p.name(), counts.getOrDefault(p.code(), 0L)))
                .toList();
    }

    @PostMapping("/points")
    String addPoint(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String code,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String divisionCode,
            @RequestParam(required = false) String openedOn,
            Model model,
            RedirectAttributes redirect) {
        NewPoint input = new NewPoint(code, name, kind, divisionCode, openedOn);
        try {
            PointView point = points.add(actor, input);
            redirect.addFlashAttribute("done", "pointAdded");
            return "redirect:/console/interconnect/points/" + point.id();
        } catch (RejectedInputException e) {
            model.addAttribute("point", input);
            model.addAttribute("problems", e.problems());
            return points(actor, scope, model);
        }
    }

    @GetMapping("/points/{id}")
    String point(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        PointView point = points.find(scope, id).orElseThrow(() -> notFound());
        List<LinkView> here = links.list(scope, id);
        YearMonth month = YearMonth.from(links.today()).minusMonths(1);
        Map<Long, MonthlySettlement> settlements = new HashMap<>();
        for (LinkView link : here) {
            settlements.put(link.id(), links.settlement(link, month));
        }
        model.addAttribute("pointView", point);
        model.addAttribute("links", here);
        model.addAttribute("settlements", settlements);
        model.addAttribute("month", month.toString());
        model.addAttribute("canManage", InterconnectPoints.canManage(actor));
        model.addAttribute("regimes", Regime.values());
        if (!model.containsAttribute("link")) {
            model.addAttribute(
                    "link",
                    new NewLink(
                            point.code(),
                            null,
                            null,
                            null,
                            "PAID",
                            null,
                            null,
                            links.today().toString()));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "interconnect/point";
    }

    @PostMapping("/points/{id}/links")
    String addLink(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String operatorA,
            @RequestParam(required = false) String operatorB,
            @RequestParam(required = false) String capacityGbps,
            @RequestParam(required = false) String regime,
            @RequestParam(required = false) String priceYuan,
            @RequestParam(required = false) String payer,
            @RequestParam(required = false) String openedOn,
            Model model,
            RedirectAttributes redirect) {
        PointView point = points.find(scope, id).orElseThrow(() -> notFound());
        NewLink input =
                new NewLink(point.code(), operatorA, operatorB, capacityGbps, regime, priceYuan, payer, openedOn);
        try {
            LinkView link = links.create(actor, input);
            redirect.addFlashAttribute("done", "linkAdded");
            return "redirect:/console/interconnect/links/" + link.id();
        } catch (RejectedInputException e) {
            model.addAttribute("link", input);
            model.addAttribute("problems", e.problems());
            return point(actor, scope, id, model);
        }
    }

    @GetMapping("/links/{id}")
    String link(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) Integer months,
            Model model) {
        requireRead(actor);
        LinkView link = links.find(scope, id).orElseThrow(() -> notFound());
        LocalDate today = links.today();
        int shown = months == null ? CHART_MONTHS : Math.max(1, Math.min(months, 60));
        YearMonth first = YearMonth.from(today).minusMonths(shown - 1L);
        List<QualityTest> tests =
                links.tests(id, first.atDay(1).atStartOfDay(), today.plusDays(1).atStartOfDay());
        List<MonthlySettlement> settlements = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            settlements.add(links.settlement(link, YearMonth.from(today).minusMonths(m)));
        }
        model.addAttribute("link", link);
        model.addAttribute("history", links.history(id));
        model.addAttribute("settlements", settlements);
        model.addAttribute("tests", tests);
        model.addAttribute("badTests", tests.stream().filter(QualityTest::bad).count());
        model.addAttribute("chart", json.writeValueAsString(chart(link, tests)));
        model.addAttribute("months", shown);
        model.addAttribute("linkTasks", tasks.list(scope, null, id));
        model.addAttribute("canManage", InterconnectPoints.canManage(actor));
        model.addAttribute("today", today);
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "interconnect/link";
    }

    @PostMapping("/links/{id}/capacity")
    String changeCapacity(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String capacityGbps,
            @RequestParam(required = false) String effectiveOn,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        links.find(scope, id).orElseThrow(InterconnectConsoleController::notFound);
        try {
            links.changeCapacity(actor, id, capacityGbps, effectiveOn, note);
            redirect.addFlashAttribute("done", "capacityChanged");
            return "redirect:/console/interconnect/links/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute(
                    "capacityForm",
                    Map.of(
                            "capacityGbps", capacityGbps == null ? "" : capacityGbps,
                            "effectiveOn", effectiveOn == null ? "" : effectiveOn));
            return link(actor, scope, id, null, model);
        }
    }

    @GetMapping("/settlements")
    String settlements(Actor actor, DataScope scope, @RequestParam(required = false) String month, Model model) {
        requireRead(actor);
        YearMonth chosen = YearMonth.from(links.today()).minusMonths(1);
        model.addAttribute("problems", List.of());
        try {
            chosen = InterconnectApiController.month(month, links.today());
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        var pairs = links.pairs(scope, chosen);
        model.addAttribute("pairs", pairs);
        model.addAttribute("month", chosen.toString());
        model.addAttribute("total", pairs.stream().map(p -> p.amountYuan()).reduce(BigDecimal.ZERO, BigDecimal::add));
        return "interconnect/settlements";
    }

    @GetMapping("/tasks")
    String tasks(Actor actor, DataScope scope, @RequestParam(required = false) String status, Model model) {
        requireRead(actor);
        TaskStatus chosen = null;
        model.addAttribute("problems", List.of());
        try {
            chosen = InterconnectApiController.status(status);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("tasks", tasks.list(scope, chosen, null));
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("statuses", TaskStatus.values());
        model.addAttribute("today", links.today());
        return "interconnect/tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        TaskView task = tasks.find(scope, id).orElseThrow(() -> notFound());
        model.addAttribute("task", task);
        model.addAttribute("steps", tasks.steps(id));
        model.addAttribute("canExpand", ExpansionTasks.canExpand(actor, task));
        model.addAttribute("canVerify", ExpansionTasks.canVerify(actor, task));
        model.addAttribute("today", links.today());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "interconnect/task";
    }

    @PostMapping("/tasks/{id}/expansion")
    String expand(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String capacityGbps,
            @RequestParam(required = false) String effectiveOn,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        tasks.find(scope, id).orElseThrow(InterconnectConsoleController::notFound);
        try {
            tasks.expand(actor, id, capacityGbps, effectiveOn, note);
            redirect.addFlashAttribute("done", "expanded");
            return "redirect:/console/interconnect/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("capacityGbps", capacityGbps);
            model.addAttribute("effectiveOn", effectiveOn);
            return task(actor, scope, id, model);
        }
    }

    @PostMapping("/tasks/{id}/verification")
    String verify(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        tasks.find(scope, id).orElseThrow(InterconnectConsoleController::notFound);
        try {
            tasks.verify(actor, id, note);
            redirect.addFlashAttribute("done", "verified");
            return "redirect:/console/interconnect/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return task(actor, scope, id, model);
        }
    }

    @GetMapping("/import")
    String importForm(Actor actor, Model model) {
        requireImport(actor);
        model.addAttribute("batchId", UUID.randomUUID().toString());
        model.addAttribute("problems", List.of());
        return "interconnect/import";
    }

    @PostMapping("/import")
    String importFile(
            Actor actor,
            @RequestParam(required = false) String batchId,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        requireImport(actor);
        model.addAttribute("problems", List.of());
        try {
            QualityImportResult result = imports.importFile(
                    actor,
                    batchId,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            model.addAttribute("result", result);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "interconnect/import";
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void requireRead(Actor actor) {
        if (actor.role() == Role.ACCESS_PROVIDER) {
            throw new AccessDeniedException("interconnection is for regulators and operators");
        }
    }

    private static void requireImport(Actor actor) {
        if (!QualityImport.canImport(actor)) {
            throw new AccessDeniedException("measurements are imported by the ministry, administrations and operators");
        }
    }

    /** Per test: cross-network and internal delay (ms) and loss (%), by time, both directions. */
    private Map<String, Object> chart(LinkView link, List<QualityTest> tests) {
        List<String> times = new ArrayList<>();
        List<BigDecimal> delay = new ArrayList<>();
        List<BigDecimal> internalDelay = new ArrayList<>();
        List<BigDecimal> loss = new ArrayList<>();
        List<BigDecimal> internalLoss = new ArrayList<>();
        List<Integer> bad = new ArrayList<>();
        for (QualityTest test : tests) {
            times.add(test.measuredAt().toString().replace('T', ' ') + " " + link.nameOf(test.fromOperator()) + "→"
                    + link.nameOf(test.toOperator()));
            delay.add(test.delayMs());
            internalDelay.add(test.internalDelayMs());
            loss.add(test.lossPercent());
            internalLoss.add(test.internalLossPercent());
            if (test.bad()) {
                bad.add(times.size() - 1);
            }
        }
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", times);
        chart.put("delay", Map.of("name", text("interconnect.chart.delay"), "data", delay));
        chart.put("internalDelay", Map.of("name", text("interconnect.chart.internalDelay"), "data", internalDelay));
        chart.put("loss", Map.of("name", text("interconnect.chart.loss"), "data", loss));
        chart.put("internalLoss", Map.of("name", text("interconnect.chart.internalLoss"), "data", internalLoss));
        chart.put("bad", bad);
        chart.put("badName", text("interconnect.chart.bad"));
        return chart;
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}

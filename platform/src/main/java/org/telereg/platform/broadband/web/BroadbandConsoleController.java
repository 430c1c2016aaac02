package org.telereg.platform.broadband.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.engine.broadband.GroupBy;
import org.telereg.engine.broadband.Technology;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.broadband.ImportResult;
import org.telereg.platform.broadband.MeasurementImport;
import org.telereg.platform.broadband.MeasurementUpload;
import org.telereg.platform.broadband.SpeedFigures;
import org.telereg.platform.broadband.SpeedQuery;
import org.telereg.platform.broadband.SpeedReport;
import org.telereg.platform.broadband.SpeedStatistics;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;
import tools.jackson.databind.json.JsonMapper;

/** The 宽带测速 page (filters, table, charts, province map) and the speed-test upload of the console. */
@Controller
@RequestMapping("/console/broadband")
class BroadbandConsoleController {

    /** How many groups the bar chart shows; the table shows them all. */
    private static final int CHART_GROUPS = 40;

    private final MeasurementImport imports;
    private final SpeedStatistics statistics;
    private final MessageSource messages;
    private final JsonMapper json;

    BroadbandConsoleController(
            MeasurementImport imports, SpeedStatistics statistics, MessageSource messages, JsonMapper json) {
        this.imports = imports;
        this.statistics = statistics;
        this.messages = messages;
        this.json = json;
    }

    /** The filter as the form sends it, echoed back into the form. */
    record Filter(List<String> by, String period, String from, String to, String technology, String operator) {

        String joinedBy() {
            return String.join(",", by);
        }
    }

    /** One province's mean download for the map; {@code name} is the map's short name. */
    record ProvinceSpeed(String code, String name, String fullName, BigDecimal value) {}

    @GetMapping
    String speeds(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) List<String> by,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String technology,
            @RequestParam(required = false) String operator,
            Model model) {
        requireRead(scope);
        Filter filter = new Filter(
                by == null ? List.of("province") : by,
                blank(period),
                blank(from),
                blank(to),
                blank(technology),
                blank(operator));
        model.addAttribute("filter", filter);
        model.addAttribute("technologies", Technology.values());
        model.addAttribute("canImport", MeasurementImport.canImport(actor));
        model.addAttribute("problems", List.of());
        try {
            SpeedQuery query = SpeedQuery.parse(
                    filter.joinedBy(),
                    filter.period(),
                    filter.from(),
                    filter.to(),
                    filter.technology(),
                    filter.operator(),
                    null);
            SpeedReport report = statistics.aggregate(scope, query);
            model.addAttribute("report", report);
            model.addAttribute(
                    "labels", report.groups().stream().map(this::label).toList());
            model.addAttribute("chart", json.writeValueAsString(chart(report)));
            SpeedQuery trend = new SpeedQuery(
                    Set.of(GroupBy.OPERATOR, GroupBy.MONTH),
                    query.from(),
                    query.to(),
                    query.technology(),
                    query.operator(),
                    null);
            model.addAttribute("trend", json.writeValueAsString(trend(statistics.aggregate(scope, trend))));
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "broadband/speeds";
    }

    /** Mean download per province within the scope and the page's filters, for the map. */
    @GetMapping("/map-data")
    @ResponseBody
    List<ProvinceSpeed> mapData(
            DataScope scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String technology,
            @RequestParam(required = false) String operator) {
        requireRead(scope);
        SpeedQuery query = SpeedQuery.parse("province", null, from, to, technology, operator, null);
        Map<String, BigDecimal> means = new HashMap<>();
        for (SpeedFigures figures : statistics.aggregate(scope, query).groups()) {
            if (figures.province() != null && figures.meanMbps() != null) {
                means.put(figures.province(), rounded(figures.meanMbps()));
            }
        }
        return ProvinceCode.administered().stream()
                .map(p -> new ProvinceSpeed(p.code(), p.shortName(), p.name(), means.get(p.code())))
                .toList();
    }

    @GetMapping("/import")
    String importForm(Actor actor, Model model) {
        requireImport(actor);
        model.addAttribute("batchId", UUID.randomUUID().toString());
        model.addAttribute("upload", new MeasurementUpload(null, "csv", null, null, null, null));
        model.addAttribute("technologies", Technology.values());
        model.addAttribute("problems", List.of());
        return "broadband/import";
    }

    @PostMapping("/import")
    String importFile(
            Actor actor,
            @RequestParam(required = false) String batchId,
            @RequestParam(required = false) String format,
            @RequestParam(required = false) String panelDate,
            @RequestParam(required = false) String division,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String technology,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        requireImport(actor);
        MeasurementUpload upload = new MeasurementUpload(batchId, format, panelDate, division, operator, technology);
        model.addAttribute("problems", List.of());
        try {
            ImportResult result = imports.importFile(
                    actor,
                    upload,
                    file == null ? null : file.getOriginalFilename(),
                    file == null ? new byte[0] : file.getBytes());
            model.addAttribute("result", result);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        // A fresh batch id for the next file; the one just used stays with its result.
        model.addAttribute("batchId", UUID.randomUUID().toString());
        model.addAttribute("upload", upload);
        model.addAttribute("technologies", Technology.values());
        return "broadband/import";
    }

    private static void requireRead(DataScope scope) {
        if (scope.kind() == DataScope.Kind.NONE) {
            throw new AccessDeniedException(
                    "speed statistics are for the ministry, the administrations and the operators (their own)");
        }
    }

    private static void requireImport(Actor actor) {
        if (!MeasurementImport.canImport(actor)) {
            throw new AccessDeniedException("speed measurements are imported by the ministry and the administrations");
        }
    }

    private String label(SpeedFigures figures) {
        List<String> parts = new ArrayList<>();
        if (figures.provinceName() != null) {
            parts.add(figures.provinceName());
        } else if (figures.province() != null) {
            parts.add(figures.province());
        }
        if (figures.city() != null) {
            parts.add(figures.city());
        }
        if (figures.operator() != null) {
            parts.add(figures.operator());
        }
        if (figures.technology() != null) {
            parts.add(text("broadband.technology." + figures.technology()));
        }
        if (figures.period() != null) {
            parts.add(figures.period());
        }
        return parts.isEmpty() ? text("broadband.speeds.all") : String.join(" · ", parts);
    }

    /** Mean, median and busy-hour mean of the first groups, as the bar chart plots them. */
    private Map<String, Object> chart(SpeedReport report) {
        List<SpeedFigures> shown = report.groups()
                .subList(0, Math.min(CHART_GROUPS, report.groups().size()));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", shown.stream().map(this::label).toList());
        chart.put(
                "series",
                List.of(
                        series(
                                text("broadband.speeds.mean"),
                                shown.stream().map(SpeedFigures::meanMbps).toList()),
                        series(
                                text("broadband.speeds.median"),
                                shown.stream().map(SpeedFigures::medianMbps).toList()),
                        series(
                                text("broadband.speeds.busyHourMean"),
                                shown.stream()
                                        .map(SpeedFigures::busyHourMeanMbps)
                                        .toList())));
        return chart;
    }

    /** Mean download per month, one line per operator. */
    private Map<String, Object> trend(SpeedReport report) {
        TreeMap<String, Map<String, Double>> byOperator = new TreeMap<>();
        TreeMap<String, Boolean> periods = new TreeMap<>();
        for (SpeedFigures figures : report.groups()) {
            String operator =
                    figures.operator() == null ? text("broadband.speeds.unknownOperator") : figures.operator();
            byOperator.computeIfAbsent(operator, o -> new HashMap<>()).put(figures.period(), figures.meanMbps());
            periods.put(figures.period(), true);
        }
        List<String> months = new ArrayList<>(periods.keySet());
        List<Map<String, Object>> series = new ArrayList<>();
        byOperator.forEach((operator, means) ->
                series.add(series(operator, months.stream().map(means::get).toList())));
        Map<String, Object> chart = new LinkedHashMap<>();
        chart.put("categories", months);
        chart.put("series", series);
        return chart;
    }

    private static Map<String, Object> series(String name, List<Double> values) {
        Map<String, Object> series = new LinkedHashMap<>();
        series.put("name", name);
        series.put(
                "data", values.stream().map(v -> v == null ? null : rounded(v)).toList());
        return series;
    }

    private static BigDecimal rounded(double mbps) {
        return BigDecimal.valueOf(mbps).setScale(1, RoundingMode.HALF_UP);
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private String text(String key) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(key, null, key, locale);
    }
}

package org.telereg.platform.industry.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
import org.telereg.platform.industry.CatalogueVersion;
import org.telereg.platform.industry.MetricCatalogue;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;
import org.telereg.platform.industry.ReportStatus;
import org.telereg.platform.industry.ReportTemplate;
import org.telereg.platform.industry.ReportView;
import org.telereg.platform.industry.ScheduleView;
import org.telereg.platform.industry.UploadResult;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** The console of operator reports: the list, one report's form and review, late and missing reports, the catalogue. */
@Controller
@RequestMapping("/console/industry")
class IndustryConsoleController {

    private static final int PAGE_SIZE = 20;
    /** Form fields carrying a metric value are named {@code m_<METRIC_CODE>}. */
    private static final String METRIC_FIELD = "m_";
    /** The media type of an .xlsx workbook. */
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private final OperatorReports reports;
    private final ReportSchedules schedules;
    private final MetricCatalogue catalogue;

    IndustryConsoleController(OperatorReports reports, ReportSchedules schedules, MetricCatalogue catalogue) {
        this.reports = reports;
        this.schedules = schedules;
        this.catalogue = catalogue;
    }

    @GetMapping("/reports")
    String list(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(required = false) String templateCode,
            @RequestParam(required = false) String period,
            @RequestParam(required = false) String province,
            @RequestParam(required = false) String operator,
            @RequestParam(defaultValue = "0") int page,
            Locale locale,
            Model model) {
        requireRead(actor);
        OperatorReports.Search search = new OperatorReports.Search(status, templateCode, period, province, operator);
        Page<ReportView> found = reports.search(scope, search, PageRequest.of(Math.max(page, 0), PAGE_SIZE));
        model.addAttribute("reports", found);
        model.addAttribute("search", search);
        model.addAttribute("statuses", ReportStatus.values());
        List<ReportTemplate> templates = catalogue.templates();
        model.addAttribute("templates", templates);
        model.addAttribute(
                "templateNames",
                templates.stream().collect(Collectors.toMap(ReportTemplate::code, t -> t.name(locale))));
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("today", reports.today());
        model.addAttribute(
                "overdueCount",
                reports.lateAndMissing(scope, reports.today(), 1000).stream()
                        .filter(r -> r.missing(reports.today()))
                        .count());
        return "industry/reports";
    }

    @GetMapping("/reports/{id}")
    String detail(DataScope scope, Actor actor, @PathVariable long id, Locale locale, Model model) {
        requireRead(actor);
        ReportView report = report(scope, id);
        show(
                report,
                actor,
                reports.values(id).entrySet().stream()
                        .collect(
                                LinkedHashMap::new,
                                (m, e) -> m.put(e.getKey(), e.getValue().toPlainString()),
                                Map::putAll),
                List.of(),
                locale,
                model);
        return "industry/report";
    }

    @PostMapping("/reports/{id}")
    String fill(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @RequestParam(defaultValue = "draft") String action,
            @RequestParam MultiValueMap<String, String> form,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        ReportView report = report(scope, id);
        Map<String, String> input = new LinkedHashMap<>();
        form.forEach((name, values) -> {
            if (name.startsWith(METRIC_FIELD) && !values.isEmpty()) {
                input.put(name.substring(METRIC_FIELD.length()), values.get(0));
            }
        });
        try {
            if (action.equals("submit")) {
                reports.submit(actor, id, input, OperatorReports.Channel.CONSOLE);
                redirect.addFlashAttribute("done", "submitted");
            } else {
                reports.saveDraft(actor, id, input);
                redirect.addFlashAttribute("done", "saved");
            }
            return "redirect:/console/industry/reports/" + id;
        } catch (RejectedInputException e) {
            show(report, actor, input, e.problems(), locale, model);
            return "industry/report";
        }
    }

    @PostMapping("/reports/{id}/upload")
    String upload(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @RequestParam("file") MultipartFile file,
            Locale locale,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        ReportView report = report(scope, id);
        UploadResult result = reports.upload(actor, id, file.getBytes(), declared(file));
        if (result.status() == UploadResult.Status.SUBMITTED) {
            redirect.addFlashAttribute("done", "uploaded");
            return "redirect:/console/industry/reports/" + id;
        }
        model.addAttribute("upload", result);
        show(report, actor, Map.of(), List.of(), locale, model);
        return "industry/report";
    }

    /** A file named .xlsx or sent as a workbook must be one; anything else is read by its content. */
    private static OperatorReports.FileFormat declared(MultipartFile file) {
        String name = file.getOriginalFilename() == null
                ? ""
                : file.getOriginalFilename().toLowerCase(Locale.ROOT);
        return name.endsWith(".xlsx") || XLSX.equals(file.getContentType())
                ? OperatorReports.FileFormat.XLSX
                : OperatorReports.FileFormat.CSV;
    }

    @GetMapping("/reports/{id}/template.xlsx")
    ResponseEntity<byte[]> templateXlsx(DataScope scope, Actor actor, @PathVariable long id, Locale locale) {
        return templateFile(scope, actor, id, OperatorReports.FileFormat.XLSX, locale);
    }

    @GetMapping("/reports/{id}/template.csv")
    ResponseEntity<byte[]> templateCsv(DataScope scope, Actor actor, @PathVariable long id, Locale locale) {
        return templateFile(scope, actor, id, OperatorReports.FileFormat.CSV, locale);
    }

    private ResponseEntity<byte[]> templateFile(
            DataScope scope, Actor actor, long id, OperatorReports.FileFormat format, Locale locale) {
        requireRead(actor);
        ReportView report = report(scope, id);
        return templateResponse(report, reports.templateFile(scope, id, format, locale), format);
    }

    /** The download of a report's template file, named after its template, period and province. */
    static ResponseEntity<byte[]> templateResponse(
            ReportView report, byte[] content, OperatorReports.FileFormat format) {
        boolean xlsx = format == OperatorReports.FileFormat.XLSX;
        String name = report.templateCode() + "-" + report.periodCode() + "-" + report.provinceCode()
                + (xlsx ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(
                        xlsx ? MediaType.parseMediaType(XLSX) : new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name).build().toString())
                .body(content);
    }

    @PostMapping("/reports/{id}/accept")
    String accept(DataScope scope, Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        report(scope, id);
        try {
            reports.accept(actor, id);
            redirect.addFlashAttribute("done", "accepted");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("refused", e.problems().get(0));
        }
        return "redirect:/console/industry/reports/" + id;
    }

    @PostMapping("/reports/{id}/return")
    String returnForCorrection(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        report(scope, id);
        try {
            reports.returnForCorrection(actor, id, reason);
            redirect.addFlashAttribute("done", "returned");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("refused", e.problems().get(0));
        }
        return "redirect:/console/industry/reports/" + id;
    }

    @GetMapping("/overdue")
    String overdue(DataScope scope, Actor actor, Model model) {
        requireRead(actor);
        model.addAttribute("today", reports.today());
        model.addAttribute("reports", reports.lateAndMissing(scope, reports.today(), 500));
        return "industry/overdue";
    }

    @GetMapping("/catalogue")
    String catalogue(Actor actor, Locale locale, Model model) {
        requireRead(actor);
        CatalogueVersion version = catalogue.inForce(reports.today());
        model.addAttribute("version", version);
        model.addAttribute("templates", catalogue.templates());
        model.addAttribute("lang", locale);
        return "industry/catalogue";
    }

    /** Filters of the schedules page; every field optional. */
    record ScheduleFilter(String templateCode, String operator, String province) {

        boolean matches(ScheduleView s) {
            return (templateCode == null
                            || templateCode.isBlank()
                            || s.templateCode().equals(templateCode))
                    && (province == null
                            || province.isBlank()
                            || s.provinceCode().equals(province))
                    && (operator == null
                            || operator.isBlank()
                            || s.operatorCreditCode().equals(operator)
                            || s.operatorName().contains(operator.strip()));
        }
    }

    @GetMapping("/schedules")
    String schedules(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) String templateCode,
            @RequestParam(required = false) String operator,
            @RequestParam(required = false) String province,
            Locale locale,
            Model model) {
        requireRead(actor);
        showSchedules(
                scope,
                actor,
                new ScheduleFilter(templateCode, operator, province),
                locale,
                model,
                List.of(),
                Map.of(),
                null);
        return "industry/schedules";
    }

    @PostMapping("/schedules")
    String assign(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) String templateCode,
            @RequestParam(required = false) String operatorCreditCode,
            @RequestParam(required = false) String provinceCode,
            @RequestParam(required = false) List<String> provinceCodes,
            @RequestParam(required = false) String deadlineDay,
            @RequestParam(required = false) String startsOn,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        try {
            if (provinceCodes == null && provinceCode != null) {
                schedules.assign(actor, templateCode, operatorCreditCode, provinceCode, deadlineDay, startsOn);
                redirect.addFlashAttribute("assigned", 1);
            } else {
                ReportSchedules.Assignment assignment =
                        schedules.assign(actor, templateCode, operatorCreditCode, provinceCodes, deadlineDay, startsOn);
                redirect.addFlashAttribute("assigned", assignment.assigned().size());
                if (!assignment.alreadyAssigned().isEmpty()) {
                    redirect.addFlashAttribute("skipped", String.join(", ", assignment.alreadyAssigned()));
                }
            }
            redirect.addFlashAttribute("done", "assigned");
            return "redirect:/console/industry/schedules";
        } catch (RejectedInputException e) {
            Map<String, Object> form = new LinkedHashMap<>();
            form.put("templateCode", templateCode);
            form.put("operatorCreditCode", operatorCreditCode);
            form.put(
                    "provinceCodes",
                    provinceCodes != null ? provinceCodes : provinceCode == null ? List.of() : List.of(provinceCode));
            form.put("deadlineDay", deadlineDay);
            form.put("startsOn", startsOn);
            showSchedules(scope, actor, new ScheduleFilter(null, null, null), locale, model, e.problems(), form, null);
            return "industry/schedules";
        }
    }

    @PostMapping("/schedules/{id}")
    String changeSchedule(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String deadlineDay,
            @RequestParam(defaultValue = "false") boolean active,
            Locale locale,
            Model model,
            RedirectAttributes redirect) {
        schedule(scope, id);
        try {
            schedules.change(actor, id, deadlineDay, active);
            redirect.addFlashAttribute("done", "scheduleChanged");
            return "redirect:/console/industry/schedules#schedule-" + id;
        } catch (RejectedInputException e) {
            Map<String, Object> edit = new LinkedHashMap<>();
            edit.put("deadlineDay", deadlineDay);
            edit.put("active", active);
            showSchedules(
                    scope, actor, new ScheduleFilter(null, null, null), locale, model, e.problems(), Map.of(), id);
            model.addAttribute("edit", edit);
            return "industry/schedules";
        }
    }

    @PostMapping("/schedules/{id}/deactivate")
    String deactivateSchedule(DataScope scope, Actor actor, @PathVariable long id, RedirectAttributes redirect) {
        schedule(scope, id);
        schedules.deactivate(actor, id);
        redirect.addFlashAttribute("done", "scheduleDeactivated");
        return "redirect:/console/industry/schedules#schedule-" + id;
    }

    private ScheduleView schedule(DataScope scope, long id) {
        return schedules.schedule(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private void showSchedules(
            DataScope scope,
            Actor actor,
            ScheduleFilter filter,
            Locale locale,
            Model model,
            List<FieldProblem> problems,
            Map<String, Object> form,
            Long editing) {
        List<ReportTemplate> templates = catalogue.templates();
        model.addAttribute("templates", templates);
        model.addAttribute(
                "templateNames",
                templates.stream().collect(Collectors.toMap(ReportTemplate::code, t -> t.name(locale))));
        model.addAttribute(
                "schedules",
                schedules.schedules(scope).stream().filter(filter::matches).toList());
        model.addAttribute("filter", filter);
        model.addAttribute("lang", locale);
        model.addAttribute("assigns", ReportSchedules.canAssign(actor));
        model.addAttribute("actorScope", actor.scope());
        model.addAttribute("operators", schedules.operators());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute(
                "assignableProvinces",
                ProvinceCode.administered().stream()
                        .filter(p -> actor.scope().coversProvince(p.code()))
                        .toList());
        model.addAttribute("problems", problems);
        model.addAttribute("form", form);
        model.addAttribute("editing", editing);
        model.addAttribute("allProvinces", ReportSchedules.ALL_PROVINCES);
    }

    private void show(
            ReportView report,
            Actor actor,
            Map<String, String> values,
            List<FieldProblem> problems,
            Locale locale,
            Model model) {
        ReportTemplate template = catalogue.template(report.templateCode()).orElseThrow();
        CatalogueVersion version = catalogue.version(report.catalogueVersion());
        model.addAttribute("report", report);
        model.addAttribute("template", template);
        model.addAttribute(
                "metrics",
                template.metricCodes().stream()
                        .map(code -> version.metric(code).orElseThrow())
                        .toList());
        model.addAttribute("values", values);
        model.addAttribute("problems", problems);
        model.addAttribute("lang", locale);
        model.addAttribute("today", reports.today());
        model.addAttribute(
                "fills",
                OperatorReports.canFill(actor, report) && report.status().fillable());
        model.addAttribute(
                "reviews", OperatorReports.canReview(actor, report) && report.status() == ReportStatus.SUBMITTED);
        model.addAttribute("flags", report.status() == ReportStatus.DRAFT ? List.of() : reports.flags(report));
        model.addAttribute("steps", reports.steps(report.id()));
        model.addAttribute("reminders", schedules.reminders(report.id()));
        model.addAttribute("province", ProvinceCode.of(report.provinceCode()).name());
    }

    private ReportView report(DataScope scope, long id) {
        return reports.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static void requireRead(Actor actor) {
        if (!OperatorReports.canRead(actor)) {
            throw new AccessDeniedException("operator reports are for regulators and operators");
        }
    }
}

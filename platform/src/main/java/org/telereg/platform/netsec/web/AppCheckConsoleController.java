package org.telereg.platform.netsec.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
import org.telereg.platform.netsec.AppCheckBatchForm;
import org.telereg.platform.netsec.AppCheckBatchView;
import org.telereg.platform.netsec.AppCheckImportResult;
import org.telereg.platform.netsec.AppCheckView;
import org.telereg.platform.netsec.AppChecks;
import org.telereg.platform.netsec.AppGraph;
import org.telereg.platform.netsec.AppGraphOffender;
import org.telereg.platform.netsec.AppNoticeForm;
import org.telereg.platform.netsec.AppNoticeItemStatus;
import org.telereg.platform.netsec.AppNoticeItemView;
import org.telereg.platform.netsec.AppNoticeView;
import org.telereg.platform.netsec.AppNotices;
import org.telereg.platform.netsec.AppRule;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The App governance pages: test batches with their Apps, results upload and the notice form; a
 * tested App; the notices and each listed App with the company's answer, the re-checks and the
 * takedown; the repeat offenders with the App ↔ company ↔ SDK graph.
 */
@Controller
@RequestMapping("/console/netsec/apps")
class AppCheckConsoleController {

    private static final int APPS_PER_PAGE = 50;

    private final AppChecks checks;
    private final AppNotices notices;
    private final AppGraph graph;
    private final MessageSource messages;

    AppCheckConsoleController(AppChecks checks, AppNotices notices, AppGraph graph, MessageSource messages) {
        this.checks = checks;
        this.notices = notices;
        this.graph = graph;
        this.messages = messages;
    }

    /** Regulators: the batches; a company: its Apps on notices and its tested Apps. */
    @GetMapping
    String index(Actor actor, DataScope scope, Model model) {
        requireRead(actor);
        model.addAttribute("isCompany", AppChecks.isCompany(actor));
        model.addAttribute("canManage", AppChecks.canManage(actor));
        model.addAttribute("today", checks.today());
        if (AppChecks.isCompany(actor)) {
            model.addAttribute("items", notices.items(scope, (AppNoticeItemStatus) null));
            model.addAttribute("apps", checks.apps(scope, null, null, false));
            return "netsec/apps/company";
        }
        model.addAttribute("batches", checks.batches());
        if (!model.containsAttribute("batch")) {
            model.addAttribute("batch", new AppCheckBatchForm(null, null, null, null, null));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/apps/batches";
    }

    @PostMapping("/batches")
    String createBatch(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String lab,
            @RequestParam(required = false) String periodFrom,
            @RequestParam(required = false) String periodTo,
            @RequestParam(required = false) String source,
            Model model,
            RedirectAttributes redirect) {
        AppCheckBatchForm form = new AppCheckBatchForm(name, lab, periodFrom, periodTo, source);
        try {
            AppCheckBatchView batch = checks.createBatch(actor, form);
            redirect.addFlashAttribute("done", "batchCreated");
            return "redirect:/console/netsec/apps/batches/" + batch.id();
        } catch (RejectedInputException e) {
            model.addAttribute("batch", form);
            model.addAttribute("problems", e.problems());
            return index(actor, scope, model);
        }
    }

    @GetMapping("/batches/{id}")
    String batch(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) boolean findings,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireRegulator(actor);
        AppCheckBatchView batch = checks.batch(id).orElseThrow(AppCheckConsoleController::notFound);
        model.addAttribute("batchView", batch);
        Page<AppCheckView> apps =
                checks.apps(scope, id, text, findings, PageRequest.of(Math.max(page, 0), APPS_PER_PAGE));
        model.addAttribute("apps", apps.getContent());
        model.addAttribute("appsPage", apps);
        model.addAttribute("text", text);
        model.addAttribute("findings", findings);
        model.addAttribute("canManage", AppChecks.canManage(actor));
        model.addAttribute("rules", AppRule.values());
        model.addAttribute("today", checks.today());
        if (!model.containsAttribute("notice")) {
            model.addAttribute(
                    "notice",
                    new AppNoticeForm(
                            null,
                            null,
                            checks.today().toString(),
                            checks.today().plusDays(15).toString(),
                            List.of()));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/apps/batch";
    }

    @PostMapping("/batches/{id}/results")
    String importResults(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(value = "file", required = false) MultipartFile file,
            Model model)
            throws IOException {
        AppCheckImportResult result = checks.importCsv(actor, id, file == null ? new byte[0] : file.getBytes());
        model.addAttribute("result", result);
        return batch(actor, scope, id, null, false, 0, model);
    }

    @PostMapping("/notices")
    String publish(
            Actor actor,
            DataScope scope,
            @RequestParam long batchId,
            @RequestParam(required = false) String noticeNumber,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String publishedOn,
            @RequestParam(required = false) String deadline,
            @RequestParam(required = false) List<Long> appIds,
            @RequestParam(required = false) boolean allWithFindings,
            Model model,
            RedirectAttributes redirect) {
        // The batch page shows a page of Apps at a time; "all with findings" lists those of every page.
        List<Long> listed = allWithFindings
                ? checks.apps(DataScope.all(), batchId, null, true).stream()
                        .map(AppCheckView::id)
                        .toList()
                : appIds == null ? List.of() : appIds;
        AppNoticeForm form = new AppNoticeForm(noticeNumber, title, publishedOn, deadline, listed);
        try {
            AppNoticeView notice = notices.publish(actor, form);
            redirect.addFlashAttribute("done", "noticePublished");
            return "redirect:/console/netsec/apps/notices/" + notice.id();
        } catch (RejectedInputException e) {
            model.addAttribute("notice", form);
            model.addAttribute("allWithFindings", allWithFindings);
            model.addAttribute("problems", e.problems());
            return batch(actor, scope, batchId, null, true, 0, model);
        }
    }

    @GetMapping("/tested/{id}")
    String tested(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        AppCheckView app = checks.app(scope, id).orElseThrow(AppCheckConsoleController::notFound);
        model.addAttribute("app", app);
        model.addAttribute("versions", checks.history(scope, app.packageName()));
        model.addAttribute("items", notices.itemsOfApp(scope, id));
        return "netsec/apps/tested";
    }

    @GetMapping("/notices")
    String noticeList(Actor actor, DataScope scope, Model model) {
        requireRead(actor);
        model.addAttribute("notices", notices.notices(scope));
        model.addAttribute("today", checks.today());
        return "netsec/apps/notices";
    }

    @GetMapping("/notices/{id}")
    String notice(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        AppNoticeView notice = notices.notice(scope, id).orElseThrow(AppCheckConsoleController::notFound);
        model.addAttribute("notice", notice);
        model.addAttribute("items", notices.items(scope, id));
        model.addAttribute("today", checks.today());
        return "netsec/apps/notice";
    }

    @GetMapping("/items/{id}")
    String item(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(actor);
        AppNoticeItemView item = notices.item(scope, id).orElseThrow(AppCheckConsoleController::notFound);
        model.addAttribute("item", item);
        model.addAttribute("history", notices.history(id));
        model.addAttribute("today", checks.today());
        model.addAttribute("canAnswer", AppNotices.canAnswer(actor, item, checks.today()));
        model.addAttribute("canRecheck", AppNotices.canRecheck(actor, item, checks.today()));
        model.addAttribute("canConfirm", AppNotices.canConfirm(actor, item));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", Map.of());
        }
        return "netsec/apps/item";
    }

    @PostMapping("/items/{id}/answer")
    String answer(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String answer,
            Model model,
            RedirectAttributes redirect) {
        notices.item(scope, id).orElseThrow(AppCheckConsoleController::notFound);
        try {
            notices.answer(actor, id, version, answer);
            redirect.addFlashAttribute("done", "answered");
            return "redirect:/console/netsec/apps/items/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form("version", version, "answer", answer));
            return item(actor, scope, id, model);
        }
    }

    @PostMapping("/items/{id}/recheck")
    String recheck(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String checkedOn,
            @RequestParam(required = false) String version,
            @RequestParam(required = false) String fixed,
            @RequestParam(required = false) String stores,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        notices.item(scope, id).orElseThrow(AppCheckConsoleController::notFound);
        try {
            AppNoticeItemView item = notices.recheck(actor, id, checkedOn, version, fixed, stores, note);
            redirect.addFlashAttribute("done", item.status() == AppNoticeItemStatus.FIXED ? "fixed" : "takenDown");
            return "redirect:/console/netsec/apps/items/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute(
                    "form", form("checkedOn", checkedOn, "version", version, "stores", stores, "note", note));
            return item(actor, scope, id, model);
        }
    }

    @PostMapping("/items/{id}/takedown-confirmation")
    String confirm(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String confirmedOn,
            Model model,
            RedirectAttributes redirect) {
        notices.item(scope, id).orElseThrow(AppCheckConsoleController::notFound);
        try {
            notices.confirmTakedown(actor, id, confirmedOn);
            redirect.addFlashAttribute("done", "confirmed");
            return "redirect:/console/netsec/apps/items/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("form", form("confirmedOn", confirmedOn));
            return item(actor, scope, id, model);
        }
    }

    @GetMapping("/offenders")
    String offenders(Actor actor, DataScope scope, Model model) {
        requireRegulator(actor);
        model.addAttribute("offenders", graph.offenders(scope));
        model.addAttribute("sdks", graph.sdks(scope));
        return "netsec/apps/offenders";
    }

    /** The repeat offenders with their evidence as CSV (UTF-8 with BOM, opens in Excel). */
    @GetMapping(path = "/offenders.csv", produces = "text/csv")
    ResponseEntity<byte[]> offendersCsv(Actor actor, DataScope scope) {
        requireRegulator(actor);
        Locale locale = LocaleContextHolder.getLocale();
        StringBuilder csv = new StringBuilder("\uFEFF");
        List<String> header = List.of(
                "netsec.app.field.company",
                "netsec.app.export.creditCode",
                "netsec.app.offenders.why",
                "netsec.app.field.batch",
                "netsec.app.offenders.versions",
                "netsec.app.offenders.rules");
        csv.append(String.join(
                        ",",
                        header.stream()
                                .map(k -> CsvCells.quoted(text(k, locale)))
                                .toList()))
                .append("\r\n");
        for (AppGraphOffender offender : graph.offenders(scope)) {
            List<String> grounds = new ArrayList<>();
            if (offender.acrossBatches()) {
                grounds.add(text("netsec.app.offenders.acrossBatches", locale));
            }
            if (offender.acrossVersions()) {
                grounds.add(text("netsec.app.offenders.acrossVersions", locale));
            }
            csv.append(String.join(
                            ",",
                            List.of(
                                    CsvCells.quoted(offender.companyName()),
                                    CsvCells.quoted(offender.creditCode()),
                                    CsvCells.quoted(String.join("、", grounds)),
                                    CsvCells.quoted(String.join("；", offender.batches())),
                                    CsvCells.quoted(String.join("；", offender.versions())),
                                    CsvCells.quoted(String.join(
                                            "、",
                                            offender.rules().stream()
                                                    .map(r -> text("netsec.app.rule." + r, locale))
                                                    .toList())))))
                    .append("\r\n");
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"app-repeat-offenders.csv\"")
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }

    /** The graph for ECharts, with the categories' names in the user's language. */
    @GetMapping("/graph-data")
    @ResponseBody
    Map<String, Object> graphData(Actor actor, DataScope scope) {
        requireRegulator(actor);
        Map<String, Object> data = new LinkedHashMap<>(graph.graph(scope));
        Locale locale = LocaleContextHolder.getLocale();
        List<Map<String, String>> categories = new ArrayList<>();
        for (String key : List.of("company", "app", "sdk")) {
            categories.add(Map.of("name", messages.getMessage("netsec.app.graph." + key, null, key, locale)));
        }
        data.put("categories", categories);
        return data;
    }

    private static Map<String, String> form(String... pairs) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            form.put(pairs[i], pairs[i + 1] == null ? "" : pairs[i + 1]);
        }
        return form;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }

    private static void requireRead(Actor actor) {
        if (!AppChecks.canRead(actor)) {
            throw new AccessDeniedException("App governance is for regulators and the companies concerned");
        }
    }

    /** Batches, offenders and the graph span companies: regulators and auditors only. */
    private static void requireRegulator(Actor actor) {
        requireRead(actor);
        if (AppChecks.isCompany(actor)) {
            throw new AccessDeniedException("a company sees its own Apps");
        }
    }
}

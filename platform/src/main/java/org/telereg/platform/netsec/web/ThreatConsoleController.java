package org.telereg.platform.netsec.web;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.util.UriComponentsBuilder;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.netsec.ThreatCategory;
import org.telereg.platform.netsec.ThreatFeed;
import org.telereg.platform.netsec.ThreatImportResult;
import org.telereg.platform.netsec.ThreatIndicator;
import org.telereg.platform.netsec.ThreatIndicators;
import org.telereg.platform.netsec.ThreatKind;
import org.telereg.platform.netsec.ThreatMatching;
import org.telereg.platform.netsec.ThreatStatus;
import org.telereg.platform.netsec.ThreatTaskAnswer;
import org.telereg.platform.netsec.ThreatTaskStatus;
import org.telereg.platform.netsec.ThreatTaskView;
import org.telereg.platform.netsec.ThreatTasks;
import org.telereg.platform.shared.CsvCells;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The 威胁情报 pages: the list with its filters, the import, an indicator with its changes and the filed
 * sites it matches, and the tasks of access providers with their answers and confirmations.
 */
@Controller
@RequestMapping("/console/netsec/threats")
class ThreatConsoleController {

    private static final int PAGE_SIZE = 50;

    private final ThreatIndicators indicators;
    private final ThreatFeed feed;
    private final ThreatMatching matching;
    private final ThreatTasks tasks;
    private final Clock clock;

    ThreatConsoleController(
            ThreatIndicators indicators, ThreatFeed feed, ThreatMatching matching, ThreatTasks tasks, Clock clock) {
        this.indicators = indicators;
        this.feed = feed;
        this.matching = matching;
        this.tasks = tasks;
        this.clock = clock;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        ThreatKind chosenKind = choice(ThreatKind.class, kind);
        ThreatStatus chosenStatus = choice(ThreatStatus.class, status);
        ThreatCategory chosenCategory = choice(ThreatCategory.class, category);
        Page<ThreatIndicator> found = indicators.search(chosenKind, chosenStatus, chosenCategory, q, page, PAGE_SIZE);
        UriComponentsBuilder link = UriComponentsBuilder.fromPath("/console/netsec/threats")
                .queryParamIfPresent("kind", Optional.ofNullable(chosenKind))
                .queryParamIfPresent("status", Optional.ofNullable(chosenStatus))
                .queryParamIfPresent("category", Optional.ofNullable(chosenCategory))
                .queryParamIfPresent("q", Optional.ofNullable(q).filter(s -> !s.isBlank()));
        model.addAttribute("found", found);
        model.addAttribute(
                "previous",
                link.cloneBuilder()
                        .queryParam("page", Math.max(0, page - 1))
                        .build()
                        .encode()
                        .toUriString());
        model.addAttribute(
                "next",
                link.cloneBuilder()
                        .queryParam("page", page + 1)
                        .build()
                        .encode()
                        .toUriString());
        model.addAttribute("kind", chosenKind == null ? "" : chosenKind.name());
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("category", chosenCategory == null ? "" : chosenCategory.name());
        model.addAttribute("q", q);
        model.addAttribute("kinds", ThreatKind.values());
        model.addAttribute("statuses", ThreatStatus.values());
        model.addAttribute("categories", ThreatCategory.values());
        model.addAttribute("counts", indicators.activeCounts());
        model.addAttribute("cursor", feed.latest());
        model.addAttribute("canManage", ThreatIndicators.canManage(actor));
        return "netsec/threats/list";
    }

    /**
     * The list as filtered, as CSV in the import's columns (plus status), so an export imports again.
     * UTF-8 with a byte-order mark for Excel; a cell that a spreadsheet would read as a formula is
     * prefixed with an apostrophe.
     */
    @GetMapping("/export.csv")
    void export(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String q,
            HttpServletResponse response)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"threat-indicators.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(
                    "kind",
                    "indicator",
                    "source",
                    "confidence",
                    "category",
                    "first_seen",
                    "last_seen",
                    "expires_on",
                    "status");
            for (ThreatIndicator i : indicators.export(
                    choice(ThreatKind.class, kind),
                    choice(ThreatStatus.class, status),
                    choice(ThreatCategory.class, category),
                    q)) {
                csv.writeRecord(
                        i.kind().name(),
                        CsvCells.defused(i.indicator()),
                        CsvCells.defused(i.source()),
                        Integer.toString(i.confidence()),
                        i.category().name(),
                        i.firstSeen().toString(),
                        i.lastSeen().toString(),
                        i.expiresOn() == null ? "" : i.expiresOn().toString(),
                        i.status().name());
            }
        }
    }

    @GetMapping("/import")
    String importPage(Actor actor, Model model) {
        requireManage(actor);
        return "netsec/threats/import";
    }

    @PostMapping("/import")
    String importFile(Actor actor, @RequestParam(required = false) MultipartFile file, Model model) throws IOException {
        requireManage(actor);
        ThreatImportResult result = indicators.importCsv(actor, file == null ? new byte[0] : file.getBytes());
        model.addAttribute("result", result);
        return "netsec/threats/import";
    }

    @GetMapping("/{id:\\d+}")
    String indicator(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        ThreatIndicator indicator = indicators.find(id).orElseThrow(ThreatConsoleController::notFound);
        model.addAttribute("indicator", indicator);
        model.addAttribute("changes", feed.of(id));
        model.addAttribute("tasks", tasks.list(scope, null, id));
        // Which filed sites the indicator hits now: the officers', who may act on the register.
        boolean officer = scope.kind() == DataScope.Kind.ALL || scope.kind() == DataScope.Kind.PROVINCE;
        model.addAttribute(
                "sites",
                officer
                        ? matching.sitesOf(indicator).stream()
                                .filter(s -> scope.coversProvince(s.provinceCode()))
                                .toList()
                        : List.of());
        model.addAttribute("showSites", officer);
        model.addAttribute("canWithdraw", ThreatIndicators.canManage(actor) && indicator.active());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/threats/indicator";
    }

    @PostMapping("/{id:\\d+}/withdrawal")
    String withdraw(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        requireManage(actor);
        try {
            indicators.withdraw(actor, id, reason);
            redirect.addFlashAttribute("done", "withdrawn");
            return "redirect:/console/netsec/threats/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("reason", reason);
            return indicator(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    @GetMapping("/tasks")
    String taskList(Actor actor, DataScope scope, @RequestParam(required = false) String status, Model model) {
        ThreatTaskStatus chosen = choice(ThreatTaskStatus.class, status);
        model.addAttribute("tasks", tasks.list(scope, chosen, null));
        model.addAttribute("counts", tasks.counts(scope));
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("statuses", ThreatTaskStatus.values());
        model.addAttribute("today", LocalDate.now(clock));
        return "netsec/threats/tasks";
    }

    @GetMapping("/tasks/{id}")
    String task(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        ThreatTaskView task = tasks.find(scope, id).orElseThrow(ThreatConsoleController::notFound);
        model.addAttribute("task", task);
        model.addAttribute("steps", tasks.steps(id));
        model.addAttribute("canAnswer", ThreatTasks.canAnswer(actor, task));
        model.addAttribute("canConfirm", ThreatTasks.canConfirm(actor, task));
        model.addAttribute("answers", ThreatTaskAnswer.values());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/threats/task";
    }

    @PostMapping("/tasks/{id}/answer")
    String answer(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            tasks.answer(actor, id, answer, note);
            redirect.addFlashAttribute("done", "answered");
            return "redirect:/console/netsec/threats/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("note", note);
            return task(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    @PostMapping("/tasks/{id}/closure")
    String close(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(name = "closeNote", required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            tasks.close(actor, id, note);
            redirect.addFlashAttribute("done", "closed");
            return "redirect:/console/netsec/threats/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return task(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    @PostMapping("/tasks/{id}/return")
    String returnToProvider(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        try {
            tasks.returnToProvider(actor, id, note);
            redirect.addFlashAttribute("done", "returned");
            return "redirect:/console/netsec/threats/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("returnNote", note);
            return task(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    private static void requireManage(Actor actor) {
        if (!ThreatIndicators.canManage(actor)) {
            throw new AccessDeniedException("the threat list is kept by the ministry");
        }
    }

    private static <E extends Enum<E>> E choice(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        return null;
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}

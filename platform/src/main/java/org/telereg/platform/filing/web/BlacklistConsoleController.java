package org.telereg.platform.filing.web;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
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
import org.telereg.platform.filing.Blacklist;
import org.telereg.platform.filing.BlacklistCategory;
import org.telereg.platform.filing.BlacklistEntry;
import org.telereg.platform.filing.BlacklistKind;
import org.telereg.platform.filing.NewBlacklistEntry;
import org.telereg.platform.shared.CsvDownload;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The 违法违规网站和App名单 pages: the list with its filters, an entry with its severity change and lift
 * forms, the form to list a target, and the CSV import. Everyone signed in reads (operators and access
 * providers must block what is listed); the ministry and the administrations write.
 */
@Controller
@RequestMapping("/console/filing/blacklist")
class BlacklistConsoleController {

    private static final int PAGE_SIZE = 50;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final Blacklist blacklist;
    private final MessageSource messages;

    BlacklistConsoleController(Blacklist blacklist, MessageSource messages) {
        this.blacklist = blacklist;
        this.messages = messages;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer severity,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        String shownStatus = status == null ? "ACTIVE" : status;
        model.addAttribute(
                "page",
                blacklist.search(
                        choice(kind, BlacklistKind.class),
                        shownStatus.isBlank() ? null : shownStatus,
                        choice(category, BlacklistCategory.class),
                        severity,
                        q,
                        page,
                        PAGE_SIZE));
        model.addAttribute("kind", kind);
        model.addAttribute("status", shownStatus);
        model.addAttribute("category", category);
        model.addAttribute("severity", severity);
        model.addAttribute("q", q);
        model.addAttribute("kinds", BlacklistKind.values());
        model.addAttribute("categories", BlacklistCategory.values());
        model.addAttribute("canWrite", Blacklist.canWrite(actor));
        if (!model.containsAttribute("entryForm")) {
            model.addAttribute("entryForm", NewBlacklistEntry.empty());
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/blacklist/list";
    }

    /** The entries the filters select (all of them, not one page) as CSV, as the list shows them. */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) Integer severity,
            @RequestParam(required = false) String q) {
        String shownStatus = status == null ? "ACTIVE" : status;
        List<BlacklistEntry> entries = blacklist.export(
                actor,
                choice(kind, BlacklistKind.class),
                shownStatus.isBlank() ? null : shownStatus,
                choice(category, BlacklistCategory.class),
                severity,
                q);
        Locale locale = LocaleContextHolder.getLocale();
        CsvDownload csv = new CsvDownload();
        csv.row(Stream.of(
                        "kind",
                        "target",
                        "name",
                        "severity",
                        "category",
                        "reason",
                        "authority",
                        "filedNumber",
                        "listedOn",
                        "status",
                        "liftedOn")
                .map(field -> messages.getMessage("filing.blacklist.field." + field, null, field, locale))
                .toList());
        for (BlacklistEntry e : entries) {
            csv.row(Arrays.asList(
                    messages.getMessage(
                            "filing.blacklist.kind." + e.kind(), null, e.kind().name(), locale),
                    e.target(),
                    e.name(),
                    messages.getMessage("filing.blacklist.severity." + e.severity(), null, "" + e.severity(), locale),
                    messages.getMessage(
                            "filing.blacklist.category." + e.category(),
                            null,
                            e.category().name(),
                            locale),
                    e.reason(),
                    Blacklist.authorityName(e.authorityCode()),
                    e.filedNumber(),
                    e.listedOn(),
                    messages.getMessage("filing.blacklist.status." + e.status(), null, e.status(), locale),
                    e.liftedOn()));
        }
        return csv.response("filing-blacklist-" + LocalDate.now(BEIJING) + ".csv");
    }

    @PostMapping
    String add(
            Actor actor,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String target,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String category,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        NewBlacklistEntry input = new NewBlacklistEntry(kind, target, name, severity, category, reason);
        try {
            BlacklistEntry entry = blacklist.list(actor, input);
            redirect.addFlashAttribute("done", "listed");
            return "redirect:/console/filing/blacklist/" + entry.id();
        } catch (RejectedInputException e) {
            model.addAttribute("entryForm", input);
            model.addAttribute("problems", e.problems());
            return list(actor, null, null, null, null, null, 0, model);
        }
    }

    @GetMapping("/{id}")
    String entry(Actor actor, @PathVariable long id, Model model) {
        BlacklistEntry entry = blacklist.entry(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("entry", entry);
        model.addAttribute("authorityName", Blacklist.authorityName(entry.authorityCode()));
        model.addAttribute("canChange", Blacklist.canChange(actor, entry));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/blacklist/entry";
    }

    @PostMapping("/{id}/severity")
    String severity(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            blacklist.changeSeverity(actor, id, severity, reason);
            redirect.addFlashAttribute("done", "severityChanged");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/console/filing/blacklist/" + id;
    }

    @PostMapping("/{id}/lift")
    String lift(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            blacklist.lift(actor, id, reason);
            redirect.addFlashAttribute("done", "lifted");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        }
        return "redirect:/console/filing/blacklist/" + id;
    }

    @GetMapping("/import")
    String importForm(Actor actor) {
        requireWrite(actor);
        return "filing/blacklist/import";
    }

    @PostMapping("/import")
    String importFile(Actor actor, @RequestParam(value = "file", required = false) MultipartFile file, Model model)
            throws IOException {
        requireWrite(actor);
        model.addAttribute("result", blacklist.importCsv(actor, file == null ? new byte[0] : file.getBytes()));
        return "filing/blacklist/import";
    }

    private static void requireWrite(Actor actor) {
        if (!Blacklist.canWrite(actor)) {
            throw new AccessDeniedException("the blacklist is kept by the ministry and the administrations");
        }
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type) {
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
}

package org.telereg.platform.filing.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.UriComponentsBuilder;
import org.telereg.platform.access.Actor;
import org.telereg.platform.filing.FilingQuery;
import org.telereg.platform.filing.RegisterBlacklistEntry;
import org.telereg.platform.filing.RegisterDetail;
import org.telereg.platform.filing.RegisterEntry;
import org.telereg.platform.filing.RegisterQueries;
import org.telereg.platform.shared.CsvDownload;
import org.telereg.platform.shared.RejectedInputException;

/**
 * 备案查询 in the console: one search box over the register (domain, number or sponsor, detected),
 * the App and blacklist tabs, a filing's detail with personal data masked, and an officer's audited
 * reveal of it. Every signed-in role may search; sponsors who are individuals are found by name only
 * here, not on the public portal.
 */
@Controller
@RequestMapping("/console/filing/register")
class RegisterConsoleController {

    private static final int PAGE_SIZE = 20;

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private final RegisterQueries register;
    private final MessageSource messages;

    RegisterConsoleController(RegisterQueries register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    @GetMapping
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "filings") String tab,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        SearchPage.fill(register, q, tab, page, PAGE_SIZE, true, model);
        return "filing/register/search";
    }

    /**
     * The whole result of the filings or Apps tab as CSV, as the page shows it; a query the search
     * refuses goes back to the page, which names the problem.
     */
    @GetMapping("/export")
    ResponseEntity<byte[]> export(
            Actor actor, @RequestParam(required = false) String q, @RequestParam(defaultValue = "filings") String tab) {
        boolean apps = "apps".equals(tab);
        List<RegisterEntry> entries;
        try {
            entries = register.export(actor, q, apps);
        } catch (RejectedInputException e) {
            return ResponseEntity.status(HttpStatus.SEE_OTHER)
                    .location(UriComponentsBuilder.fromPath("/console/filing/register")
                            .queryParam("tab", apps ? "apps" : "filings")
                            .queryParam("q", q == null ? "" : q)
                            .encode()
                            .build()
                            .toUri())
                    .build();
        }
        Locale locale = LocaleContextHolder.getLocale();
        CsvDownload csv = new CsvDownload();
        csv.row(Stream.of(
                        "sponsor",
                        "nature",
                        "serviceNumber",
                        "kind",
                        "serviceName",
                        "target",
                        "contentType",
                        "updatedOn",
                        "status")
                .map(field -> messages.getMessage("filing.register.field." + field, null, field, locale))
                .toList());
        for (RegisterEntry e : entries) {
            String target = !e.domains().isEmpty()
                    ? String.join(" ", e.domains())
                    : e.appIdentifier() != null ? e.appIdentifier() : e.homeUrl();
            csv.row(Arrays.asList(
                    e.sponsorName(),
                    messages.getMessage("filing.register.nature." + e.nature(), null, e.nature(), locale),
                    e.serviceNumber(),
                    messages.getMessage(
                            "filing.kind." + e.kind().name(), null, e.kind().name(), locale),
                    e.serviceName(),
                    target,
                    e.contentType(),
                    e.updatedOn(),
                    messages.getMessage(
                            "filing.serviceStatus." + e.status().name(),
                            null,
                            e.status().name(),
                            locale)));
        }
        return csv.response("filing-register-" + LocalDate.now(BEIJING) + ".csv");
    }

    @GetMapping("/services/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        RegisterDetail detail =
                register.detail(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("detail", detail);
        model.addAttribute(
                "canReveal", RegisterQueries.canReveal(actor, detail.entry().provinceCode()));
        return "filing/register/detail";
    }

    @PostMapping("/services/{id}/reveal")
    String reveal(Actor actor, @PathVariable long id, Model model) {
        RegisterDetail.Principals principals =
                register.reveal(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("principals", principals);
        return detail(actor, id, model);
    }

    /** The search, shared by the console and the portal page: which tab, what was found, what was refused. */
    static final class SearchPage {

        private SearchPage() {}

        static void fill(
                RegisterQueries register,
                String q,
                String tab,
                int page,
                int size,
                boolean includeIndividuals,
                Model model) {
            String shownTab = List.of("filings", "apps", "blacklist").contains(tab) ? tab : "filings";
            model.addAttribute("q", q);
            model.addAttribute("tab", shownTab);
            model.addAttribute("problems", List.of());
            model.addAttribute("entries", Page.empty());
            model.addAttribute("blacklist", List.<RegisterBlacklistEntry>of());
            model.addAttribute("searched", false);
            if (q == null || q.isBlank()) {
                return;
            }
            PageRequest pageable = PageRequest.of(Math.max(0, Math.min(page, 500)), size);
            try {
                switch (shownTab) {
                    case "apps" -> {
                        boolean identifier =
                                q.strip().codePoints().noneMatch(Character::isWhitespace) && q.contains(".");
                        Page<RegisterEntry> found =
                                identifier ? register.apps(null, q, pageable) : register.apps(q, null, pageable);
                        model.addAttribute("entries", found);
                    }
                    case "blacklist" -> model.addAttribute("blacklist", register.blacklist(q));
                    default -> {
                        FilingQuery query = FilingQuery.detect(q);
                        model.addAttribute("by", query.by());
                        model.addAttribute("entries", register.search(query, includeIndividuals, pageable));
                    }
                }
                model.addAttribute("searched", true);
            } catch (RejectedInputException e) {
                model.addAttribute("problems", e.problems());
            }
        }
    }
}

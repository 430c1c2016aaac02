package org.telereg.platform.filing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.filing.ChangeFeed;
import org.telereg.platform.filing.ChangeFeedEntry;
import org.telereg.platform.filing.FilingQuery;
import org.telereg.platform.filing.RegisterBlacklistEntry;
import org.telereg.platform.filing.RegisterEntry;
import org.telereg.platform.filing.RegisterQueries;
import org.telereg.platform.filing.ServiceKind;
import org.telereg.platform.filing.ServiceStatus;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The official filing query API (备案查询接口): no login and no captcha, under the public rate limit;
 * it answers what MIIT's public query shows and never personal data. docs/filing-query-api.md.
 */
@RestController
@RequestMapping("/api/v1/public")
@Tag(
        name = "备案查询 filing query (public)",
        description = "ICP and App filings by domain, number or sponsor; the blacklist; the change feed")
class FilingQueryApiController {

    /** The largest page a query may ask for. */
    static final int MAX_PAGE_SIZE = 100;

    /** How deep a query may page: further pages are refused rather than scanned. */
    static final int MAX_OFFSET = 10_000;

    private final RegisterQueries register;
    private final ChangeFeed feed;

    FilingQueryApiController(RegisterQueries register, ChangeFeed feed) {
        this.register = register;
        this.feed = feed;
    }

    /** A filed service as published. */
    record PublishedFiling(
            String subjectNumber,
            String serviceNumber,
            String provinceCode,
            String nature,
            String sponsorName,
            ServiceKind kind,
            String serviceName,
            String homeUrl,
            List<String> domains,
            String appIdentifier,
            String contentType,
            LocalDate approvedOn,
            LocalDate updatedOn,
            ServiceStatus status) {

        static PublishedFiling of(RegisterEntry e) {
            return new PublishedFiling(
                    e.subjectNumber(),
                    e.serviceNumber(),
                    e.provinceCode(),
                    e.nature(),
                    e.sponsorName(),
                    e.kind(),
                    e.serviceName(),
                    e.homeUrl(),
                    e.domains(),
                    e.appIdentifier(),
                    e.contentType(),
                    e.approvedOn(),
                    e.updatedOn(),
                    e.status());
        }
    }

    record FilingPage(FilingQuery query, List<PublishedFiling> filings, int page, int size, long total) {}

    record BlacklistPage(String target, List<RegisterBlacklistEntry> entries, int page, int size, long total) {}

    record ChangePage(List<ChangeFeedEntry> changes, long next, boolean more) {}

    @GetMapping("/filings")
    @Operation(
            summary = "Filings by domain (a host or URL finds its filed parent domain), filing number (subject or"
                    + " service, province aliases accepted) or part of a sponsor's name; give exactly one")
    FilingPage filings(
            @RequestParam(required = false) String domain,
            @RequestParam(required = false) String number,
            @RequestParam(required = false) String sponsor,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = pageable(page, size);
        FilingQuery query = exactlyOne(domain, number, sponsor);
        Page<RegisterEntry> found = register.search(query, false, pageable);
        requireInRange(found);
        return new FilingPage(
                query,
                found.map(PublishedFiling::of).getContent(),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements());
    }

    @GetMapping("/apps")
    @Operation(summary = "Apps, mini-programs and quick apps by part of their name or their exact identifier")
    FilingPage apps(
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String identifier,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = pageable(page, size);
        Page<RegisterEntry> found = register.apps(name, identifier, pageable);
        requireInRange(found);
        return new FilingPage(
                null,
                found.map(PublishedFiling::of).getContent(),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements());
    }

    @GetMapping("/blacklist")
    @Operation(summary = "Standing entries of the illegal site and App blacklist for a domain, IP address or App")
    BlacklistPage blacklist(
            @RequestParam(required = false) String target,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        Pageable pageable = pageable(page, size);
        Page<RegisterBlacklistEntry> found = pagedList(register.blacklist(target), pageable);
        requireInRange(found);
        return new BlacklistPage(
                target.strip(), found.getContent(), found.getNumber(), found.getSize(), found.getTotalElements());
    }

    @GetMapping("/filing-changes")
    @Operation(
            summary = "Register changes after a cursor, oldest first; poll again with after=next. after=-1 starts"
                    + " at the newest change")
    ChangePage changes(
            @Parameter(description = "the last change id seen; 0 for the beginning, -1 for only what comes next")
                    @RequestParam(defaultValue = "0")
                    String after,
            @RequestParam(defaultValue = "100") String limit) {
        FieldProblems problems = new FieldProblems();
        long cursor = number(problems, "after", after, -1, Long.MAX_VALUE);
        long max = number(problems, "limit", limit, 1, ChangeFeed.MAX_LIMIT);
        problems.throwIfAny();
        if (cursor < 0) {
            return new ChangePage(List.of(), feed.latest(), false);
        }
        List<ChangeFeedEntry> changes = feed.after(cursor, (int) max + 1);
        boolean more = changes.size() > max;
        List<ChangeFeedEntry> shown = more ? changes.subList(0, (int) max) : changes;
        long next = shown.isEmpty() ? cursor : shown.get(shown.size() - 1).id();
        return new ChangePage(shown, next, more);
    }

    private static long number(FieldProblems problems, String field, String text, long min, long max) {
        try {
            long value = Long.parseLong(text.strip());
            if (value < min || value > max) {
                problems.reject(field, "filing.query.invalid.range", "must be " + min + " to " + max, min, max);
            }
            return value;
        } catch (NumberFormatException e) {
            problems.reject(field, "filing.query.invalid.range", "must be " + min + " to " + max, min, max);
            return min;
        }
    }

    static Pageable pageable(int page, int size) {
        FieldProblems problems = new FieldProblems();
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.reject("size", "filing.query.invalid.range", "must be 1 to " + MAX_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        }
        if (page < 0) {
            problems.reject("page", "filing.query.invalid.page", "is out of range", page);
        } else if (problems.isEmpty() && (long) page * size >= MAX_OFFSET) {
            problems.reject("page", "filing.query.invalid.page", "is out of range", page);
        }
        problems.throwIfAny();
        return PageRequest.of(page, size);
    }

    /** A page past the last one of a non-empty result is refused, so a client's loop ends. */
    static void requireInRange(Page<?> found) {
        if (found.getNumber() > 0 && found.getNumber() >= found.getTotalPages()) {
            throw RejectedInputException.of("page", "filing.query.invalid.page", "is out of range", found.getNumber());
        }
    }

    static <T> Page<T> pagedList(List<T> all, Pageable pageable) {
        int from = (int) Math.min(pageable.getOffset(), all.size());
        int to = Math.min(from + pageable.getPageSize(), all.size());
        return new org.springframework.data.domain.PageImpl<>(all.subList(from, to), pageable, all.size());
    }

    private static FilingQuery exactlyOne(String domain, String number, String sponsor) {
        int given = (blank(domain) ? 0 : 1) + (blank(number) ? 0 : 1) + (blank(sponsor) ? 0 : 1);
        if (given != 1) {
            String field = blank(domain) ? (blank(number) ? "sponsor" : "number") : "domain";
            throw RejectedInputException.of(
                    given == 0 ? "domain" : field,
                    given == 0 ? "filing.query.invalid.empty" : "filing.query.invalid.several",
                    given == 0
                            ? "give one of domain, number or sponsor"
                            : "give only one of domain, number or sponsor");
        }
        if (!blank(domain)) {
            return new FilingQuery(FilingQuery.By.DOMAIN, domain.strip());
        }
        if (!blank(number)) {
            return new FilingQuery(FilingQuery.By.NUMBER, number.strip());
        }
        return new FilingQuery(FilingQuery.By.SPONSOR, sponsor.strip());
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}

package org.telereg.platform.filing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.filing.Blacklist;
import org.telereg.platform.filing.BlacklistKind;
import org.telereg.platform.filing.BlacklistPage;
import org.telereg.platform.filing.IpFilings;
import org.telereg.platform.filing.IpImportResult;
import org.telereg.platform.filing.IpRange;
import org.telereg.platform.filing.NewIpRange;
import org.telereg.platform.shared.RejectedInputException;

/**
 * REST API of IP address filings, for operators' and access providers' systems: the ranges they
 * allocate, filing and withdrawing one, a CSV import, the lookup by address; and the blacklist they
 * must block, in pages.
 */
@RestController
@RequestMapping("/api/v1/filing")
@Tag(name = "IP地址备案与违法违规名单 filing", description = "IP address filings and the illegal site and App blacklist")
class IpFilingApiController {

    private final IpFilings filings;
    private final Blacklist blacklist;
    private final MessageSource messages;

    IpFilingApiController(IpFilings filings, Blacklist blacklist, MessageSource messages) {
        this.filings = filings;
        this.blacklist = blacklist;
        this.messages = messages;
    }

    /** The body of a withdrawal. */
    record Withdrawal(String reason) {}

    @GetMapping("/ip-ranges")
    @Operation(
            summary = "IP ranges within the caller's scope (status = ACTIVE | WITHDRAWN, q = part of a name)",
            description = "The ministry sees every range, an administration its province's, an operator or access"
                    + " provider the ranges it allocated.")
    List<IpRange> ranges(
            DataScope scope, @RequestParam(required = false) String status, @RequestParam(required = false) String q) {
        return filings.list(scope, status, q);
    }

    @GetMapping("/ip-ranges/{id}")
    @Operation(summary = "One IP range filing")
    IpRange range(DataScope scope, @PathVariable long id) {
        return filings.find(scope, id).orElseThrow(() -> new NoSuchElementException("range " + id));
    }

    @GetMapping("/ip-ranges/lookup")
    @Operation(summary = "The active filings covering an address, the innermost (sub-allocation) first")
    List<IpRange> lookup(DataScope scope, @RequestParam(required = false) String address) {
        return filings.covering(scope, address);
    }

    @PostMapping("/ip-ranges")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "File a range: {firstAddress, lastAddress, userUnitName, userUnitCreditCode, usage,"
                    + " allocatingIsp, province, cityCode}",
            description = "An operator or access provider files ranges it allocates (allocatingIsp blank or its own)."
                    + " A range may not overlap an active one, except a sub-range filed by the unit holding the"
                    + " enclosing range. Errors are 400 problem+json naming each field.")
    IpRange file(Actor actor, @RequestBody(required = false) NewIpRange body) {
        return filings.file(actor, body == null ? NewIpRange.empty() : body);
    }

    @PostMapping("/ip-ranges/{id}/withdrawal")
    @Operation(summary = "Withdraw an active range: {reason}")
    IpRange withdraw(Actor actor, @PathVariable long id, @RequestBody(required = false) Withdrawal body) {
        return filings.withdraw(actor, id, body == null ? null : body.reason());
    }

    @PostMapping(
            path = "/ip-ranges/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Import ranges from CSV (UTF-8 or GBK) as the request body; see docs/filing-ip-blacklist.md",
            description = "Header: first_address, last_address, user_unit, user_unit_credit_code, usage,"
                    + " allocating_isp, province, city_code (or their Chinese names). All or nothing: any refused"
                    + " line answers 422 with errors [{line, field, code, message}]. Lines repeating a filed"
                    + " range count as unchanged, so the same file again files nothing.")
    ResponseEntity<Object> importRanges(Actor actor, @RequestBody(required = false) byte[] body) {
        IpImportResult result = filings.importCsv(actor, body == null ? new byte[0] : body);
        if (result.imported()) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "filing.ip.import.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("IP range file rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.charset());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/blacklist")
    @Operation(
            summary = "The blacklist, newest first (kind = DOMAIN | APP | IP, status = ACTIVE | LIFTED, q, page, size)",
            description = "For operators and access providers, who must block listed targets. Severity 1 block"
                    + " access and distribution, 2 suspend and order takedown, 3 warning.")
    BlacklistPage blacklist(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        BlacklistKind wanted = null;
        if (kind != null && !kind.isBlank()) {
            try {
                wanted = BlacklistKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RejectedInputException.of("kind", "invalid.choice", "is not one of the allowed values", kind);
            }
        }
        return blacklist.search(wanted, status == null ? "ACTIVE" : status, null, null, q, page, size);
    }
}

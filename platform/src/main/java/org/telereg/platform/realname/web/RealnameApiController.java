package org.telereg.platform.realname.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.realname.CardCounts;
import org.telereg.platform.realname.IdentityCards;
import org.telereg.platform.realname.SnapshotImport;
import org.telereg.platform.realname.SnapshotResult;
import org.telereg.platform.realname.VerificationStatus;
import org.telereg.platform.realname.VerificationView;
import org.telereg.platform.realname.Verifications;

/** REST API of real-name registration: operators' systems submit snapshots and read over-cap identities. */
@RestController
@RequestMapping("/api/v1/realname")
@Tag(name = "电话用户实名制 realname", description = "Subscriber snapshots and one-ID-many-cards counts")
class RealnameApiController {

    private final SnapshotImport imports;
    private final CardCounts cardCounts;
    private final Verifications verifications;
    private final MessageSource messages;

    RealnameApiController(
            SnapshotImport imports, CardCounts cardCounts, Verifications verifications, MessageSource messages) {
        this.imports = imports;
        this.cardCounts = cardCounts;
        this.verifications = verifications;
        this.messages = messages;
    }

    /** The outcome an operator records for a verification task. */
    record Outcome(VerificationStatus outcome, String note) {}

    /** One page of results with its position. */
    record PageOf<T>(List<T> content, int page, int size, long totalElements, int totalPages) {
        static <T> PageOf<T> of(Page<T> page) {
            return new PageOf<>(
                    page.getContent(), page.getNumber(), page.getSize(), page.getTotalElements(), page.getTotalPages());
        }
    }

    @PostMapping(
            path = "/snapshots",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Submit a subscriber snapshot of the caller's own enterprise as a CSV body (UTF-8 or GBK)",
            description = "All lines or none. The same batchId with the same bytes again answers ALREADY_IMPORTED;"
                    + " the same batchId with other bytes is refused (409). A rejected file answers 422 with"
                    + " errors: [{line, field, code, message}]. See docs/realname.md for the columns.")
    ResponseEntity<?> submit(Actor actor, @RequestParam String batchId, @RequestBody byte[] body) {
        SnapshotResult result = imports.importCsv(actor, batchId, null, body);
        if (result.status() != SnapshotResult.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        boolean reused =
                result.errors().size() == 1 && result.errors().get(0).code().equals("realname.import.batchReused");
        HttpStatus status = reused ? HttpStatus.CONFLICT : HttpStatus.valueOf(422);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage("realname.import.rejected", new Object[] {result.badLines()}, locale));
        problem.setTitle(reused ? "Batch id reused" : "Snapshot rejected");
        problem.setType(
                URI.create(reused ? "urn:telereg:problem:batch-reused" : "urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.encoding());
        problem.setProperty("rows", result.rows());
        problem.setProperty("badLines", result.badLines());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/over-cap")
    @Operation(summary = "Identities over the card caps within the caller's data scope (masked), most numbers first")
    PageOf<IdentityCards> overCap(
            Actor actor,
            DataScope scope,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        requireRead(actor);
        return PageOf.of(cardCounts.overCap(
                scope, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500))));
    }

    @GetMapping("/verifications")
    @Operation(summary = "Second real-person verification tasks within the caller's data scope, pending first")
    PageOf<VerificationView> verifications(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) VerificationStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        requireRead(actor);
        return PageOf.of(verifications.list(
                scope, status, PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500))));
    }

    @PostMapping("/verifications/{id}/outcome")
    @Operation(
            summary = "Record the outcome of the caller's own verification task",
            description = "PENDING → VERIFIED or SUSPENDED; SUSPENDED → APPEALED (restored). 400 for any other move.")
    VerificationView decide(Actor actor, @PathVariable long id, @RequestBody Outcome outcome) {
        return verifications.decide(actor, id, outcome.outcome(), outcome.note());
    }

    private static void requireRead(Actor actor) {
        if (!CardCounts.canRead(actor)) {
            throw new AccessDeniedException("real-name data is for regulators and operators");
        }
    }
}

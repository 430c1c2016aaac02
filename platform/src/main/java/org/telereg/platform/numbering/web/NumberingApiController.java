package org.telereg.platform.numbering.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.data.domain.PageRequest;
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
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.console.ProblemErrors;
import org.telereg.platform.numbering.AllocationView;
import org.telereg.platform.numbering.BlockUtilisation;
import org.telereg.platform.numbering.NumberResources;
import org.telereg.platform.numbering.UtilisationReports;
import org.telereg.platform.numbering.UtilisationResult;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** Who holds a number's block: operators' and partners' systems check senders and ports here. */
@RestController
@RequestMapping("/api/v1/numbering")
@Tag(name = "码号资源 numbering", description = "Number-resource allocations: segments, 106 SMS ports, short codes")
class NumberingApiController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NumberResources resources;
    private final UtilisationReports utilisation;
    private final MessageSource messages;

    NumberingApiController(NumberResources resources, UtilisationReports utilisation, MessageSource messages) {
        this.resources = resources;
        this.utilisation = utilisation;
        this.messages = messages;
    }

    /** One low-utilisation block as the API gives it. */
    record LowBlock(
            long allocationId,
            String prefix,
            String kind,
            String holderCreditCode,
            String holderName,
            String period,
            long inUse,
            long assigned,
            long capacity,
            BigDecimal utilisation) {

        static LowBlock of(BlockUtilisation b) {
            return new LowBlock(
                    b.allocation().id(),
                    b.allocation().prefix(),
                    b.allocation().kind().name(),
                    b.allocation().holderCreditCode(),
                    b.allocation().holderName(),
                    b.period(),
                    b.inUse(),
                    b.assigned(),
                    b.capacity(),
                    b.ratio());
        }
    }

    @PostMapping(
            path = "/utilisation",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Report the caller's blocks' utilisation per month as a CSV body (UTF-8 or GBK):"
                    + " prefix,period,in_use,assigned",
            description = "All lines or none. The same batchId with the same bytes again answers ALREADY_IMPORTED;"
                    + " the same batchId with other bytes is refused (409). A rejected file answers 422 with"
                    + " errors: [{line, field, code, message}]. See docs/number-resources.md.")
    ResponseEntity<?> report(Actor actor, @RequestParam String batchId, @RequestBody byte[] body) {
        UtilisationResult result = utilisation.importCsv(actor, batchId, null, body);
        if (result.status() != UtilisationResult.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        boolean reused = result.errors().size() == 1
                && result.errors().get(0).code().equals("numbering.utilisation.batchReused");
        HttpStatus status = reused ? HttpStatus.CONFLICT : HttpStatus.valueOf(422);
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                status,
                messages.getMessage("numbering.utilisation.import.rejected", new Object[] {result.badLines()}, locale));
        problem.setTitle(reused ? "Batch id reused" : "Utilisation report rejected");
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

    @GetMapping("/utilisation/low")
    @Operation(
            summary = "Blocks in the caller's scope whose latest month is below a utilisation threshold"
                    + " (0 to 1; the configured one by default), least used first")
    List<LowBlock> low(
            DataScope scope,
            @RequestParam(required = false) BigDecimal threshold,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        if (threshold != null && (threshold.signum() < 0 || threshold.compareTo(BigDecimal.ONE) > 0)) {
            throw RejectedInputException.of("threshold", "numbering.invalid.threshold", "must be between 0 and 1");
        }
        return utilisation
                .lowest(
                        scope,
                        threshold == null ? utilisation.lowThreshold() : threshold,
                        PageRequest.of(Math.max(page, 0), Math.max(1, Math.min(size, 1000))))
                .map(LowBlock::of)
                .getContent();
    }

    @GetMapping("/holders/{number}")
    @Operation(summary = "The allocation covering a number (longest prefix) on a date, today by default")
    AllocationView holder(@PathVariable String number, @RequestParam(required = false) String date) {
        LocalDate day;
        try {
            day = date == null || date.isBlank() ? LocalDate.now(CHINA) : LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw new RejectedInputException(
                    List.of(new FieldProblem("date", "invalid.date", new Object[0], "not a date like 2026-12-01")));
        }
        return resources
                .holderOf(number, day)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no block holds " + number));
    }
}

package org.telereg.platform.antifraud.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.antifraud.BatchView;
import org.telereg.platform.antifraud.BlocklistChange;
import org.telereg.platform.antifraud.CaseSearch;
import org.telereg.platform.antifraud.CaseStatus;
import org.telereg.platform.antifraud.CdrBatches;
import org.telereg.platform.antifraud.FraudCaseView;
import org.telereg.platform.antifraud.FraudDisposal;
import org.telereg.platform.antifraud.InvalidTransitionException;
import org.telereg.platform.antifraud.WarningList;

/** What operator systems do with fraud numbers: apply the blocklist, report verifications. */
@RestController
@RequestMapping("/api/v1/antifraud")
@Tag(name = "打击通讯信息诈骗 antifraud", description = "Blocklist distribution and disposal of fraud numbers")
class FraudApiController {

    private final FraudDisposal disposal;
    private final CdrBatches batches;
    private final WarningList warningList;

    FraudApiController(FraudDisposal disposal, CdrBatches batches, WarningList warningList) {
        this.disposal = disposal;
        this.batches = batches;
        this.warningList = warningList;
    }

    /** The blocklist changes after {@code next}; keep {@code next} and ask again from it. */
    record BlocklistPage(List<BlocklistChange> changes, long next) {}

    @GetMapping("/blocklist")
    @Operation(summary = "Blocklist changes after a cursor (0 for everything); every operator applies them")
    BlocklistPage blocklist(
            @RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
        List<BlocklistChange> changes = disposal.blocklistChangesAfter(after, limit);
        disposal.recordDisclosure("blocklist after " + after, changes.size());
        return new BlocklistPage(
                changes,
                changes.isEmpty() ? after : changes.get(changes.size() - 1).seq());
    }

    @PostMapping(path = "/batches", consumes = org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE)
    @org.springframework.web.bind.annotation.ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(
            summary = "Upload call records (CSV, optionally gzip); the scan runs in the background."
                    + " The same batchId or content again returns the earlier batch")
    BatchView upload(
            Actor actor,
            @RequestParam String batchId,
            @RequestParam("file") org.springframework.web.multipart.MultipartFile file)
            throws java.io.IOException {
        return batches.upload(actor, batchId, file.getOriginalFilename(), file.getInputStream());
    }

    @GetMapping("/batches/{id}")
    @Operation(summary = "A batch and its scan: status, progress, rows, bad rows with line numbers, flagged numbers")
    BatchView batch(DataScope scope, @PathVariable long id) {
        return batches.find(scope, id).orElseThrow(() -> new java.util.NoSuchElementException("no batch " + id));
    }

    /** The 12381 warning list after {@code next}; keep {@code next} and ask again from it. */
    record WarningPage(List<WarningList.Warning> warnings, long next) {}

    @GetMapping("/warnings")
    @Operation(
            summary = "Likely victims (numbers that held connected calls with confirmed fraud numbers) after a"
                    + " cursor, for the 12381 early-warning SMS")
    WarningPage warnings(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "500") int limit) {
        List<WarningList.Warning> warnings = warningList.after(after, limit);
        disposal.recordDisclosure("warnings after " + after, warnings.size());
        return new WarningPage(
                warnings,
                warnings.isEmpty() ? after : warnings.get(warnings.size() - 1).seq());
    }

    @GetMapping("/cases")
    @Operation(summary = "Cases the caller may see, e.g. status=CONFIRMED for numbers awaiting verification")
    List<FraudCaseView> cases(
            DataScope scope,
            @RequestParam(required = false) CaseStatus status,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        List<FraudCaseView> cases = disposal.search(
                        scope,
                        new CaseSearch(status, null, null),
                        PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), 500)))
                .getContent();
        disposal.recordDisclosure("cases page " + page, cases.size());
        return cases;
    }

    /** The outcome of the second real-person verification of a confirmed number. */
    record Verification(Boolean passed) {}

    @PostMapping("/cases/{id}/verification")
    @Operation(summary = "Report the second real-person verification: passed clears the number, failed suspends it")
    FraudCaseView verification(Actor actor, @PathVariable long id, @RequestBody Verification verification) {
        if (verification.passed() == null) {
            throw new org.telereg.platform.shared.RejectedInputException(
                    List.of(new org.telereg.platform.shared.FieldProblem(
                            "passed", "invalid.required", new Object[0], "is required")));
        }
        return disposal.reportVerification(actor, id, verification.passed());
    }

    @ExceptionHandler(InvalidTransitionException.class)
    ProblemDetail conflict(InvalidTransitionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Not allowed in status " + e.status());
        problem.setProperty("caseStatus", e.status().name());
        return problem;
    }
}

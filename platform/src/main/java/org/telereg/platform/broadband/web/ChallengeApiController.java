package org.telereg.platform.broadband.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.broadband.ChallengeEvidence;
import org.telereg.platform.broadband.ChallengeStep;
import org.telereg.platform.broadband.ChallengeView;
import org.telereg.platform.broadband.CoverageCheck;
import org.telereg.platform.broadband.CoverageDeclaration;
import org.telereg.platform.broadband.CoverageDeclarations;
import org.telereg.platform.broadband.CoverageUpload;
import org.telereg.platform.broadband.DeclaredVsMeasured;
import org.telereg.platform.broadband.EvidenceFile;
import org.telereg.platform.broadband.MeasurementEnterprises;
import org.telereg.platform.broadband.Reconciliation;
import org.telereg.platform.broadband.SpeedChallenges;
import org.telereg.platform.broadband.SpeedComparison;
import org.telereg.platform.console.ProblemErrors;

/** REST API of declared vs measured: comparisons, coverage declarations and challenges. */
@RestController
@RequestMapping("/api/v1/broadband")
@Tag(name = "提速降费与普遍服务 broadband", description = "Declared vs measured and challenges")
class ChallengeApiController {

    private static final int LIMIT = 1000;

    private final DeclaredVsMeasured reconciler;
    private final CoverageDeclarations coverage;
    private final SpeedChallenges challenges;
    private final MeasurementEnterprises enterprises;
    private final MessageSource messages;

    ChallengeApiController(
            DeclaredVsMeasured reconciler,
            CoverageDeclarations coverage,
            SpeedChallenges challenges,
            MeasurementEnterprises enterprises,
            MessageSource messages) {
        this.reconciler = reconciler;
        this.coverage = coverage;
        this.challenges = challenges;
        this.enterprises = enterprises;
        this.messages = messages;
    }

    /** A challenge with its time line and evidence. */
    record ChallengeDetail(ChallengeView challenge, List<ChallengeStep> steps, List<EvidenceFile> evidence) {}

    @GetMapping("/comparisons")
    @Operation(
            summary = "Declared mean download per operator, province and month beside the measured mean",
            description = "from / to: months (2026-01); default the last complete months the reconciliation looks"
                    + " at. Within the caller's scope (an operator sees its own). gapPercent = (declared −"
                    + " measured) / measured × 100; counts: enough tests; mismatch: above the margin.")
    List<SpeedComparison> comparisons(
            DataScope scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String province) {
        ChallengeFilters.Months months = ChallengeFilters.months(from, to, challenges.recentMonths());
        return reconciler.comparisons(scope, months.from(), months.to(), ChallengeFilters.province(province));
    }

    @GetMapping("/coverage")
    @Operation(summary = "Declared coverage within the caller's scope (an operator sees its own)")
    List<CoverageDeclaration> declarations(DataScope scope) {
        return coverage.declarations(scope, LIMIT);
    }

    @GetMapping("/coverage/checks")
    @Operation(summary = "Declared FTTH and 5G counties beside the operator's tests there (from / to: months)")
    List<CoverageCheck> coverageChecks(
            DataScope scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String province) {
        ChallengeFilters.Months months = ChallengeFilters.months(from, to, challenges.recentMonths());
        return reconciler.coverageChecks(scope, months.from(), months.to(), ChallengeFilters.province(province));
    }

    @PostMapping(
            path = "/coverage",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(
            summary = "Declare the caller's coverage: CSV county,technology (FTTH, 4G, 5G; several separated by ;)",
            description = "By an operator for itself. UTF-8 or GBK. All or nothing: a refused file answers 422"
                    + " problem+json with errors [{line, field, code, message}]. Declaring again changes nothing;"
                    + " the same bytes under the same batchId answer ALREADY_DECLARED, other bytes 400 on batchId.")
    ResponseEntity<?> declare(
            Actor actor, @RequestParam(required = false) String batchId, @RequestBody(required = false) byte[] body) {
        CoverageUpload result = coverage.declare(actor, batchId, body == null ? new byte[0] : body);
        if (result.status() != CoverageUpload.Status.REJECTED) {
            return ResponseEntity.ok(result);
        }
        Locale locale = LocaleContextHolder.getLocale();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.valueOf(422),
                messages.getMessage(
                        "broadband.coverage.rejected",
                        new Object[] {result.errors().size()},
                        locale));
        problem.setTitle("Coverage file rejected");
        problem.setType(URI.create("urn:telereg:problem:import-rejected"));
        problem.setProperty("encoding", result.charset());
        problem.setProperty("errors", ProblemErrors.ofLines(result.errors(), messages, locale));
        return ResponseEntity.status(422)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @GetMapping("/challenges")
    @Operation(
            summary = "Challenges within the caller's scope, newest first",
            description = "status: OPEN, CONCEDED, REBUTTED, UPHELD, DISMISSED, OVERDUE; kind: FIXED_SPEED,"
                    + " MOBILE_SPEED, COVERAGE_5G, COVERAGE_FTTH. An operator sees the challenges put to it.")
    List<ChallengeView> challenges(
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String province) {
        ChallengeFilters.Search search = ChallengeFilters.search(status, kind, province);
        return challenges.search(scope, search.status(), search.kind(), search.province(), LIMIT);
    }

    @GetMapping("/challenges/{id}")
    @Operation(summary = "One challenge with its time line and evidence")
    ChallengeDetail challenge(DataScope scope, @PathVariable long id) {
        ChallengeView challenge = challenges
                .find(scope, id)
                .orElseThrow(() -> new java.util.NoSuchElementException("no challenge " + id));
        return new ChallengeDetail(challenge, challenges.steps(id), challenges.evidence(id));
    }

    @PostMapping("/challenges/{id}/concession")
    @Operation(
            summary = "The operator concedes (optionally giving the figure it should have declared)",
            description = "Only while OPEN and before answerDue; else 400 on status.")
    ChallengeView concede(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String statement,
            @RequestParam(required = false) String correctedFigure) {
        return challenges.concede(actor, id, statement, correctedFigure);
    }

    @PostMapping(path = "/challenges/{id}/rebuttal", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "The operator rebuts with a statement and evidence files (multipart: statement, evidence…)",
            description = "PNG, JPEG, GIF, WebP or PDF told apart by content; size and count limited by"
                    + " telereg.broadband.challenges.*; a refused file is named on the evidence field.")
    ChallengeView rebut(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String statement,
            @RequestPart(name = "evidence", required = false) List<MultipartFile> evidence) {
        return challenges.rebut(actor, id, statement, files(evidence));
    }

    @PostMapping("/challenges/{id}/decision")
    @Operation(
            summary = "The regulator decides a rebuttal: outcome UPHELD or DISMISSED, with a reason",
            description = "By the administration of the challenge's province or the ministry; only when REBUTTED.")
    ChallengeView decide(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason) {
        return challenges.decide(actor, id, outcome, reason);
    }

    @PostMapping("/challenges/reconciliation")
    @Operation(
            summary = "Reconcile now (the ministry): compare the months from..to and open the new challenges",
            description = "from / to: months (2026-01), default the last complete months (setting reconcile-months).")
    Reconciliation reconcile(
            Actor actor, @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        ChallengeFilters.Months months = ChallengeFilters.months(from, to, challenges.recentMonths());
        return challenges.reconcile(actor, months.from(), months.to());
    }

    @PostMapping("/aliases")
    @Operation(
            summary = "The ministry gives a company another name measurement files use (中国移动, CMCC …)",
            description = "Stored measurements naming it are tied to the company; answers how many.")
    Map<String, Integer> addAlias(
            Actor actor,
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) String alias) {
        return Map.of("measurementsTied", enterprises.addAlias(actor, creditCode, alias));
    }

    static List<ChallengeEvidence> files(List<MultipartFile> evidence) {
        List<ChallengeEvidence> files = new ArrayList<>();
        if (evidence != null) {
            for (MultipartFile file : evidence) {
                try {
                    files.add(new ChallengeEvidence(file.getOriginalFilename(), file.getBytes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return files;
    }
}

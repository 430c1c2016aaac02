package org.telereg.platform.broadband.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.broadband.ChallengeKind;
import org.telereg.platform.broadband.ChallengeStatus;
import org.telereg.platform.broadband.ChallengeView;
import org.telereg.platform.broadband.CoverageDeclarations;
import org.telereg.platform.broadband.CoverageUpload;
import org.telereg.platform.broadband.DeclaredVsMeasured;
import org.telereg.platform.broadband.EvidenceFile;
import org.telereg.platform.broadband.Reconciliation;
import org.telereg.platform.broadband.SpeedChallenges;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** The 申报与实测 comparison page, the 质疑 list and detail pages, and the coverage declaration page. */
@Controller
@RequestMapping("/console/broadband")
class ChallengeConsoleController {

    private static final int LIMIT = 500;

    private final DeclaredVsMeasured reconciler;
    private final CoverageDeclarations coverage;
    private final SpeedChallenges challenges;

    ChallengeConsoleController(
            DeclaredVsMeasured reconciler, CoverageDeclarations coverage, SpeedChallenges challenges) {
        this.reconciler = reconciler;
        this.coverage = coverage;
        this.challenges = challenges;
    }

    /** The comparison filter as the form sends it, echoed back. */
    record MonthFilter(String from, String to, String province) {}

    @GetMapping("/declared")
    String declared(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String province,
            Model model) {
        requireRead(scope);
        YearMonth[] recent = challenges.recentMonths();
        MonthFilter filter = new MonthFilter(
                ChallengeFilters.blank(from) ? recent[0].toString() : from.strip(),
                ChallengeFilters.blank(to) ? recent[1].toString() : to.strip(),
                ChallengeFilters.blank(province) ? null : province.strip());
        model.addAttribute("filter", filter);
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("canReconcile", SpeedChallenges.canReconcile(actor));
        model.addAttribute("problems", List.of());
        try {
            ChallengeFilters.Months months = ChallengeFilters.months(filter.from(), filter.to(), recent);
            String code = ChallengeFilters.province(filter.province());
            model.addAttribute("comparisons", reconciler.comparisons(scope, months.from(), months.to(), code));
            model.addAttribute("checks", reconciler.coverageChecks(scope, months.from(), months.to(), code));
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return "broadband/declared";
    }

    @PostMapping("/declared/reconcile")
    String reconcile(
            Actor actor,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            RedirectAttributes redirect) {
        if (!SpeedChallenges.canReconcile(actor)) {
            throw new AccessDeniedException("the ministry reconciles");
        }
        try {
            ChallengeFilters.Months months = ChallengeFilters.months(from, to, challenges.recentMonths());
            Reconciliation result = challenges.reconcile(actor, months.from(), months.to());
            redirect.addFlashAttribute("reconciled", result);
            redirect.addAttribute("from", months.from().toString());
            redirect.addAttribute("to", months.to().toString());
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("refused", e.problems().get(0));
        }
        return "redirect:/console/broadband/declared";
    }

    @GetMapping("/challenges")
    String challenges(
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            Model model) {
        requireRead(scope);
        model.addAttribute("statuses", ChallengeStatus.values());
        model.addAttribute("kinds", ChallengeKind.values());
        model.addAttribute("status", ChallengeFilters.blank(status) ? null : status.strip());
        model.addAttribute("kind", ChallengeFilters.blank(kind) ? null : kind.strip());
        model.addAttribute("counts", challenges.countByStatus(scope));
        model.addAttribute("today", challenges.today());
        model.addAttribute("problems", List.of());
        try {
            ChallengeFilters.Search search = ChallengeFilters.search(status, kind, null);
            model.addAttribute("challenges", challenges.search(scope, search.status(), search.kind(), null, LIMIT));
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("challenges", List.of());
        }
        return "broadband/challenges";
    }

    @GetMapping("/challenges/{id}")
    String challenge(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        requireRead(scope);
        ChallengeView challenge =
                challenges.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("challenge", challenge);
        model.addAttribute("steps", challenges.steps(id));
        model.addAttribute("evidence", challenges.evidence(id));
        model.addAttribute("today", challenges.today());
        model.addAttribute("daysLeft", ChronoUnit.DAYS.between(challenges.today(), challenge.answerDue()));
        boolean open = challenge.status() == ChallengeStatus.OPEN
                && !challenges.today().isAfter(challenge.answerDue());
        model.addAttribute("answers", open && SpeedChallenges.canAnswer(actor, challenge));
        model.addAttribute(
                "decides",
                challenge.status() == ChallengeStatus.REBUTTED && SpeedChallenges.canDecide(actor, challenge));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "broadband/challenge";
    }

    @PostMapping("/challenges/{id}/concede")
    String concede(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String statement,
            @RequestParam(required = false) String correctedFigure,
            RedirectAttributes redirect) {
        return act(id, redirect, "conceded", () -> challenges.concede(actor, id, statement, correctedFigure));
    }

    @PostMapping("/challenges/{id}/rebut")
    String rebut(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String statement,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            RedirectAttributes redirect) {
        return act(
                id,
                redirect,
                "rebutted",
                () -> challenges.rebut(actor, id, statement, ChallengeApiController.files(evidence)));
    }

    @PostMapping("/challenges/{id}/decide")
    String decide(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        return act(id, redirect, "decided", () -> challenges.decide(actor, id, outcome, reason));
    }

    private String act(long id, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("problems", e.problems());
        } catch (java.util.NoSuchElementException e) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return "redirect:/console/broadband/challenges/" + id;
    }

    @GetMapping("/challenges/{id}/evidence/{fileId}")
    ResponseEntity<Resource> evidence(DataScope scope, @PathVariable long id, @PathVariable long fileId) {
        Path file = challenges
                .evidenceFile(scope, id, fileId)
                .filter(Files::isReadable)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        EvidenceFile meta = challenges.evidence(id).stream()
                .filter(f -> f.id() == fileId)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(meta.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(file));
    }

    @GetMapping("/coverage")
    String coverage(Actor actor, DataScope scope, Model model) {
        requireRead(scope);
        model.addAttribute("canDeclare", CoverageDeclarations.canDeclare(actor));
        model.addAttribute("declarations", coverage.declarations(scope, LIMIT));
        model.addAttribute("batchId", UUID.randomUUID().toString());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "broadband/coverage";
    }

    @PostMapping("/coverage")
    String declare(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String batchId,
            @RequestParam(required = false) MultipartFile file,
            Model model) {
        byte[] bytes = ChallengeApiController.files(file == null ? List.of() : List.of(file)).stream()
                .findFirst()
                .map(f -> f.bytes())
                .orElse(new byte[0]);
        try {
            CoverageUpload result = coverage.declare(actor, batchId, bytes);
            model.addAttribute("upload", result);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return coverage(actor, scope, model);
    }

    private static void requireRead(DataScope scope) {
        if (scope.kind() == DataScope.Kind.NONE) {
            throw new AccessDeniedException("declared vs measured is for the regulator and the operators");
        }
    }
}

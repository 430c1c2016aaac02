package org.telereg.platform.appeals.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.appeals.AppealChannel;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.AppealStatus;
import org.telereg.platform.appeals.AppealView;
import org.telereg.platform.appeals.EvidenceView;
import org.telereg.platform.appeals.NewAppeal;
import org.telereg.platform.appeals.Outcome;
import org.telereg.platform.shared.RejectedInputException;

/** The administrations' appeal queue: intake of 12300 calls, the overdue list, decisions. */
@Controller
@RequestMapping("/console/appeals")
class AppealConsoleController {

    private static final int PAGE_SIZE = 30;

    private final AppealDesk desk;
    private final AppealForm form;

    AppealConsoleController(AppealDesk desk, AppealForm form) {
        this.desk = desk;
        this.form = form;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) AppealStatus status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        requireStaff(actor);
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("statuses", AppealStatus.values());
        model.addAttribute("today", desk.today());
        model.addAttribute("decides", AppealDesk.decides(actor));
        model.addAttribute("statisticsVisible", actor.role() != Role.OPERATOR);
        model.addAttribute("dueSoon", desk.dueSoon(actor.scope()));
        model.addAttribute(
                "appeals", desk.search(actor.scope(), status, overdue, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "appeals/list";
    }

    @GetMapping("/new")
    String intake(Actor actor, Model model) {
        requireDecider(actor);
        form.prepare(model, NewAppeal.blank(), List.of());
        return "appeals/staff-form";
    }

    @PostMapping
    String receive(
            Actor actor,
            @ModelAttribute("input") NewAppeal input,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        requireDecider(actor);
        try {
            AppealView appeal = desk.submit(AppealChannel.PHONE, input, AppealForm.evidence(evidence));
            redirect.addFlashAttribute("message", "appeals.received.staff");
            return "redirect:/console/appeals/" + appeal.id();
        } catch (RejectedInputException e) {
            form.prepare(model, input, e.problems());
            return "appeals/staff-form";
        }
    }

    @GetMapping("/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        requireStaff(actor);
        AppealView appeal = desk.read(actor, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("appeal", appeal);
        model.addAttribute("evidence", desk.evidence(appeal.id()));
        model.addAttribute("rulesToday", desk.outcomeToday(appeal));
        model.addAttribute("reasonsToday", desk.reasonsToday(appeal));
        model.addAttribute("today", desk.today());
        model.addAttribute("decides", AppealDesk.decides(actor));
        model.addAttribute("responds", actor.role() == Role.OPERATOR);
        model.addAttribute("outcomes", Outcome.values());
        return "appeals/detail";
    }

    @GetMapping("/{id}/evidence/{file}")
    ResponseEntity<Resource> evidence(Actor actor, @PathVariable long id, @PathVariable long file) {
        requireStaff(actor);
        EvidenceView listed = desk.evidence(id).stream()
                .filter(e -> e.id() == file)
                .findFirst()
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Path path = desk.evidenceFile(actor, id, file)
                .filter(Files::exists)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(listed.contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(listed.fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                // The type was checked on upload; a browser must not guess another from the content.
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(path));
    }

    @PostMapping("/{id}/decision")
    String decide(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            desk.decide(actor, id, outcome, reason);
            redirect.addFlashAttribute("message", "appeals.decided");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/console/appeals/" + id;
    }

    @PostMapping("/{id}/response")
    String respond(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String response,
            RedirectAttributes redirect) {
        try {
            desk.respond(actor, id, response);
            redirect.addFlashAttribute("message", "appeals.responded");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/console/appeals/" + id;
    }

    @PostMapping("/{id}/closure")
    String close(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String mediationRecord,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String outcomeNote,
            RedirectAttributes redirect) {
        try {
            desk.close(actor, id, mediationRecord, outcome, outcomeNote);
            redirect.addFlashAttribute("message", "appeals.closed");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/console/appeals/" + id;
    }

    /** Appeals are the administrations', the ministry's and auditors', and operators' once served on them. */
    private static void requireStaff(Actor actor) {
        if (!AppealDesk.decides(actor) && actor.role() != Role.AUDITOR && actor.role() != Role.OPERATOR) {
            throw new AccessDeniedException("appeals are handled by the administrations");
        }
    }

    private static void requireDecider(Actor actor) {
        if (!AppealDesk.decides(actor)) {
            throw new AccessDeniedException("appeals are taken by the administrations");
        }
    }
}

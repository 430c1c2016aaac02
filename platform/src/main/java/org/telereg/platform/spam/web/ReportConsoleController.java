package org.telereg.platform.spam.web;

import java.nio.file.Files;
import java.time.Clock;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.spam.OperatorAnswer;
import org.telereg.platform.spam.ReportDesk;
import org.telereg.platform.spam.ReportStatus;
import org.telereg.platform.spam.ScreenshotFile;

/** The report queue of the console: the administration's overview and each operator's own queue. */
@Controller
@RequestMapping("/console/spam")
class ReportConsoleController {

    private final ReportDesk desk;
    private final Clock clock;

    ReportConsoleController(ReportDesk desk, Clock clock) {
        this.desk = desk;
        this.clock = clock;
    }

    @GetMapping
    String list(
            DataScope scope,
            @RequestParam(required = false) ReportStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("status", status);
        model.addAttribute("statuses", ReportStatus.values());
        model.addAttribute("reports", desk.search(scope, status, PageRequest.of(Math.max(page, 0), 30)));
        model.addAttribute("now", clock.instant());
        return "spam/list";
    }

    @GetMapping("/{id}")
    String detail(DataScope scope, @PathVariable long id, Model model) {
        var report = desk.open(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("report", report);
        model.addAttribute("reputation", desk.reputation(report.senderKey()));
        model.addAttribute("reputationDays", desk.reputationWindow().toDays());
        model.addAttribute("attachments", desk.attachments(scope, id));
        model.addAttribute("answers", report.status().answers());
        model.addAttribute("now", clock.instant());
        return "spam/detail";
    }

    @GetMapping("/{id}/attachments/{attachmentId}")
    ResponseEntity<Resource> attachment(DataScope scope, @PathVariable long id, @PathVariable long attachmentId) {
        ScreenshotFile screenshot = desk.attachmentFile(scope, id, attachmentId)
                .filter(f -> Files.isReadable(f.file()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(screenshot.contentType()))
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(screenshot.file()));
    }

    @PostMapping("/{id}/answer")
    String answer(
            Actor actor,
            @PathVariable long id,
            @RequestParam OperatorAnswer action,
            @RequestParam(required = false) String note,
            RedirectAttributes redirect) {
        try {
            desk.answer(actor, id, action, note);
            redirect.addFlashAttribute("message", "spam.answered");
        } catch (IllegalStateException e) {
            redirect.addFlashAttribute("error", "spam.notAwaitingAnswer");
        }
        return "redirect:/console/spam/" + id;
    }
}

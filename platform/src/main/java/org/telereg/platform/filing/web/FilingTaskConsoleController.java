package org.telereg.platform.filing.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.filing.FilingTaskAnswer;
import org.telereg.platform.filing.FilingTaskFile;
import org.telereg.platform.filing.FilingTaskStatus;
import org.telereg.platform.filing.FilingTaskView;
import org.telereg.platform.filing.FilingTasks;
import org.telereg.platform.filing.HostingFindingKind;
import org.telereg.platform.filing.HostingSettings;
import org.telereg.platform.shared.RejectedInputException;

/** The 核查任务 pages: the task list with filters, a task with its timeline, answer and decision forms. */
@Controller
@RequestMapping("/console/filing/tasks")
class FilingTaskConsoleController {

    private final FilingTasks tasks;
    private final HostingSettings settings;
    private final Clock clock;

    FilingTaskConsoleController(FilingTasks tasks, HostingSettings settings, Clock clock) {
        this.tasks = tasks;
        this.settings = settings;
        this.clock = clock;
    }

    @GetMapping
    String list(
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String provider,
            Model model) {
        FilingTaskStatus chosenStatus = null;
        HostingFindingKind chosenKind = null;
        try {
            chosenStatus = HostingApiController.choice("status", status, FilingTaskStatus.class);
            chosenKind = HostingApiController.choice("kind", kind, HostingFindingKind.class);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        List<FilingTaskView> found = tasks.list(scope, chosenStatus, chosenKind, provider);
        model.addAttribute("tasks", found.size() > 1000 ? found.subList(0, 1000) : found);
        model.addAttribute("total", found.size());
        model.addAttribute("statuses", FilingTaskStatus.values());
        model.addAttribute("kinds", HostingFindingKind.values());
        model.addAttribute("status", chosenStatus == null ? "" : chosenStatus.name());
        model.addAttribute("kind", chosenKind == null ? "" : chosenKind.name());
        model.addAttribute("provider", provider == null ? "" : provider);
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/tasks/list";
    }

    @GetMapping("/{id}")
    String task(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        FilingTaskView task =
                tasks.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("task", task);
        model.addAttribute("steps", tasks.steps(id));
        model.addAttribute("attachments", tasks.attachments(id));
        model.addAttribute("maxFiles", settings.maxEvidenceFiles());
        model.addAttribute("maxFileMegabytes", settings.maxEvidenceBytes() / (1024 * 1024));
        model.addAttribute("canAnswer", FilingTasks.canAnswer(actor, task));
        model.addAttribute("canClose", FilingTasks.canClose(actor, task));
        model.addAttribute(
                "answers",
                Arrays.stream(FilingTaskAnswer.values())
                        .filter(a -> a.allowedFor(task.assignee()))
                        .toList());
        model.addAttribute("today", LocalDate.now(clock));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/tasks/task";
    }

    @PostMapping("/{id}/answer")
    String answer(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String answer,
            @RequestParam(required = false) String note,
            @RequestParam(required = false) String evidence,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        tasks.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            tasks.answer(actor, id, answer, note, evidence, files(files));
            redirect.addFlashAttribute("done", "answered");
            return "redirect:/console/filing/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("note", note);
            model.addAttribute("evidence", evidence);
            return task(actor, scope, id, model);
        }
    }

    /** A file attached to an answer, for whoever may read the task; the read is audited. */
    @GetMapping("/{id}/attachments/{file}")
    ResponseEntity<Resource> attachment(Actor actor, @PathVariable long id, @PathVariable long file) {
        return download(tasks, actor, id, file);
    }

    static ResponseEntity<Resource> download(FilingTasks tasks, Actor actor, long id, long file) {
        FilingTasks.StoredAttachment stored = tasks.attachment(actor, id, file)
                .filter(a -> Files.exists(a.path()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(stored.attachment().contentType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(stored.attachment().fileName(), StandardCharsets.UTF_8)
                                .build()
                                .toString())
                // The type was checked on upload; a browser must not guess another from the content.
                .header("X-Content-Type-Options", "nosniff")
                .body(new FileSystemResource(stored.path()));
    }

    /** The files of a form's file field; a browser sends one empty part when none is chosen. */
    static List<FilingTaskFile> files(List<MultipartFile> parts) throws IOException {
        List<FilingTaskFile> files = new ArrayList<>();
        for (MultipartFile part : parts == null ? List.<MultipartFile>of() : parts) {
            files.add(new FilingTaskFile(part.getOriginalFilename(), part.getBytes()));
        }
        return files;
    }

    @PostMapping("/{id}/decision")
    String decide(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String decision,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        tasks.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        try {
            FilingTaskView after = tasks.close(actor, id, decision, note);
            redirect.addFlashAttribute("done", after.status() == FilingTaskStatus.CLOSED ? "closed" : "reopened");
            return "redirect:/console/filing/tasks/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return task(actor, scope, id, model);
        }
    }
}

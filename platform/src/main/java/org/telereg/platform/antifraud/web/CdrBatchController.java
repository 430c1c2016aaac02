package org.telereg.platform.antifraud.web;

import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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
import org.telereg.platform.access.Role;
import org.telereg.platform.antifraud.BatchStatus;
import org.telereg.platform.antifraud.CdrBatches;
import org.telereg.platform.shared.RejectedInputException;

/** Operators upload call records here and watch their scans. */
@Controller
@RequestMapping("/console/antifraud/batches")
class CdrBatchController {

    private static final int RESULTS_SHOWN = 200;

    private final CdrBatches batches;

    CdrBatchController(CdrBatches batches) {
        this.batches = batches;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        var list = batches.list(actor.scope(), 50);
        model.addAttribute("batches", list);
        model.addAttribute("canUpload", actor.role() == Role.OPERATOR);
        model.addAttribute("batchId", UUID.randomUUID().toString());
        model.addAttribute(
                "running",
                list.stream().anyMatch(b -> b.status() == BatchStatus.QUEUED || b.status() == BatchStatus.SCANNING));
        return "antifraud/batches";
    }

    /** The table alone, which the page polls while a scan runs. */
    @GetMapping("/table")
    String table(Actor actor, Model model) {
        list(actor, model);
        return "antifraud/batches :: table";
    }

    @PostMapping
    String upload(
            Actor actor,
            @RequestParam String batchId,
            @RequestParam("file") MultipartFile file,
            RedirectAttributes redirect)
            throws IOException {
        try {
            batches.upload(actor, batchId, file.getOriginalFilename(), file.getInputStream());
            redirect.addFlashAttribute("message", "antifraud.batch.queued");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/console/antifraud/batches";
    }

    @GetMapping("/{id}")
    String detail(DataScope scope, @PathVariable long id, Model model) {
        model.addAttribute(
                "batch", batches.find(scope, id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND)));
        model.addAttribute("results", batches.results(scope, id, RESULTS_SHOWN));
        return "antifraud/batch";
    }
}

package org.telereg.platform.numbering.web;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
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
import org.telereg.platform.numbering.AllocationKind;
import org.telereg.platform.numbering.AllocationView;
import org.telereg.platform.numbering.BlockUtilisation;
import org.telereg.platform.numbering.NumberResources;
import org.telereg.platform.numbering.SegmentSeeding;
import org.telereg.platform.numbering.UtilisationReports;

/**
 * Utilisation of number blocks: the ranking of under-used blocks, one block's months, the holders'
 * upload, and the ministry's seeding of segments from the reference data.
 */
@Controller
@RequestMapping("/console/numbering")
class UtilisationController {

    private static final int PAGE_SIZE = 30;

    private final UtilisationReports reports;
    private final NumberResources resources;
    private final SegmentSeeding seeding;

    UtilisationController(UtilisationReports reports, NumberResources resources, SegmentSeeding seeding) {
        this.reports = reports;
        this.resources = resources;
        this.seeding = seeding;
    }

    /** Blocks whose latest month is below the threshold, given in percent (the configured one by default). */
    @GetMapping("/utilisation")
    String lowest(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) Integer threshold,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        int percent = threshold == null
                ? reports.lowThreshold().movePointRight(2).intValue()
                : Math.max(0, Math.min(100, threshold));
        model.addAttribute("threshold", percent);
        model.addAttribute(
                "blocks",
                reports.lowest(scope, BigDecimal.valueOf(percent, 2), PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("reports", UtilisationReports.canReport(actor));
        model.addAttribute("seeds", NumberResources.mayAllocate(actor, AllocationKind.MOBILE_SEGMENT, null));
        return "numbering/utilisation";
    }

    @GetMapping("/blocks/{id}")
    String block(DataScope scope, @PathVariable long id, Model model) {
        AllocationView block = resources.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<BlockUtilisation> months = reports.series(scope, id);
        model.addAttribute("block", block);
        model.addAttribute("capacity", block.kind().capacity(block.prefix()));
        model.addAttribute("months", months);
        model.addAttribute("covered", scope.covers(block.provinceCode(), block.holderCreditCode()));
        model.addAttribute("threshold", reports.lowThreshold());
        return "numbering/block";
    }

    @GetMapping("/utilisation/import")
    String importForm(Actor actor, Model model) {
        requireReport(actor);
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "numbering/utilisation-import";
    }

    @PostMapping("/utilisation/import")
    String importFile(Actor actor, @RequestParam String batchId, @RequestParam("file") MultipartFile file, Model model)
            throws IOException {
        requireReport(actor);
        model.addAttribute("result", reports.importCsv(actor, batchId, file.getOriginalFilename(), file.getBytes()));
        model.addAttribute("batchId", UUID.randomUUID().toString());
        return "numbering/utilisation-import";
    }

    @PostMapping("/seed")
    String seed(Actor actor, RedirectAttributes redirect) {
        SegmentSeeding.SeedResult result = seeding.seed(actor);
        redirect.addFlashAttribute("seeded", result);
        return "redirect:/console/numbering/utilisation";
    }

    private static void requireReport(Actor actor) {
        if (!UtilisationReports.canReport(actor)) {
            throw new AccessDeniedException("only a block's holder reports its utilisation");
        }
    }
}

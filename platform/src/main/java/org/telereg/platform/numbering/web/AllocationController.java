package org.telereg.platform.numbering.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.numbering.AllocationKind;
import org.telereg.platform.numbering.NewAllocation;
import org.telereg.platform.numbering.NumberResources;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** The allocation register: search it, allocate a block, withdraw one. */
@Controller
@RequestMapping("/console/numbering")
class AllocationController {

    private static final int PAGE_SIZE = 30;
    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final NumberResources resources;
    private final AccessManagement access;

    AllocationController(NumberResources resources, AccessManagement access) {
        this.resources = resources;
        this.access = access;
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) AllocationKind kind,
            @RequestParam(required = false) String prefix,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("prefix", prefix);
        model.addAttribute("allocations", resources.search(kind, prefix, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("kinds", AllocationKind.values());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute(
                "carriers",
                access.organisations().stream()
                        .filter(o -> o.type() == OrganisationType.OPERATOR)
                        .toList());
        model.addAttribute("allocates", NumberResources.allocates(actor));
        model.addAttribute("today", LocalDate.now(CHINA));
        if (!model.containsAttribute("input")) {
            model.addAttribute(
                    "input",
                    new NewAllocation(
                            "SMS_PORT",
                            null,
                            actor.scope().provinceCode(),
                            null,
                            null,
                            LocalDate.now(CHINA).toString(),
                            null));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "numbering/list";
    }

    @PostMapping
    String allocate(
            Actor actor, @ModelAttribute("input") NewAllocation input, Model model, RedirectAttributes redirect) {
        try {
            resources.allocate(actor, input);
            redirect.addFlashAttribute("message", "numbering.allocated");
            return "redirect:/console/numbering";
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return list(actor, null, null, 0, model);
        }
    }

    @PostMapping("/{id}/withdraw")
    String withdraw(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String withdrawnOn,
            @RequestParam(required = false) String reason,
            RedirectAttributes redirect) {
        try {
            resources.withdraw(actor, id, withdrawnOn, reason);
            redirect.addFlashAttribute("message", "numbering.withdrawn");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("error", e.problems().get(0).code());
        }
        return "redirect:/console/numbering";
    }
}

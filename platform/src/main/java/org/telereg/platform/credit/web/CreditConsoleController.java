package org.telereg.platform.credit.web;

import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.credit.CreditRecordView;
import org.telereg.platform.credit.CreditRegistry;
import org.telereg.platform.credit.CreditSearch;
import org.telereg.platform.credit.NewListing;
import org.telereg.platform.credit.NewPersonListing;
import org.telereg.platform.credit.Rectifications;
import org.telereg.platform.shared.RejectedInputException;

/** The credit lists, manual listings and removals, and rectification orders of the console. */
@Controller
@RequestMapping("/console/credit")
class CreditConsoleController {

    private static final int PAGE_SIZE = 20;

    private final CreditRegistry registry;
    private final Rectifications rectifications;

    CreditConsoleController(CreditRegistry registry, Rectifications rectifications) {
        this.registry = registry;
        this.rectifications = rectifications;
    }

    @ModelAttribute("reasons")
    CreditRegistry.ManualReason[] reasons() {
        return CreditRegistry.ManualReason.values();
    }

    @GetMapping
    String list(
            Actor actor,
            @RequestParam(required = false) CreditList list,
            @RequestParam(required = false) CreditRecordView.Status status,
            @RequestParam(required = false) String text,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        boolean regulator = CreditRegistry.seesWatchList(actor);
        model.addAttribute(
                "lists",
                regulator ? CreditList.values() : new CreditList[] {CreditList.BAD_OPERATOR, CreditList.DISHONEST});
        model.addAttribute("list", list);
        model.addAttribute("status", status);
        model.addAttribute("text", text);
        model.addAttribute(
                "records",
                registry.search(
                        new CreditSearch(list, status, text), regulator, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("keeps", CreditRegistry.keeps(actor));
        return "credit/list";
    }

    @GetMapping("/{id:\\d+}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        CreditRecordView entry = registry.find(id).orElseThrow(CreditConsoleController::notFound);
        boolean regulator = CreditRegistry.seesWatchList(actor);
        if (!entry.list().published() && !regulator && !actor.scope().covers(null, entry.creditCode())) {
            throw notFound();
        }
        model.addAttribute("entry", entry);
        model.addAttribute("keeps", CreditRegistry.keeps(actor));
        model.addAttribute("problems", List.of());
        return "credit/detail";
    }

    @PostMapping("/{id:\\d+}/remove")
    String remove(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String removalReason,
            Model model,
            RedirectAttributes redirect) {
        try {
            registry.remove(actor, id, removalReason);
            redirect.addFlashAttribute("message", "credit.removed");
            return "redirect:/console/credit/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("entry", registry.find(id).orElseThrow(CreditConsoleController::notFound));
            model.addAttribute("keeps", true);
            model.addAttribute("problems", e.problems());
            return "credit/detail";
        }
    }

    @GetMapping("/new")
    String newListing(Actor actor, @RequestParam(defaultValue = "false") boolean person, Model model) {
        requireKeeper(actor);
        model.addAttribute("personForm", person);
        model.addAttribute("input", NewListing.empty());
        model.addAttribute("person", NewPersonListing.empty());
        model.addAttribute("problems", List.of());
        return "credit/form";
    }

    @PostMapping
    String listCompany(
            Actor actor, @ModelAttribute("input") NewListing input, Model model, RedirectAttributes redirect) {
        try {
            CreditRecordView saved = registry.listCompany(actor, input);
            redirect.addFlashAttribute("message", "credit.listed");
            return "redirect:/console/credit/" + saved.id();
        } catch (RejectedInputException e) {
            model.addAttribute("person", NewPersonListing.empty());
            model.addAttribute("problems", e.problems());
            model.addAttribute("personForm", false);
            return "credit/form";
        }
    }

    @PostMapping("/persons")
    String listPerson(
            Actor actor, @ModelAttribute("person") NewPersonListing input, Model model, RedirectAttributes redirect) {
        try {
            CreditRecordView saved = registry.listPerson(actor, input);
            redirect.addFlashAttribute("message", "credit.listed");
            return "redirect:/console/credit/" + saved.id();
        } catch (RejectedInputException e) {
            model.addAttribute("input", NewListing.empty());
            // The ID number is not sent back to the page.
            model.addAttribute(
                    "person",
                    new NewPersonListing(
                            "",
                            input.name(),
                            input.relatedCreditCode(),
                            input.reasonCode(),
                            input.reason(),
                            input.document(),
                            input.decidedOn()));
            model.addAttribute("problems", e.problems());
            model.addAttribute("personForm", true);
            return "credit/form";
        }
    }

    @GetMapping("/rectifications")
    String rectifications(DataScope scope, Actor actor, Model model) {
        model.addAttribute("orders", rectifications.visible(scope));
        model.addAttribute("today", registry.today());
        model.addAttribute("keeps", CreditRegistry.keeps(actor));
        model.addAttribute("problems", List.of());
        return "credit/rectifications";
    }

    @PostMapping("/rectifications")
    String issue(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) String creditCode,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String deadline,
            Model model,
            RedirectAttributes redirect) {
        try {
            rectifications.issue(actor, creditCode, reason, deadline);
            redirect.addFlashAttribute("message", "credit.rectification.issued");
            return "redirect:/console/credit/rectifications";
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("creditCode", creditCode);
            model.addAttribute("reason", reason);
            model.addAttribute("deadline", deadline);
            model.addAttribute("orders", rectifications.visible(scope));
            model.addAttribute("today", registry.today());
            model.addAttribute("keeps", true);
            return "credit/rectifications";
        }
    }

    @PostMapping("/rectifications/{id:\\d+}/close")
    String close(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String closingNote,
            RedirectAttributes redirect) {
        try {
            rectifications.close(actor, id, closingNote);
            redirect.addFlashAttribute("message", "credit.rectification.closed");
        } catch (RejectedInputException e) {
            redirect.addFlashAttribute("error", "credit.rectification.noteRequired");
        } catch (NoSuchElementException e) {
            throw notFound();
        }
        return "redirect:/console/credit/rectifications";
    }

    private static void requireKeeper(Actor actor) {
        if (!CreditRegistry.keeps(actor)) {
            throw new AccessDeniedException("read only");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}

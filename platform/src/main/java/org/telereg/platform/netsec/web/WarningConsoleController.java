package org.telereg.platform.netsec.web;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.netsec.WarningColour;
import org.telereg.platform.netsec.WarningInput;
import org.telereg.platform.netsec.WarningStatus;
import org.telereg.platform.netsec.WarningView;
import org.telereg.platform.netsec.Warnings;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The warning pages: the list with the issue form, and one warning with its update and lift forms. Every
 * console user reads warnings, since any organisation may have to act on one.
 */
@Controller
@RequestMapping("/console/netsec/warnings")
class WarningConsoleController {

    private final Warnings warnings;

    WarningConsoleController(Warnings warnings) {
        this.warnings = warnings;
    }

    @GetMapping
    String list(Actor actor, @RequestParam(required = false) String status, Model model) {
        WarningStatus chosen = null;
        for (WarningStatus s : WarningStatus.values()) {
            if (s.name().equalsIgnoreCase(status == null ? "" : status.strip())) {
                chosen = s;
            }
        }
        model.addAttribute("warnings", warnings.list(chosen));
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("statuses", WarningStatus.values());
        model.addAttribute("canIssue", Warnings.canIssue(actor));
        model.addAttribute("colours", colours(actor));
        model.addAttribute("provinces", regions(actor));
        model.addAttribute("ministry", actor.role() != Role.PROVINCIAL_OFFICER);
        if (!model.containsAttribute("warning")) {
            model.addAttribute("warning", WarningInput.blank());
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/warnings/list";
    }

    /**
     * The console home's panel of active warnings, as an htmx fragment: the home page (module insight)
     * loads it by URL, so insight needs no Java dependency on netsec (which would close a cycle through
     * licensing, antifraud and appeals).
     */
    @GetMapping("/panel")
    String panel(Model model) {
        model.addAttribute("activeWarnings", warnings.active());
        return "netsec/warnings/fragments :: panel";
    }

    @PostMapping
    String issue(
            Actor actor,
            @RequestParam(required = false) String colour,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String publicNotice,
            @RequestParam(required = false) String incidentId,
            Model model,
            RedirectAttributes redirect) {
        WarningInput input = new WarningInput(colour, title, regionCode, body, publicNotice, incidentId);
        try {
            WarningView warning = warnings.issue(actor, input);
            redirect.addFlashAttribute("done", "issued");
            return "redirect:/console/netsec/warnings/" + warning.id();
        } catch (RejectedInputException e) {
            model.addAttribute("warning", input);
            model.addAttribute("problems", e.problems());
            return list(actor, null, model);
        }
    }

    @GetMapping("/{id:\\d+}")
    String warning(Actor actor, @PathVariable long id, Model model) {
        WarningView warning = warnings.find(id).orElseThrow(IncidentConsoleController::notFound);
        model.addAttribute("warningView", warning);
        model.addAttribute("history", warnings.history(id));
        model.addAttribute("duties", warnings.duties(id));
        model.addAttribute("canChange", Warnings.canChange(actor, warning));
        model.addAttribute("colours", colours(actor));
        model.addAttribute("provinces", regions(actor));
        model.addAttribute("ministry", actor.role() != Role.PROVINCIAL_OFFICER);
        if (!model.containsAttribute("warning")) {
            model.addAttribute(
                    "warning",
                    new WarningInput(
                            warning.colour().name(),
                            warning.title(),
                            warning.regionCode(),
                            warning.body(),
                            Boolean.toString(warning.publicNotice()),
                            warning.incidentId() == null
                                    ? null
                                    : warning.incidentId().toString()));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/warnings/warning";
    }

    @PostMapping("/{id:\\d+}")
    String update(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String colour,
            @RequestParam(required = false) String title,
            @RequestParam(required = false) String regionCode,
            @RequestParam(required = false) String body,
            @RequestParam(required = false) String publicNotice,
            @RequestParam(required = false) String incidentId,
            Model model,
            RedirectAttributes redirect) {
        WarningInput input = new WarningInput(colour, title, regionCode, body, publicNotice, incidentId);
        try {
            warnings.update(actor, id, input);
            redirect.addFlashAttribute("done", "updated");
            return "redirect:/console/netsec/warnings/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("warning", input);
            model.addAttribute("problems", e.problems());
            return warning(actor, id, model);
        }
    }

    @PostMapping("/{id:\\d+}/lift")
    String lift(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        try {
            warnings.lift(actor, id, reason);
            redirect.addFlashAttribute("done", "lifted");
            return "redirect:/console/netsec/warnings/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return warning(actor, id, model);
        }
    }

    /** The colours the actor's level issues. */
    private static List<WarningColour> colours(Actor actor) {
        if (actor.role() == Role.PROVINCIAL_OFFICER) {
            return List.of(WarningColour.YELLOW, WarningColour.BLUE);
        }
        return List.of(WarningColour.RED, WarningColour.ORANGE);
    }

    /** The regions the actor's level may choose: its own province, or every province. */
    private static List<ProvinceCode> regions(Actor actor) {
        if (actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().provinceCode() != null) {
            return List.of(ProvinceCode.of(actor.scope().provinceCode()));
        }
        return ProvinceCode.administered();
    }
}

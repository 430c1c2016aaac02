package org.telereg.platform.netsec.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.HttpStatus;
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
import org.telereg.platform.netsec.AssuranceLevel;
import org.telereg.platform.netsec.AssurancePlanView;
import org.telereg.platform.netsec.AssurancePlans;
import org.telereg.platform.netsec.DutyShift;
import org.telereg.platform.netsec.Incidents;
import org.telereg.platform.netsec.NewAssurancePlan;
import org.telereg.platform.netsec.NewAssuranceReport;
import org.telereg.platform.netsec.NewDutyEntry;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The 重大活动保障 pages: the plans an actor sees with the form for a new one, and a plan with its
 * units, the daily-report grid (missing reports highlighted), the duty roster and the report form.
 */
@Controller
@RequestMapping("/console/netsec/assurance")
class AssuranceConsoleController {

    private final AssurancePlans plans;
    private final Incidents incidents;
    private final Clock clock;

    AssuranceConsoleController(AssurancePlans plans, Incidents incidents, Clock clock) {
        this.incidents = incidents;
        this.plans = plans;
        this.clock = clock;
    }

    @GetMapping
    String list(Actor actor, Model model) {
        model.addAttribute("plans", plans.plans(actor));
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("canCreate", AssurancePlans.canCreate(actor));
        model.addAttribute("levels", AssuranceLevel.values());
        model.addAttribute("provinceChoices", ProvinceCode.administered());
        model.addAttribute("unitChoices", plans.candidateUnits());
        if (!model.containsAttribute("plan")) {
            model.addAttribute("plan", new NewAssurancePlan(null, null, null, "FIRST", List.of(), List.of()));
        }
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/assurance/list";
    }

    @PostMapping
    String create(
            Actor actor,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String startsOn,
            @RequestParam(required = false) String endsOn,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) List<String> provinces,
            @RequestParam(required = false) List<String> units,
            Model model,
            RedirectAttributes redirect) {
        NewAssurancePlan input = new NewAssurancePlan(
                name,
                startsOn,
                endsOn,
                level,
                provinces == null ? List.of() : provinces,
                units == null ? List.of() : units);
        try {
            AssurancePlanView plan = plans.create(actor, input);
            redirect.addFlashAttribute("done", "created");
            return "redirect:/console/netsec/assurance/" + plan.id();
        } catch (RejectedInputException e) {
            model.addAttribute("plan", input);
            model.addAttribute("problems", e.problems());
            return list(actor, model);
        }
    }

    @GetMapping("/{id}")
    String plan(Actor actor, DataScope scope, @PathVariable long id, Model model) {
        AssurancePlanView plan = plans.plan(actor, id).orElseThrow(AssuranceConsoleController::notFound);
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("planView", plan);
        model.addAttribute("today", today);
        model.addAttribute("grid", plans.grid(plan, today));
        model.addAttribute("roster", plans.roster(actor, id));
        model.addAttribute("reports", plans.reports(actor, id));
        model.addAttribute("canManage", AssurancePlans.canManage(actor, plan));
        model.addAttribute("canReport", AssurancePlans.canReport(actor, plan));
        model.addAttribute("canReveal", AssurancePlans.canReveal(actor, plan));
        model.addAttribute("shifts", DutyShift.values());
        // The incidents of the event's days and provinces that this reader may see.
        model.addAttribute(
                "eventIncidents",
                incidents.during(scope, plan.startsOn(), plan.endsOn(), Set.copyOf(plan.provinces())));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "netsec/assurance/plan";
    }

    @PostMapping("/{id}/duties")
    String addDuty(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String organisation,
            @RequestParam(required = false) String dutyDate,
            @RequestParam(required = false) String shift,
            @RequestParam(required = false) String personName,
            @RequestParam(required = false) String personPhone,
            Model model,
            RedirectAttributes redirect) {
        NewDutyEntry input = new NewDutyEntry(organisation, dutyDate, shift, personName, personPhone);
        try {
            plans.addDuty(actor, id, input);
            redirect.addFlashAttribute("done", "dutyAdded");
            return "redirect:/console/netsec/assurance/" + id + "#roster";
        } catch (RejectedInputException e) {
            model.addAttribute("duty", input);
            model.addAttribute("problems", e.problems());
            return plan(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    @PostMapping("/{id}/duties/{dutyId}/reveal")
    String reveal(Actor actor, DataScope scope, @PathVariable long id, @PathVariable long dutyId, Model model) {
        try {
            model.addAttribute("revealed", plans.revealDuty(actor, id, dutyId));
        } catch (NoSuchElementException e) {
            throw notFound();
        }
        return plan(actor, scope, id, model);
    }

    @PostMapping("/{id}/reports")
    String report(
            Actor actor,
            DataScope scope,
            @PathVariable long id,
            @RequestParam(required = false) String reportDate,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String events,
            @RequestParam(required = false) String measures,
            Model model,
            RedirectAttributes redirect) {
        NewAssuranceReport input = new NewAssuranceReport(reportDate, outcome, events, measures);
        try {
            plans.report(actor, id, input);
            redirect.addFlashAttribute("done", "reported");
            return "redirect:/console/netsec/assurance/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("report", input);
            model.addAttribute("problems", e.problems());
            return plan(actor, scope, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}

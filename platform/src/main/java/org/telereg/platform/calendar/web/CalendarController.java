package org.telereg.platform.calendar.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.calendar.DayKind;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.shared.RejectedInputException;

/** The working-day calendar: every user reads it, the ministry's administrators keep it. */
@Controller
@RequestMapping("/console/calendar")
class CalendarController {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final WorkingDays workingDays;

    CalendarController(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @GetMapping
    String year(Actor actor, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? LocalDate.now(CHINA).getYear() : Math.max(2000, Math.min(2100, year));
        model.addAttribute("year", shown);
        model.addAttribute("days", workingDays.year(shown));
        model.addAttribute("known", workingDays.knows(shown));
        model.addAttribute("keeps", WorkingDays.keeps(actor));
        model.addAttribute("kinds", DayKind.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "calendar/year";
    }

    @PostMapping
    String list(
            Actor actor,
            @RequestParam(required = false) String day,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String name,
            @RequestParam(required = false) String source,
            Model model,
            RedirectAttributes redirect) {
        try {
            LocalDate listed = workingDays.list(actor, day, kind, name, source).day();
            redirect.addFlashAttribute("message", "calendar.saved");
            return "redirect:/console/calendar?year=" + listed.getYear();
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("input", new Input(day, kind, name, source));
            return year(actor, null, model);
        }
    }

    @PostMapping("/{day}/delete")
    String unlist(
            Actor actor,
            @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
            RedirectAttributes redirect) {
        workingDays.unlist(actor, day);
        redirect.addFlashAttribute("message", "calendar.deleted");
        return "redirect:/console/calendar?year=" + day.getYear();
    }

    /** What the form held when it was refused, shown again. */
    record Input(String day, String kind, String name, String source) {}
}

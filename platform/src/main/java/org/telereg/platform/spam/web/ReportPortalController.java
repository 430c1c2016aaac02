package org.telereg.platform.spam.web;

import java.io.IOException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.spam.NewReport;
import org.telereg.platform.spam.ReportCategory;
import org.telereg.platform.spam.ReportDesk;

/** The public report form and the tracking page of the portal: no sign-in, rate-limited. */
@Controller
@RequestMapping("/public/reports")
class ReportPortalController {

    private final ReportDesk desk;

    ReportPortalController(ReportDesk desk) {
        this.desk = desk;
    }

    @ModelAttribute("categories")
    ReportCategory[] categories() {
        return ReportCategory.values();
    }

    @GetMapping("/new")
    String form(Model model) {
        model.addAttribute("input", new NewReport(null, null, null, null));
        model.addAttribute("problems", java.util.List.of());
        return "spam/report";
    }

    @PostMapping
    String submit(
            @ModelAttribute("input") NewReport input,
            @RequestParam(name = "screenshot", required = false) MultipartFile screenshot,
            Model model)
            throws IOException {
        try {
            model.addAttribute(
                    "report",
                    desk.submitWithScreenshot(
                            input,
                            screenshot == null ? null : screenshot.getOriginalFilename(),
                            screenshot == null ? null : screenshot.getBytes()));
            return "spam/received";
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return "spam/report";
        }
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String no, Model model) {
        model.addAttribute("no", no);
        model.addAttribute(
                "report", no == null || no.isBlank() ? null : desk.track(no).orElse(null));
        return "spam/track";
    }
}

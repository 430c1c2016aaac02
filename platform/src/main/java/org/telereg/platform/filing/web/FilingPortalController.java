package org.telereg.platform.filing.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.telereg.platform.filing.ApplicationView;
import org.telereg.platform.filing.FilingApplications;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The sponsor's side of the portal, without sign-in and rate-limited: the filing application form, its
 * tracking page, and the SMS code confirmation. Personal data is shown masked only.
 */
@Controller
@RequestMapping("/public/filing/apply")
class FilingPortalController {

    private final FilingApplications applications;

    FilingPortalController(FilingApplications applications) {
        this.applications = applications;
    }

    @GetMapping
    String form(Model model) {
        ApplicationForm.prepare(model, Map.of(), List.of(), applications);
        return "filing/portal-apply";
    }

    @PostMapping
    String submit(@RequestParam Map<String, String> form, Model model) {
        Map<String, String> input = new java.util.HashMap<>(form);
        input.put("kind", "NEW");
        input.remove("filingNumber");
        try {
            ApplicationView app = applications.submit(null, ApplicationForm.from(input));
            return "redirect:/public/filing/apply/track?no=" + app.trackingNumber() + "&submitted=true";
        } catch (RejectedInputException e) {
            ApplicationForm.prepare(model, input, e.problems(), applications);
            return "filing/portal-apply";
        }
    }

    @GetMapping("/track")
    String track(
            @RequestParam(required = false) String no, @RequestParam(required = false) Boolean submitted, Model model) {
        model.addAttribute("no", no);
        model.addAttribute("submitted", Boolean.TRUE.equals(submitted));
        model.addAttribute("app", applications.track(no).orElse(null));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/portal-apply-track";
    }

    @PostMapping("/sms")
    String confirm(
            @RequestParam(required = false) String no, @RequestParam(required = false) String code, Model model) {
        try {
            applications.confirmSms(no, code);
            model.addAttribute("confirmed", true);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return track(no, false, model);
    }
}

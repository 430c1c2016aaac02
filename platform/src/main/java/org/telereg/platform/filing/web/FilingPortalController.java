package org.telereg.platform.filing.web;

import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.filing.ApplicationView;
import org.telereg.platform.filing.FilingApplications;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The sponsor's side of the portal, without sign-in and rate-limited: the filing application form, its
 * tracking page with the application's history, the SMS code confirmation, and the correction of a
 * returned application, opened with the tracking number and the access code given at submission.
 * Personal data is shown masked, except in the correction form the access code opens.
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
    String submit(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        Map<String, String> input = ApplicationForm.normalise(form);
        input.put("kind", "NEW");
        input.remove("filingNumber");
        input.remove("changedOn");
        try {
            FilingApplications.PortalSubmission submitted = applications.submitOnPortal(ApplicationForm.from(input));
            redirect.addFlashAttribute("accessCode", submitted.accessCode());
            return "redirect:/public/filing/apply/track?no="
                    + submitted.application().trackingNumber() + "&submitted=true";
        } catch (RejectedInputException e) {
            ApplicationForm.prepare(model, input, e.problems(), applications);
            return "filing/portal-apply";
        }
    }

    @GetMapping("/track")
    String track(
            @RequestParam(required = false) String no, @RequestParam(required = false) Boolean submitted, Model model) {
        ApplicationView app = applications.track(no).orElse(null);
        model.addAttribute("no", no);
        model.addAttribute("submitted", Boolean.TRUE.equals(submitted));
        model.addAttribute("app", app);
        model.addAttribute("steps", app == null ? List.of() : applications.steps(app.id()));
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

    /** The tracking number and access code open a returned application in the form, to correct it. */
    @PostMapping("/correction")
    String correction(
            @RequestParam(required = false) String no,
            @RequestParam(name = "accessCode", required = false) String code,
            Model model) {
        try {
            ApplicationView app = applications.returnedOnPortal(no, code);
            ApplicationForm.prepare(model, ApplicationForm.of(app), List.of(), applications);
            correcting(model, app, code);
            return "filing/portal-apply";
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("correctionRefused", true);
            return track(no, false, model);
        }
    }

    @PostMapping("/resubmission")
    String resubmit(
            @RequestParam(required = false) String no,
            @RequestParam(name = "accessCode", required = false) String code,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> input = ApplicationForm.normalise(form);
        input.remove("no");
        input.remove("accessCode");
        ApplicationView app;
        try {
            app = applications.returnedOnPortal(no, code);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("correctionRefused", true);
            return track(no, false, model);
        }
        try {
            applications.resubmitOnPortal(no, code, ApplicationForm.from(input));
            redirect.addFlashAttribute("resubmitted", true);
            return "redirect:/public/filing/apply/track?no=" + app.trackingNumber();
        } catch (RejectedInputException e) {
            ApplicationForm.prepare(model, input, e.problems(), applications);
            correcting(model, app, code);
            return "filing/portal-apply";
        }
    }

    private static void correcting(Model model, ApplicationView app, String code) {
        model.addAttribute("correcting", app);
        model.addAttribute("accessCode", code.strip().toUpperCase(java.util.Locale.ROOT));
    }
}

package org.telereg.platform.appeals.web;

import java.io.IOException;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.appeals.AppealChannel;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.NewAppeal;
import org.telereg.platform.shared.RejectedInputException;

/** The public appeal form and the tracking page of the portal: no sign-in, rate-limited. */
@Controller
@RequestMapping("/public/appeals")
class AppealPortalController {

    private final AppealDesk desk;
    private final AppealForm form;

    AppealPortalController(AppealDesk desk, AppealForm form) {
        this.desk = desk;
        this.form = form;
    }

    @GetMapping("/new")
    String form(Model model) {
        form.prepare(model, NewAppeal.blank(), List.of());
        return "appeals/public-form";
    }

    @PostMapping
    String submit(
            @ModelAttribute("input") NewAppeal input,
            @RequestParam(name = "evidence", required = false) List<MultipartFile> evidence,
            Model model)
            throws IOException {
        try {
            model.addAttribute("appeal", desk.submit(AppealChannel.PORTAL, input, AppealForm.evidence(evidence)));
            return "appeals/received";
        } catch (RejectedInputException e) {
            form.prepare(model, input, e.problems());
            return "appeals/public-form";
        }
    }

    @PostMapping("/rating")
    String rate(
            @RequestParam(required = false) String no,
            @RequestParam(required = false) String phone,
            @RequestParam(required = false) String rating,
            @RequestParam(required = false) String ratingComment,
            Model model) {
        try {
            desk.rate(no, phone, rating, ratingComment);
            model.addAttribute("rated", true);
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
        }
        return track(no, model);
    }

    @GetMapping("/track")
    String track(@RequestParam(required = false) String no, Model model) {
        model.addAttribute("no", no);
        model.addAttribute(
                "appeal", no == null || no.isBlank() ? null : desk.track(no).orElse(null));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "appeals/track";
    }
}

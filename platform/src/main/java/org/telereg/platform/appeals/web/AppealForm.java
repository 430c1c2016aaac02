package org.telereg.platform.appeals.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.AppealSubject;
import org.telereg.platform.appeals.Evidence;
import org.telereg.platform.appeals.NewAppeal;
import org.telereg.platform.appeals.OperatorContact;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.ProvinceCode;

/** What the appeal form needs, for the portal and for staff taking a 12300 call alike. */
@Component
class AppealForm {

    private final AppealDesk desk;

    AppealForm(AppealDesk desk) {
        this.desk = desk;
    }

    /** The files of the form's evidence field; a browser sends one empty part when none is chosen. */
    static List<Evidence> evidence(List<MultipartFile> files) throws IOException {
        List<Evidence> evidence = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            evidence.add(new Evidence(file.getOriginalFilename(), file.getBytes()));
        }
        return evidence;
    }

    void prepare(Model model, NewAppeal input, List<FieldProblem> problems) {
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute("subjects", AppealSubject.values());
        model.addAttribute("contacts", OperatorContact.values());
        model.addAttribute("respondents", desk.respondents());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("today", desk.today());
    }
}

package org.telereg.platform.appeals.web;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.AppealSubject;
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

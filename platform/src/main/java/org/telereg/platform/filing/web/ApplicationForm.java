package org.telereg.platform.filing.web;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.ui.Model;
import org.telereg.platform.filing.ApplicationKind;
import org.telereg.platform.filing.CertificateType;
import org.telereg.platform.filing.FilingApplications;
import org.telereg.platform.filing.NewApplication;
import org.telereg.platform.filing.PreApprovalItem;
import org.telereg.platform.filing.ServiceKind;
import org.telereg.platform.filing.SponsorNature;
import org.telereg.platform.shared.FieldProblem;

/**
 * The application form of the portal and the console: the sponsor and one service, its fields named as
 * the rules name their problems ({@code services[0].domains}), so each error shows beside its field.
 */
final class ApplicationForm {

    private ApplicationForm() {}

    static NewApplication from(Map<String, String> form) {
        NewApplication.NewService service = new NewApplication.NewService(
                form.get("services[0].serviceNumber"),
                form.get("services[0].kind"),
                form.get("services[0].name"),
                form.get("services[0].domains"),
                form.get("services[0].homeUrl"),
                form.get("services[0].appIdentifier"),
                form.get("services[0].preApprovalItems"),
                form.get("services[0].contentType"),
                form.get("services[0].responsibleName"),
                form.get("services[0].responsibleIdNumber"),
                form.get("services[0].responsiblePhone"),
                form.get("services[0].ips"));
        return new NewApplication(
                form.get("kind"),
                form.get("filingNumber"),
                form.get("nature"),
                form.get("sponsorName"),
                form.get("certificateType"),
                form.get("certificateNumber"),
                form.get("cityCode"),
                form.get("countyCode"),
                form.get("address"),
                form.get("principalName"),
                form.get("principalIdNumber"),
                form.get("principalPhone"),
                form.get("principalEmail"),
                form.get("relatedPersons"),
                form.get("accessProvider"),
                null,
                List.of(service));
    }

    static void prepare(
            Model model, Map<String, String> form, List<FieldProblem> problems, FilingApplications applications) {
        Map<String, String> values = new HashMap<>(form);
        values.putIfAbsent("nature", "ENTERPRISE");
        values.putIfAbsent("certificateType", "CREDIT_CODE");
        values.putIfAbsent("services[0].kind", "WEBSITE");
        values.putIfAbsent("kind", "NEW");
        model.addAttribute("form", values);
        model.addAttribute("problems", problems);
        model.addAttribute("natures", SponsorNature.values());
        model.addAttribute("certificateTypes", CertificateType.values());
        model.addAttribute("serviceKinds", ServiceKind.values());
        model.addAttribute("preApprovalItems", PreApprovalItem.values());
        model.addAttribute("providers", applications.providers());
        model.addAttribute("applicationKinds", List.of(ApplicationKind.NEW, ApplicationKind.CHANGE));
    }
}

package org.telereg.platform.licensing.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.licensing.AnnualReportInput;
import org.telereg.platform.licensing.AnnualReports;
import org.telereg.platform.licensing.ApplicationFile;
import org.telereg.platform.licensing.ApplicationStatus;
import org.telereg.platform.licensing.ApplicationView;
import org.telereg.platform.licensing.Catalogue;
import org.telereg.platform.licensing.GrantBlockedException;
import org.telereg.platform.licensing.LicenceRegistry;
import org.telereg.platform.licensing.LicenceStatus;
import org.telereg.platform.licensing.LicenceView;
import org.telereg.platform.licensing.LicensingDesk;
import org.telereg.platform.licensing.LicensingSettings;
import org.telereg.platform.licensing.NewApplication;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/** Applications, licences and annual reports in the console. */
@Controller
@RequestMapping("/console/licensing")
class LicensingConsoleController {

    private static final int PAGE_SIZE = 20;

    private final LicensingDesk desk;
    private final LicenceRegistry licences;
    private final AnnualReports reports;
    private final Catalogue catalogue;
    private final LicensingSettings settings;

    LicensingConsoleController(
            LicensingDesk desk,
            LicenceRegistry licences,
            AnnualReports reports,
            Catalogue catalogue,
            LicensingSettings settings) {
        this.desk = desk;
        this.licences = licences;
        this.reports = reports;
        this.catalogue = catalogue;
        this.settings = settings;
    }

    @GetMapping
    String home() {
        return "redirect:/console/licensing/applications";
    }

    @GetMapping("/applications")
    String applications(
            DataScope scope,
            Actor actor,
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("status", status);
        model.addAttribute("overdue", overdue);
        model.addAttribute("today", desk.today());
        model.addAttribute(
                "applications", desk.search(scope, status, overdue, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        model.addAttribute("applies", applies(actor));
        return "licensing/applications";
    }

    @GetMapping("/applications/new")
    String newApplication(Actor actor, Model model) {
        requireApplicant(actor);
        prepareForm(model, actor, NewApplication.blank(), List.of());
        return "licensing/application-form";
    }

    @PostMapping("/applications")
    String submit(
            Actor actor,
            @ModelAttribute("input") NewApplication input,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        requireApplicant(actor);
        try {
            ApplicationView saved = desk.submit(actor, input, files(files));
            redirect.addFlashAttribute("message", "licensing.submitted");
            return "redirect:/console/licensing/applications/" + saved.id();
        } catch (RejectedInputException e) {
            prepareForm(model, actor, padded(input), e.problems());
            return "licensing/application-form";
        }
    }

    @GetMapping("/applications/{id:\\d+}")
    String application(DataScope scope, Actor actor, @PathVariable long id, Model model) {
        ApplicationView application = desk.find(scope, id).orElseThrow(LicensingConsoleController::notFound);
        model.addAttribute("submission", application);
        model.addAttribute("conditions", desk.conditions(application));
        model.addAttribute("today", desk.today());
        model.addAttribute("decides", LicensingDesk.decides(actor, application));
        model.addAttribute("owns", LicensingDesk.ownsApplication(actor, application));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "licensing/application";
    }

    @PostMapping("/applications/{id:\\d+}/{action:correction|accept|grant|refuse|withdraw|resubmit}")
    String decide(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String text,
            @RequestParam(name = "files", required = false) List<MultipartFile> files,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        try {
            switch (action) {
                case "correction" -> desk.requestCorrection(actor, id, text);
                case "accept" -> desk.accept(actor, id);
                case "grant" -> {
                    LicenceView licence = desk.grant(actor, id);
                    redirect.addFlashAttribute("message", "licensing.granted");
                    return "redirect:/console/licensing/licences/" + licence.id();
                }
                case "refuse" -> desk.refuse(actor, id, text);
                case "withdraw" -> desk.withdraw(actor, id);
                default -> desk.resubmit(actor, id, files(files));
            }
            redirect.addFlashAttribute("message", "licensing.action." + action);
            return "redirect:/console/licensing/applications/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return application(scope, actor, id, model);
        } catch (GrantBlockedException e) {
            model.addAttribute("error", "licensing.gate.blocked");
            return application(scope, actor, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    @GetMapping("/applications/{id:\\d+}/files/{file:\\d+}")
    ResponseEntity<Resource> attachment(DataScope scope, @PathVariable long id, @PathVariable long file) {
        ApplicationView application = desk.find(scope, id).orElseThrow(LicensingConsoleController::notFound);
        ApplicationView.Attachment listed = application.attachments().stream()
                .filter(a -> a.id() == file)
                .findFirst()
                .orElseThrow(LicensingConsoleController::notFound);
        Path path = desk.attachment(scope, id, file).orElseThrow(LicensingConsoleController::notFound);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(listed.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(listed.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(new FileSystemResource(path));
    }

    @GetMapping("/licences")
    String licences(
            DataScope scope,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) LicenceStatus status,
            @RequestParam(defaultValue = "0") int page,
            Model model) {
        model.addAttribute("text", text);
        model.addAttribute("status", status);
        model.addAttribute("statuses", LicenceStatus.values());
        model.addAttribute("today", licences.today());
        model.addAttribute(
                "licences", licences.search(scope, text, status, PageRequest.of(Math.max(page, 0), PAGE_SIZE)));
        return "licensing/licences";
    }

    @GetMapping("/licences/{id:\\d+}")
    String licence(DataScope scope, Actor actor, @PathVariable long id, Model model) {
        LicenceView licence = licences.find(scope, id).orElseThrow(LicensingConsoleController::notFound);
        model.addAttribute("licence", licence);
        model.addAttribute("today", licences.today());
        model.addAttribute("history", licences.history(id));
        model.addAttribute("gateHits", licences.gateHits(id));
        model.addAttribute("reports", reports.ofLicence(id));
        model.addAttribute(
                "manages",
                LicenceRegistry.manages(actor, licence) && actor.role().writes());
        model.addAttribute(
                "holder",
                actor.role() == Role.OPERATOR
                        && licence.holderCreditCode().equals(actor.scope().creditCode()));
        model.addAttribute("renewalWindow", settings.renewalWindowDays());
        model.addAttribute(
                "reminders",
                licences.reminders(licence.holderCreditCode()).stream()
                        .filter(r -> r.licenceNumber().equals(licence.number()))
                        .toList());
        model.addAttribute("reportYear", licences.today().getYear() - 1);
        model.addAttribute("reportInput", AnnualReportInput.blank());
        model.addAttribute("changeFields", LicenceRegistry.ChangeField.values());
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "licensing/licence";
    }

    @PostMapping("/licences/{id:\\d+}/{action:change|renew|cancel|revoke}")
    String licenceAction(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @PathVariable String action,
            @RequestParam(required = false) String field,
            @RequestParam(required = false) String kindCode,
            @RequestParam(required = false) String value,
            @RequestParam(required = false) String reason,
            @RequestParam(required = false) String decidedOn,
            @RequestParam(required = false) String document,
            Model model,
            RedirectAttributes redirect) {
        try {
            switch (action) {
                case "change" -> licences.change(actor, id, field, kindCode, value, reason, decidedOn);
                case "renew" -> licences.renew(actor, id, decidedOn);
                case "cancel" -> licences.cancel(actor, id, reason, decidedOn);
                default -> licences.revoke(actor, id, reason, decidedOn, document);
            }
            redirect.addFlashAttribute("message", "licensing.action." + action);
            return "redirect:/console/licensing/licences/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("failedAction", action);
            return licence(scope, actor, id, model);
        } catch (GrantBlockedException e) {
            model.addAttribute("error", "licensing.gate.blocked");
            return licence(scope, actor, id, model);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
    }

    @GetMapping("/licences/{id:\\d+}/certificate.pdf")
    ResponseEntity<byte[]> certificate(DataScope scope, @PathVariable long id, HttpServletRequest request) {
        LicenceView licence = licences.find(scope, id).orElseThrow(LicensingConsoleController::notFound);
        String base = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort();
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_PDF)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.inline()
                                .filename(licence.number() + ".pdf", java.nio.charset.StandardCharsets.UTF_8)
                                .build()
                                .toString())
                .body(licences.certificate(scope, id, base));
    }

    @PostMapping("/licences/{id:\\d+}/reports")
    String submitReport(
            DataScope scope,
            Actor actor,
            @PathVariable long id,
            @RequestParam int year,
            @ModelAttribute("reportInput") AnnualReportInput input,
            Model model,
            RedirectAttributes redirect) {
        try {
            reports.submit(actor, id, year, input);
            redirect.addFlashAttribute("message", "licensing.report.submitted");
            return "redirect:/console/licensing/licences/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("failedAction", "report");
            String page = licence(scope, actor, id, model);
            model.addAttribute("reportInput", input);
            return page;
        }
    }

    @GetMapping("/reports")
    String reportsPage(DataScope scope, Actor actor, @RequestParam(required = false) Integer year, Model model) {
        int shown = year == null ? reports.today().getYear() - 1 : year;
        model.addAttribute("year", shown);
        model.addAttribute("window", reports.window(shown, reports.today()));
        model.addAttribute("listingDay", reports.listingDay(shown));
        model.addAttribute(
                "reports",
                reports.search(scope, shown, null, PageRequest.of(0, 200)).getContent());
        model.addAttribute("missing", reports.missing(scope, shown));
        model.addAttribute(
                "confirms",
                actor.role() == Role.MINISTRY_ADMIN
                        || actor.role() == Role.MINISTRY_OFFICER
                        || actor.role() == Role.PROVINCIAL_OFFICER);
        return "licensing/reports";
    }

    @PostMapping("/reports/{id:\\d+}/confirm")
    String confirm(Actor actor, @PathVariable long id, @RequestParam int year, RedirectAttributes redirect) {
        try {
            reports.confirm(actor, id);
        } catch (NoSuchElementException e) {
            throw notFound();
        }
        redirect.addFlashAttribute("message", "licensing.report.confirmed");
        return "redirect:/console/licensing/reports?year=" + year;
    }

    @GetMapping("/catalogue")
    String catalogue(Model model) {
        model.addAttribute("versions", catalogue.versions());
        model.addAttribute("kinds", catalogue.all());
        return "licensing/catalogue";
    }

    private void prepareForm(Model model, Actor actor, NewApplication input, List<FieldProblem> problems) {
        model.addAttribute("input", input);
        model.addAttribute("problems", problems);
        model.addAttribute(
                "kinds",
                catalogue.inForce(desk.today()).stream()
                        .filter(k -> k.applicable())
                        .toList());
        model.addAttribute("provinces", ProvinceCode.administered());
        model.addAttribute("operator", actor.role() == Role.OPERATOR);
        model.addAttribute("maxFiles", settings.maxAttachments());
    }

    /** Keeps three rows of investors and managers on the form, whatever came back. */
    private static NewApplication padded(NewApplication input) {
        List<NewApplication.Investor> investors = new ArrayList<>(input.investors());
        while (investors.size() < 3) {
            investors.add(new NewApplication.Investor("", "", "", "", "false", "false"));
        }
        // ID numbers are not sent back to the page.
        investors.replaceAll(
                i -> new NewApplication.Investor(i.creditCode(), "", i.name(), i.share(), i.stateOwned(), i.foreign()));
        List<NewApplication.Manager> managers = new ArrayList<>(input.managers());
        while (managers.size() < 3) {
            managers.add(new NewApplication.Manager("", "", ""));
        }
        managers.replaceAll(m -> new NewApplication.Manager("", m.name(), m.position()));
        return new NewApplication(
                input.applicantCreditCode(),
                input.kinds(),
                input.coverage(),
                input.scope(),
                input.legalRepresentative(),
                input.address(),
                input.registeredCapital(),
                investors,
                managers);
    }

    static List<ApplicationFile> files(List<MultipartFile> files) throws IOException {
        List<ApplicationFile> result = new ArrayList<>();
        for (MultipartFile file : files == null ? List.<MultipartFile>of() : files) {
            result.add(new ApplicationFile(file.getOriginalFilename(), file.getBytes()));
        }
        return result;
    }

    private static boolean applies(Actor actor) {
        return actor.role() == Role.OPERATOR
                || actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    private static void requireApplicant(Actor actor) {
        if (!applies(actor)) {
            throw new org.springframework.security.access.AccessDeniedException("read only");
        }
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND);
    }
}

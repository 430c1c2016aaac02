package org.telereg.platform.filing.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.filing.ApplicationChannel;
import org.telereg.platform.filing.ApplicationStatus;
import org.telereg.platform.filing.ApplicationView;
import org.telereg.platform.filing.CheckItem;
import org.telereg.platform.filing.DomainRegistrations;
import org.telereg.platform.filing.FilingApplications;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The 备案申请 pages: the queue of each role (the provider's applications to check and SMS checks
 * pending, the province's review queue with its working-day countdown, all provinces for the ministry),
 * an application's detail with the actions the user may take, the provider's form, its hosted services
 * with 撤销接入, cancellations, and the ministry's domain registration upload.
 */
@Controller
@RequestMapping("/console/filing")
class FilingApplicationConsoleController {

    private final FilingApplications applications;
    private final DomainRegistrations registrations;
    private final MessageSource messages;

    FilingApplicationConsoleController(
            FilingApplications applications, DomainRegistrations registrations, MessageSource messages) {
        this.applications = applications;
        this.registrations = registrations;
        this.messages = messages;
    }

    @GetMapping("/applications")
    String list(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) boolean late,
            Model model) {
        ApplicationStatus chosen = parse(status);
        model.addAttribute("applications", applications.list(scope, chosen, q, late));
        model.addAttribute("q", q);
        model.addAttribute("late", late);
        model.addAttribute("lateCount", applications.lateChanges(scope));
        Map<String, Long> counts = new HashMap<>();
        applications.counts(scope).forEach((s, n) -> counts.put(s.name(), n));
        model.addAttribute("counts", counts);
        model.addAttribute("statuses", ApplicationStatus.values());
        model.addAttribute("status", chosen == null ? "" : chosen.name());
        model.addAttribute("isProvider", FilingApplications.isProvider(actor));
        model.addAttribute("canCancel", FilingApplications.canCancel(actor));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/applications/list";
    }

    /** The queue as filtered, masked as on screen; the export is audited. */
    @GetMapping("/applications/export.csv")
    void export(
            Actor actor,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) boolean late,
            Locale locale,
            HttpServletResponse response)
            throws IOException {
        List<ApplicationView> rows = applications.export(actor, parse(status), q, late);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"filing-applications.csv\"");
        PrintWriter out = new PrintWriter(response.getOutputStream(), false, StandardCharsets.UTF_8);
        ApplicationCsv.write(out, rows, messages, locale);
        out.flush();
    }

    @GetMapping("/applications/new")
    String form(Actor actor, Model model) {
        requireProvider(actor);
        ApplicationForm.prepare(model, Map.of(), List.of(), applications);
        return "filing/applications/form";
    }

    @PostMapping("/applications")
    String submit(Actor actor, @RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
        requireProvider(actor);
        Map<String, String> input = ApplicationForm.normalise(form);
        try {
            ApplicationView app = applications.submit(actor, ApplicationForm.from(input));
            redirect.addFlashAttribute("done", "submitted");
            return "redirect:/console/filing/applications/" + app.id();
        } catch (RejectedInputException e) {
            ApplicationForm.prepare(model, input, e.problems(), applications);
            return "filing/applications/form";
        }
    }

    @GetMapping("/applications/{id}/edit")
    String edit(Actor actor, @PathVariable long id, Model model, RedirectAttributes redirect) {
        if (notReturnedAnyMore(actor, id)) {
            return toNotReturned(id, redirect);
        }
        ApplicationView app = returned(actor, id);
        ApplicationForm.prepare(model, ApplicationForm.of(app), List.of(), applications);
        model.addAttribute("app", app);
        return "filing/applications/form";
    }

    @PostMapping("/applications/{id}/resubmission")
    String resubmit(
            Actor actor,
            @PathVariable long id,
            @RequestParam Map<String, String> form,
            Model model,
            RedirectAttributes redirect) {
        if (notReturnedAnyMore(actor, id)) {
            return toNotReturned(id, redirect);
        }
        ApplicationView app = returned(actor, id);
        Map<String, String> input = ApplicationForm.normalise(form);
        try {
            applications.resubmit(actor, id, ApplicationForm.from(input));
            redirect.addFlashAttribute("done", "resubmitted");
            return "redirect:/console/filing/applications/" + id;
        } catch (RejectedInputException e) {
            ApplicationForm.prepare(model, input, e.problems(), applications);
            model.addAttribute("app", app);
            return "filing/applications/form";
        } catch (IllegalStateException e) {
            // The same form sent twice at once: the other request resubmitted it.
            return toNotReturned(id, redirect);
        }
    }

    /**
     * The provider's own console application that is no longer returned: a form sent twice, or opened in a
     * second tab after the first resubmitted it. Its page says so, rather than refusing the provider.
     */
    private boolean notReturnedAnyMore(Actor actor, long id) {
        return applications
                .find(actor.scope(), id)
                .filter(app -> app.status() != ApplicationStatus.RETURNED
                        && app.channel() == ApplicationChannel.PROVIDER
                        && FilingApplications.isProviderOf(actor, app))
                .isPresent();
    }

    private static String toNotReturned(long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", "filing.app.notice.notReturned");
        return "redirect:/console/filing/applications/" + id;
    }

    private ApplicationView returned(Actor actor, long id) {
        ApplicationView app =
                applications.find(actor.scope(), id).orElseThrow(() -> new NoSuchElementException("application"));
        if (!FilingApplications.canResubmit(actor, app)) {
            throw new AccessDeniedException("not a returned application this provider submitted");
        }
        return applications.read(actor, id).orElseThrow();
    }

    @GetMapping("/applications/{id}")
    String detail(Actor actor, @PathVariable long id, Model model) {
        ApplicationView app = applications.read(actor, id).orElseThrow(() -> new NoSuchElementException("application"));
        model.addAttribute("app", app);
        model.addAttribute("steps", applications.steps(id));
        model.addAttribute("checkItems", CheckItem.values());
        boolean provider = FilingApplications.isProviderOf(actor, app);
        model.addAttribute("canCheck", provider && app.status() == ApplicationStatus.SUBMITTED);
        model.addAttribute(
                "canResend",
                provider
                        && (app.status() == ApplicationStatus.SMS_PENDING
                                || app.status() == ApplicationStatus.SMS_EXPIRED));
        model.addAttribute("canDecide", FilingApplications.canDecide(actor, app));
        model.addAttribute("canResubmit", FilingApplications.canResubmit(actor, app));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/applications/detail";
    }

    @GetMapping("/applications/{id}/photo")
    ResponseEntity<byte[]> photo(Actor actor, @PathVariable long id) {
        FilingApplications.Photo photo =
                applications.photo(actor, id).orElseThrow(() -> new NoSuchElementException("photo"));
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(photo.mediaType()))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Disposition", "inline")
                .body(photo.bytes());
    }

    @PostMapping("/applications/{id}/verification")
    String verify(
            Actor actor,
            @PathVariable long id,
            @RequestParam(name = "checkItems", required = false) List<String> checked,
            @RequestParam(name = "photo", required = false) MultipartFile photo,
            Model model,
            RedirectAttributes redirect)
            throws IOException {
        Set<CheckItem> items = EnumSet.noneOf(CheckItem.class);
        for (String item : checked == null ? List.<String>of() : checked) {
            for (CheckItem c : CheckItem.values()) {
                if (c.name().equals(item)) {
                    items.add(c);
                }
            }
        }
        try {
            applications.verify(
                    actor,
                    id,
                    items,
                    photo == null ? null : photo.getOriginalFilename(),
                    photo == null ? new byte[0] : photo.getBytes());
            redirect.addFlashAttribute("done", "verified");
            return "redirect:/console/filing/applications/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return detail(actor, id, model);
        }
    }

    @PostMapping("/applications/{id}/return")
    String returnToSponsor(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, id, model, redirect, "returned", () -> applications.returnToSponsor(actor, id, reason));
    }

    @PostMapping("/applications/{id}/sms")
    String resend(Actor actor, @PathVariable long id, Model model, RedirectAttributes redirect) {
        return act(actor, id, model, redirect, "smsResent", () -> applications.resendSms(actor, id));
    }

    @PostMapping("/applications/{id}/approval")
    String approve(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String note,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, id, model, redirect, "approved", () -> applications.approve(actor, id, note));
    }

    @PostMapping("/applications/{id}/rejection")
    String reject(
            Actor actor,
            @PathVariable long id,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        return act(actor, id, model, redirect, "rejected", () -> applications.reject(actor, id, reason));
    }

    @GetMapping("/hosted")
    String hosted(Actor actor, Model model) {
        requireProvider(actor);
        model.addAttribute("services", applications.hosted(actor));
        model.addAttribute("toCheck", applications.counts(actor.scope()).get(ApplicationStatus.SUBMITTED));
        if (!model.containsAttribute("problems")) {
            model.addAttribute("problems", List.of());
        }
        return "filing/applications/hosted";
    }

    @PostMapping("/hosted/withdrawal")
    String withdraw(
            Actor actor,
            @RequestParam(required = false) String serviceNumber,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        try {
            applications.withdrawAccess(actor, serviceNumber, reason);
            redirect.addFlashAttribute("done", "withdrawn");
            return "redirect:/console/filing/hosted";
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return hosted(actor, model);
        }
    }

    @PostMapping("/hosted/cancellation")
    String requestCancellation(
            Actor actor,
            @RequestParam(required = false) String filingNumber,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        try {
            ApplicationView app = applications.requestCancellation(actor, filingNumber, reason);
            redirect.addFlashAttribute("done", "cancellationRequested");
            return "redirect:/console/filing/applications/" + app.id();
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return hosted(actor, model);
        }
    }

    @PostMapping("/cancellations")
    String cancel(
            Actor actor,
            DataScope scope,
            @RequestParam(required = false) String filingNumber,
            @RequestParam(required = false) String reason,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<String> cancelled = applications.cancelByAdministration(actor, filingNumber, reason);
            redirect.addFlashAttribute("done", "cancelled");
            redirect.addFlashAttribute("cancelled", String.join("、", cancelled));
            return "redirect:/console/filing/applications";
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return list(actor, scope, null, null, false, model);
        }
    }

    @GetMapping("/domain-registrations")
    String domains(Actor actor, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("registrations", registrations.search(q, 200));
        model.addAttribute("q", q);
        model.addAttribute("canLoad", DomainRegistrations.canLoad(actor));
        return "filing/applications/domains";
    }

    @PostMapping("/domain-registrations")
    String loadDomains(Actor actor, @RequestParam("file") MultipartFile file, Model model) throws IOException {
        model.addAttribute("result", registrations.load(actor, file.getBytes()));
        return domains(actor, null, model);
    }

    private String act(Actor actor, long id, Model model, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("done", done);
            return "redirect:/console/filing/applications/" + id;
        } catch (RejectedInputException e) {
            model.addAttribute("problems", e.problems());
            return detail(actor, id, model);
        }
    }

    /** An application outside the user's scope is not found, as one that does not exist. */
    @ExceptionHandler(NoSuchElementException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String notFound() {
        return "error/404";
    }

    private static void requireProvider(Actor actor) {
        if (!FilingApplications.isProvider(actor)) {
            throw new AccessDeniedException("access providers only");
        }
    }

    private static ApplicationStatus parse(String status) {
        for (ApplicationStatus s : ApplicationStatus.values()) {
            if (s.name().equals(status)) {
                return s;
            }
        }
        return null;
    }
}

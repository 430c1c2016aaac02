package org.telereg.platform.filing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.filing.ApplicationKind;
import org.telereg.platform.filing.ApplicationStatus;
import org.telereg.platform.filing.ApplicationStep;
import org.telereg.platform.filing.ApplicationView;
import org.telereg.platform.filing.CheckItem;
import org.telereg.platform.filing.DomainRegistrations;
import org.telereg.platform.filing.FilingApplications;
import org.telereg.platform.filing.NewApplication;
import org.telereg.platform.shared.RejectedInputException;

/**
 * REST API of filing applications for access providers (and the administrations' systems): submit,
 * check, return, send the SMS code again, file cancellations, withdraw access; the same rules as the
 * console. The ministry loads domain registration records here too.
 */
@RestController
@RequestMapping("/api/v1/filing")
@Tag(
        name = "互联网基础资源备案 filing applications",
        description = "ICP and App filing applications from submission to the register")
class FilingApplicationApiController {

    private final FilingApplications applications;
    private final DomainRegistrations registrations;

    FilingApplicationApiController(FilingApplications applications, DomainRegistrations registrations) {
        this.applications = applications;
        this.registrations = registrations;
    }

    /** An application in a list: personal data masked. */
    record ApplicationSummary(
            long id,
            String trackingNumber,
            ApplicationKind kind,
            ApplicationStatus status,
            String provinceCode,
            String sponsorName,
            String principalName,
            String principalPhone,
            List<String> services,
            String providerCreditCode,
            LocalDate reviewDueOn,
            Integer workingDaysLeft,
            String subjectNumber,
            LocalDate changedOn,
            boolean lateChange) {

        static ApplicationSummary of(ApplicationView a) {
            return new ApplicationSummary(
                    a.id(),
                    a.trackingNumber(),
                    a.kind(),
                    a.status(),
                    a.provinceCode(),
                    a.maskedSponsorName(),
                    a.maskedPrincipalName(),
                    a.maskedPrincipalPhone(),
                    a.services().stream().map(ApplicationView.ServiceView::name).toList(),
                    a.providerCreditCode(),
                    a.reviewDueOn(),
                    a.workingDaysLeft(),
                    a.subjectNumber(),
                    a.factsChangedOn(),
                    a.lateChange());
        }
    }

    /** An application with its timeline. */
    record ApplicationDetail(ApplicationView application, List<ApplicationStep> steps) {}

    record Reason(String reason) {}

    record Cancellation(String filingNumber, String reason) {}

    record Withdrawal(String serviceNumber, String reason) {}

    @GetMapping("/applications")
    @Operation(
            summary = "Applications within the caller's scope, optionally of one status or only late changes;"
                    + " most urgent first")
    List<ApplicationSummary> list(
            DataScope scope,
            @RequestParam(required = false) ApplicationStatus status,
            @RequestParam(required = false) boolean late) {
        return applications.list(scope, status, null, late).stream()
                .map(ApplicationSummary::of)
                .toList();
    }

    @GetMapping("/applications/{id}")
    @Operation(summary = "One application with full personal data (the read is audited) and its timeline")
    ApplicationDetail get(Actor actor, @PathVariable long id) {
        ApplicationView app =
                applications.read(actor, id).orElseThrow(() -> new NoSuchElementException("application " + id));
        return new ApplicationDetail(app, applications.steps(id));
    }

    @PostMapping(value = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit a new filing or a change for a sponsor; the provider is the caller")
    ApplicationView submit(Actor actor, @RequestBody NewApplication input) {
        return applications.submit(actor, input);
    }

    @PostMapping(value = "/applications/{id}/resubmission", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(
            summary = "Correct a returned application the caller submitted and submit it again; the rules are"
                    + " checked anew and the timeline lists the fields changed")
    ApplicationView resubmit(Actor actor, @PathVariable long id, @RequestBody NewApplication input) {
        return applications.resubmit(actor, id, input);
    }

    @PostMapping(value = "/applications/{id}/verification", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record the provider's in-person check (every check item and a photo); sends the SMS code")
    ApplicationView verify(
            Actor actor,
            @PathVariable long id,
            @RequestParam(name = "checkItems", required = false) List<String> checked,
            @RequestParam(name = "photo", required = false) MultipartFile photo)
            throws IOException {
        Set<CheckItem> items = EnumSet.noneOf(CheckItem.class);
        for (String item : checked == null ? List.<String>of() : checked) {
            try {
                items.add(CheckItem.valueOf(item.strip()));
            } catch (IllegalArgumentException e) {
                throw RejectedInputException.of("checkItems", "invalid.choice", "unknown check item", item);
            }
        }
        return applications.verify(
                actor,
                id,
                items,
                photo == null ? null : photo.getOriginalFilename(),
                photo == null ? new byte[0] : photo.getBytes());
    }

    @PostMapping("/applications/{id}/return")
    @Operation(summary = "Return the application to the sponsor with what to correct")
    ApplicationView returnToSponsor(Actor actor, @PathVariable long id, @RequestBody Reason body) {
        return applications.returnToSponsor(actor, id, body.reason());
    }

    @PostMapping("/applications/{id}/sms")
    @Operation(summary = "Send a new SMS code (pending or expired check)")
    ApplicationView resend(Actor actor, @PathVariable long id) {
        return applications.resendSms(actor, id);
    }

    @PostMapping("/applications/{id}/approval")
    @Operation(summary = "The provincial administration approves: the register is written and numbers issued")
    ApplicationView approve(Actor actor, @PathVariable long id, @RequestBody(required = false) Reason body) {
        return applications.approve(actor, id, body == null ? null : body.reason());
    }

    @PostMapping("/applications/{id}/rejection")
    @Operation(summary = "The provincial administration rejects, with reasons")
    ApplicationView reject(Actor actor, @PathVariable long id, @RequestBody Reason body) {
        return applications.reject(actor, id, body.reason());
    }

    @PostMapping("/cancellations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "File the cancellation of a hosted subject or service for its sponsor")
    ApplicationView cancel(Actor actor, @RequestBody Cancellation body) {
        return applications.requestCancellation(actor, body.filingNumber(), body.reason());
    }

    @PostMapping("/withdrawals")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Withdraw access to a hosted service: its filing lapses at once")
    void withdraw(Actor actor, @RequestBody Withdrawal body) {
        applications.withdrawAccess(actor, body.serviceNumber(), body.reason());
    }

    @PostMapping(
            value = "/domain-registrations",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Load a registrar's domain registration records (CSV); all or nothing")
    DomainRegistrations.LoadResult loadDomains(Actor actor, @RequestBody byte[] body) {
        return registrations.load(actor, body);
    }
}

package org.telereg.platform.licensing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.licensing.AnnualReportInput;
import org.telereg.platform.licensing.AnnualReportView;
import org.telereg.platform.licensing.AnnualReports;
import org.telereg.platform.licensing.ApplicationView;
import org.telereg.platform.licensing.LicenceRegistry;
import org.telereg.platform.licensing.LicenceStatus;
import org.telereg.platform.licensing.LicenceView;
import org.telereg.platform.licensing.LicensingDesk;
import org.telereg.platform.licensing.NewApplication;
import org.telereg.platform.shared.FieldProblems;

/** The licensing API: operators apply, follow their applications and file annual reports; anyone queries licences. */
@RestController
@Tag(name = "电信业务经营许可 licensing", description = "Applications, licences and annual reports")
class LicensingApiController {

    private static final int MAX_PAGE_SIZE = 100;

    private final LicensingDesk desk;
    private final LicenceRegistry licences;
    private final AnnualReports reports;

    LicensingApiController(LicensingDesk desk, LicenceRegistry licences, AnnualReports reports) {
        this.desk = desk;
        this.licences = licences;
        this.reports = reports;
    }

    @PostMapping("/api/v1/licensing/applications")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "Apply for one or more business kinds (attachments are added in the console)")
    ApplicationView apply(Actor actor, @RequestBody NewApplication body) {
        return desk.submit(actor, body, List.of());
    }

    @GetMapping("/api/v1/licensing/applications/{trackingNumber}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "An application of the operator's company: status, deadlines, decision")
    ApplicationView application(DataScope scope, @PathVariable String trackingNumber) {
        return desk.findByTrackingNumber(scope, trackingNumber)
                .orElseThrow(() -> new NoSuchElementException("application " + trackingNumber));
    }

    @PostMapping("/api/v1/licensing/licences/{number}/annual-reports/{year}")
    @PreAuthorize("hasRole('OPERATOR')")
    @Operation(summary = "File (or, in the windows, correct) the annual report on a licence for a year")
    AnnualReportView annualReport(
            Actor actor, @PathVariable String number, @PathVariable int year, @RequestBody AnnualReportInput body) {
        LicenceView licence = licences.findByNumber(number)
                .filter(l -> l.holderCreditCode().equals(actor.scope().creditCode()))
                .orElseThrow(() -> new NoSuchElementException("licence " + number));
        return reports.submit(actor, licence.id(), year, body);
    }

    /** A licence as the public query shows it. */
    record PublicLicence(
            String number,
            String holderName,
            String holderCreditCode,
            List<String> kinds,
            List<String> coverage,
            String issuer,
            LocalDate issuedOn,
            LocalDate validUntil,
            LicenceStatus status) {}

    record PublicPage(List<PublicLicence> licences, int page, int size, long total) {}

    @GetMapping("/api/v1/public/licences")
    @Operation(summary = "Licences by number or holder name (paged, no captcha, rate-limited)")
    PublicPage publicLicences(
            @RequestParam String q,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size) {
        FieldProblems problems = new FieldProblems();
        String text = problems.text("q", q, 100);
        if (text != null && text.length() < 2) {
            problems.reject("q", "licensing.invalid.queryTooShort", "at least two characters");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            problems.reject("size", "credit.invalid.pageSize", "must be 1 to " + MAX_PAGE_SIZE, MAX_PAGE_SIZE);
        }
        problems.throwIfAny();
        LocalDate today = licences.today();
        Page<LicenceView> found = licences.search(DataScope.all(), text, null, PageRequest.of(Math.max(page, 0), size));
        return new PublicPage(
                found.map(l -> new PublicLicence(
                                l.number(),
                                l.holderName(),
                                l.holderCreditCode(),
                                l.kinds().stream()
                                        .map(ApplicationView.AppliedKind::code)
                                        .toList(),
                                l.coverage(),
                                l.issuerName(),
                                l.issuedOn(),
                                l.validUntil(),
                                l.status(today)))
                        .getContent(),
                found.getNumber(),
                found.getSize(),
                found.getTotalElements());
    }
}

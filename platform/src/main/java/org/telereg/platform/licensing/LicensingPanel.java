package org.telereg.platform.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyFacts;
import org.telereg.platform.entity.CompanyPanel;

/** The company page's licensing panel: licences, open applications and annual reports owed. */
@Component
class LicensingPanel implements CompanyFacts {

    private final LicenceRegistry licences;
    private final LicensingDesk desk;
    private final AnnualReports reports;

    LicensingPanel(LicenceRegistry licences, LicensingDesk desk, AnnualReports reports) {
        this.licences = licences;
        this.desk = desk;
        this.reports = reports;
    }

    @Override
    public Optional<CompanyPanel> panel(DataScope scope, String creditCode) {
        LocalDate today = licences.today();
        List<CompanyPanel.Fact> facts = new ArrayList<>();
        for (LicenceView licence : licences.ofHolder(creditCode)) {
            LicenceStatus status = licence.status(today);
            facts.add(new CompanyPanel.Fact(
                    licence.number(),
                    String.join(
                                    "、",
                                    licence.kinds().stream()
                                            .map(k -> k.code() + " " + k.nameZh())
                                            .toList()) + " · " + licence.issuedOn() + " – " + licence.validUntil(),
                    "licensing.licenceStatus." + status,
                    status == LicenceStatus.VALID
                            ? "success"
                            : status == LicenceStatus.REVOKED ? "danger" : "secondary",
                    "/console/licensing/licences/" + licence.id()));
        }
        for (ApplicationView application : desk.ofCompany(DataScope.all(), creditCode)) {
            if (application.status().open()) {
                facts.add(new CompanyPanel.Fact(
                        application.trackingNumber(),
                        String.join(
                                "、",
                                application.kinds().stream()
                                        .map(ApplicationView.AppliedKind::code)
                                        .toList()),
                        "licensing.status." + application.status(),
                        application.overdue(today) ? "danger" : "warning",
                        "/console/licensing/applications/" + application.id()));
            }
        }
        int year = today.getYear() - 1;
        for (LicenceView licence : reports.missing(DataScope.enterprise(creditCode), year)) {
            facts.add(new CompanyPanel.Fact(
                    licence.number() + " · " + year,
                    null,
                    "licensing.report.missing",
                    today.isBefore(reports.listingDay(year)) ? "warning" : "danger",
                    "/console/licensing/licences/" + licence.id()));
        }
        return Optional.of(
                new CompanyPanel(10, "licensing.panel.title", facts, "/console/licensing/licences?text=" + creditCode));
    }
}

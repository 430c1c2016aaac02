package org.telereg.platform.licensing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import org.telereg.platform.credit.ComplianceCheck;
import org.telereg.platform.credit.ComplianceHit;
import org.telereg.platform.credit.GateParty;
import org.telereg.platform.credit.GateSubject;

/**
 * The licensing module's check at the compliance gate: a company that still owes an annual report
 * whose listing day has passed gets no new grant until it files (looking back three years).
 */
@Component
class AnnualReportCheck implements ComplianceCheck {

    private static final int YEARS_BACK = 3;

    private final AnnualReports reports;
    private final LicenceRegistry licences;

    AnnualReportCheck(AnnualReports reports, LicenceRegistry licences) {
        this.reports = reports;
        this.licences = licences;
    }

    @Override
    public List<ComplianceHit> check(GateSubject subject, LocalDate today) {
        List<ComplianceHit> hits = new ArrayList<>();
        GateParty company = GateParty.company(GateParty.Role.COMPANY, subject.creditCode(), subject.companyName());
        List<LicenceView> held = licences.ofHolder(subject.creditCode());
        if (held.isEmpty()) {
            return hits;
        }
        for (int year = today.getYear() - YEARS_BACK; year < today.getYear(); year++) {
            if (today.isBefore(reports.listingDay(year))) {
                continue;
            }
            for (LicenceView licence : held) {
                if (reports.due(licence, year)
                        && reports.find(licence.id(), year).isEmpty()) {
                    hits.add(new ComplianceHit(
                            "annual-report",
                            ComplianceHit.Severity.BLOCK,
                            company,
                            "licensing.gate.annualReportMissing",
                            List.of(
                                    licence.number(),
                                    Integer.toString(year),
                                    reports.listingDay(year).toString()),
                            licence.number() + " / " + year,
                            "/console/licensing/licences/" + licence.id()));
                }
            }
        }
        return hits;
    }
}

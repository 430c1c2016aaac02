package org.telereg.platform.netsec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyFacts;
import org.telereg.platform.entity.CompanyPanel;

/**
 * The company page's protection panel: the company's overdue filings, assessments and rectifications
 * first, then its network units with their grade and filing status.
 */
@Component
class ProtectionPanel implements CompanyFacts {

    /** The most units the panel lists; the link leads to all of them. */
    private static final int UNITS_SHOWN = 10;

    private final ProtectionUnits units;
    private final ProtectionDeadlines deadlines;

    ProtectionPanel(ProtectionUnits units, ProtectionDeadlines deadlines) {
        this.units = units;
        this.deadlines = deadlines;
    }

    @Override
    public Optional<CompanyPanel> panel(DataScope scope, String creditCode) {
        List<UnitView> own = units.list(scope, UnitSearch.ofCompany(creditCode));
        if (own.isEmpty()) {
            return Optional.empty();
        }
        List<CompanyPanel.Fact> facts = new ArrayList<>();
        var today = units.today();
        // The ministry sees every company: ask only for this one rather than filter all overdue duties.
        DataScope asked = scope.kind() == DataScope.Kind.ALL ? DataScope.enterprise(creditCode) : scope;
        for (ProtectionOverdue overdue : deadlines.overdue(asked, today)) {
            if (overdue.creditCode().equals(creditCode)) {
                boolean assessment = overdue.kind() == ProtectionOverdue.Kind.ASSESSMENT;
                facts.add(new CompanyPanel.Fact(
                        assessment ? overdue.unitName() : overdue.unitName() + " · " + overdue.item(),
                        overdue.dueOn().toString(),
                        assessment
                                ? "netsec.unit.overdue.assessment." + overdue.item()
                                : "netsec.unit.overdue.kind." + overdue.kind(),
                        "danger",
                        overdue.link()));
            }
        }
        own.stream()
                .limit(UNITS_SHOWN)
                .forEach(unit -> facts.add(new CompanyPanel.Fact(
                        unit.name(),
                        unit.grade() == null ? null : unit.grade() + " / " + unit.approvedOn(),
                        unit.latestStatus() == null
                                ? "netsec.unit.status.UNGRADED"
                                : "netsec.unit.status." + unit.latestStatus(),
                        unit.latestStatus() == GradingStatus.APPROVED
                                ? "success"
                                : unit.latestStatus() == GradingStatus.RETURNED ? "warning" : "secondary",
                        "/console/netsec/units/" + unit.id())));
        return Optional.of(
                new CompanyPanel(60, "netsec.unit.panel.title", facts, "/console/netsec/units?company=" + creditCode));
    }
}

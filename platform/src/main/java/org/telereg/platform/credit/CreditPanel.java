package org.telereg.platform.credit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.entity.CompanyFacts;
import org.telereg.platform.entity.CompanyPanel;

/** The company page's credit panel: list entries (standing and ended) and rectification orders. */
@Component
class CreditPanel implements CompanyFacts {

    private final CreditRegistry registry;
    private final Rectifications rectifications;

    CreditPanel(CreditRegistry registry, Rectifications rectifications) {
        this.registry = registry;
        this.rectifications = rectifications;
    }

    @Override
    public Optional<CompanyPanel> panel(DataScope scope, String creditCode) {
        // The company page has already checked that the scope sees the company.
        if (scope.kind() == DataScope.Kind.NONE) {
            return Optional.empty();
        }
        List<CompanyPanel.Fact> facts = new ArrayList<>();
        for (CreditRecordView entry : registry.ofCompany(creditCode)) {
            facts.add(new CompanyPanel.Fact(
                    entry.reason(),
                    entry.authorityName() + " · " + entry.decidedOn()
                            + (entry.subjectKind() == CreditRecordView.SubjectKind.PERSON
                                    ? " · " + entry.subject()
                                    : ""),
                    entry.listed() ? "credit.list." + entry.list() : "credit.status.REMOVED",
                    !entry.listed() ? "secondary" : entry.list() == CreditList.DISHONEST ? "danger" : "warning",
                    "/console/credit/" + entry.id()));
        }
        for (RectificationView order : rectifications.open(creditCode)) {
            facts.add(new CompanyPanel.Fact(
                    order.reason(),
                    order.authorityName() + " · " + order.issuedOn() + " → " + order.deadline(),
                    "credit.rectification.open",
                    "warning",
                    "/console/credit/rectifications"));
        }
        return Optional.of(new CompanyPanel(20, "credit.panel.title", facts, "/console/credit?text=" + creditCode));
    }
}

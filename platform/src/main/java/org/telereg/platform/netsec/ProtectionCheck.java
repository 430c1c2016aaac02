package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.credit.ComplianceCheck;
import org.telereg.platform.credit.ComplianceHit;
import org.telereg.platform.credit.GateParty;
import org.telereg.platform.credit.GateSubject;

/**
 * Protection management's check at the compliance gate: each overdue grading filing, assessment and
 * rectification of the company is a warning naming the unit and the overdue item. It warns rather
 * than blocks: the duty is enforced by the administration's own orders, the licence decision weighs it.
 */
@Component
class ProtectionCheck implements ComplianceCheck {

    private final ProtectionDeadlines deadlines;

    ProtectionCheck(ProtectionDeadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Override
    public List<ComplianceHit> check(GateSubject subject, LocalDate today) {
        GateParty company = GateParty.company(GateParty.Role.COMPANY, subject.creditCode(), subject.companyName());
        return deadlines.overdue(DataScope.enterprise(subject.creditCode()), today).stream()
                .map(overdue -> new ComplianceHit(
                        "netsec-protection",
                        ComplianceHit.Severity.WARN,
                        company,
                        overdue.kind() == ProtectionOverdue.Kind.ASSESSMENT
                                ? "netsec.unit.gate.ASSESSMENT." + overdue.item()
                                : "netsec.unit.gate." + overdue.kind(),
                        List.of(
                                overdue.unitName(),
                                overdue.item(),
                                overdue.dueOn().toString()),
                        overdue.unitName() + " / " + overdue.item() + " / " + overdue.dueOn(),
                        overdue.link()))
                .toList();
    }
}

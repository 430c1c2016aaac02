package org.telereg.platform.credit;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * The compliance gate (合规关口): before an application is accepted or a licence granted, renewed or
 * changed, it checks the company and its main investors and managers against the dishonest list,
 * the bad-operator list, open rectification orders and every {@link ComplianceCheck} other modules
 * register, and returns each finding with its evidence.
 */
@Service
public class ComplianceGate {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final CreditRegistry registry;
    private final Rectifications rectifications;
    // Resolved at each check: the registered checks depend on modules that themselves use the gate.
    private final ObjectProvider<ComplianceCheck> checks;
    private final Clock clock;

    ComplianceGate(
            CreditRegistry registry,
            Rectifications rectifications,
            ObjectProvider<ComplianceCheck> checks,
            Clock clock) {
        this.registry = registry;
        this.rectifications = rectifications;
        this.checks = checks;
        this.clock = clock;
    }

    /** Everything that stands against the subject today, blocking findings first. */
    public GateResult check(GateSubject subject) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        List<ComplianceHit> hits = new ArrayList<>();
        for (GateParty party : subject.everyone()) {
            List<CreditRecordView> dishonest = party.creditCode() != null
                    ? registry.standingOnCompany(CreditList.DISHONEST, party.creditCode())
                    : registry.standingOnPerson(CreditList.DISHONEST, party.personKey());
            for (CreditRecordView entry : dishonest) {
                hits.add(hit("dishonest-list", ComplianceHit.Severity.BLOCK, party, "credit.gate.dishonest", entry));
            }
            if (party.creditCode() != null) {
                for (CreditRecordView entry : registry.standingOnCompany(CreditList.BAD_OPERATOR, party.creditCode())) {
                    hits.add(hit(
                            "bad-operator-list", ComplianceHit.Severity.WARN, party, "credit.gate.badOperator", entry));
                }
            }
        }
        GateParty company = GateParty.company(GateParty.Role.COMPANY, subject.creditCode(), subject.companyName());
        for (RectificationView order : rectifications.open(subject.creditCode())) {
            hits.add(new ComplianceHit(
                    "rectification-order",
                    ComplianceHit.Severity.WARN,
                    company,
                    order.overdue(today) ? "credit.gate.rectificationOverdue" : "credit.gate.rectification",
                    List.of(
                            order.authorityName(),
                            order.issuedOn().toString(),
                            order.deadline().toString()),
                    order.reason(),
                    "/console/credit/rectifications"));
        }
        checks.orderedStream().forEach(check -> hits.addAll(check.check(subject, today)));
        hits.sort(Comparator.comparing(ComplianceHit::severity));
        return new GateResult(hits, clock.instant());
    }

    private static ComplianceHit hit(
            String check, ComplianceHit.Severity severity, GateParty party, String code, CreditRecordView entry) {
        return new ComplianceHit(
                check,
                severity,
                party,
                code,
                List.of(
                        party.displayName() == null ? "" : party.displayName(),
                        entry.authorityName(),
                        entry.decidedOn().toString()),
                entry.reason(),
                "/console/credit/" + entry.id());
    }
}

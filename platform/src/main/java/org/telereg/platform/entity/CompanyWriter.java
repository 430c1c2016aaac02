package org.telereg.platform.entity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;

/** Writes companies and their audit records; callers hold the transaction. */
@Component
class CompanyWriter {

    private final Companies companies;
    private final AuditTrail audit;
    private final Clock clock;

    CompanyWriter(Companies companies, AuditTrail audit, Clock clock) {
        this.companies = companies;
        this.audit = audit;
        this.clock = clock;
    }

    Company store(Optional<Company> existing, CompanyData data) {
        Company saved;
        if (existing.isPresent()) {
            saved = companies.save(existing.get().update(data, clock.instant()));
            audit.record(
                    "entity",
                    "Company",
                    saved.creditCode(),
                    "updated",
                    existing.get().view(),
                    saved.view());
        } else {
            saved = companies.save(Company.register(data, clock.instant()));
            audit.record("entity", "Company", saved.creditCode(), "created", null, saved.view());
        }
        return saved;
    }

    /** The group head must be registered already (or arrive in the same import). */
    void checkGroup(CompanyData data, FieldProblems problems, List<String> arrivingCodes) {
        if (data.groupCreditCode() != null) {
            String group = data.groupCreditCode().value();
            if (!companies.existsById(group) && !arrivingCodes.contains(group)) {
                problems.reject(
                        "groupCreditCode", "entity.invalid.unknownGroup", "the group company is not registered", group);
            }
        }
    }
}

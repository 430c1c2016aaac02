package org.telereg.platform.realname;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.licensing.LicenceRegistry;
import org.telereg.platform.licensing.LicenceView;
import org.telereg.platform.shared.ProvinceCode;

/**
 * The operators that report real-name statistics and own sales outlets, and the provinces each may
 * report on: the coverage of its licences in force (a nationwide basic licence covers all 31).
 */
@Component
class Operators {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String NATIONWIDE = "ALL";

    /** An operator by its unified social credit code and name. */
    record Operator(String creditCode, String name) {}

    private final AccessManagement access;
    private final LicenceRegistry licences;
    private final Clock clock;

    Operators(AccessManagement access, LicenceRegistry licences, Clock clock) {
        this.access = access;
        this.licences = licences;
        this.clock = clock;
    }

    /** The operator organisations with a credit code, by name. */
    List<Operator> all() {
        return access.organisations().stream()
                .filter(o -> o.type() == OrganisationType.OPERATOR && o.creditCode() != null)
                .map(o -> new Operator(o.creditCode(), o.name()))
                .sorted((a, b) -> a.creditCode().compareTo(b.creditCode()))
                .toList();
    }

    Optional<Operator> find(String creditCode) {
        return all().stream().filter(o -> o.creditCode().equals(creditCode)).findFirst();
    }

    /** The provinces the operator's licences in force cover, in code order. */
    Set<String> provincesOf(String creditCode) {
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
        Set<String> provinces = new TreeSet<>();
        for (LicenceView licence : licences.ofHolder(creditCode)) {
            if (!licence.inForce(today)) {
                continue;
            }
            for (String code : licence.coverage()) {
                if (code.strip().equals(NATIONWIDE)) {
                    ProvinceCode.administered().forEach(p -> provinces.add(p.code()));
                } else if (!code.isBlank()) {
                    provinces.add(code.strip());
                }
            }
        }
        return provinces;
    }
}

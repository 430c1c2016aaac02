package org.telereg.platform.entity;

import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("entity_company")
record Company(
        @Id String creditCode,
        String name,
        CompanyType type,
        String legalRepresentative,
        BigDecimal registeredCapital,
        String provinceCode,
        String address,
        String groupCreditCode,
        Instant createdAt,
        Instant updatedAt,
        @Version Integer version) {

    static Company register(CompanyData data, Instant now) {
        return of(data, now, now, null);
    }

    Company update(CompanyData data, Instant now) {
        return of(data, createdAt, now, version);
    }

    private static Company of(CompanyData data, Instant createdAt, Instant updatedAt, Integer version) {
        return new Company(
                data.creditCode().value(),
                data.name(),
                data.type(),
                data.legalRepresentative(),
                data.registeredCapital().yuan(),
                data.province().code(),
                data.address(),
                data.groupCreditCode() == null ? null : data.groupCreditCode().value(),
                createdAt,
                updatedAt,
                version);
    }

    CompanyView view() {
        return new CompanyView(
                creditCode,
                name,
                type,
                legalRepresentative,
                registeredCapital,
                provinceCode,
                address,
                groupCreditCode,
                createdAt,
                updatedAt);
    }
}

package org.telereg.platform.entity;

import java.math.BigDecimal;
import java.time.Instant;

/** A company as lists, detail pages and the API show it. */
public record CompanyView(
        String creditCode,
        String name,
        CompanyType type,
        String legalRepresentative,
        BigDecimal registeredCapital,
        String provinceCode,
        String address,
        String groupCreditCode,
        Instant createdAt,
        Instant updatedAt) {}

package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An acceptance decision with the test result it was taken on. */
public record AcceptanceRecord(
        BuildStatus outcome,
        boolean passed,
        CoverageTest.Basis basis,
        List<CoverageTest.Reason> reasons,
        String nearestSite,
        BigDecimal nearestKm,
        Boolean fibreAtCommittee,
        BigDecimal downlinkMbps,
        LocalDate decidedOn,
        String decidedBy,
        Instant decidedAt,
        String note) {}

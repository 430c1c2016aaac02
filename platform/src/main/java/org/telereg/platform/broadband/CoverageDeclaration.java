package org.telereg.platform.broadband;

import java.time.Instant;

/** One technology an operator declares it covers in one county. */
public record CoverageDeclaration(
        long id,
        String operatorCreditCode,
        String operatorName,
        String countyCode,
        String countyName,
        String provinceCode,
        CoverageTechnology technology,
        String declaredBy,
        Instant declaredAt) {}

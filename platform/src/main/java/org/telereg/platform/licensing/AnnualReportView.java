package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** An annual report, as its holder, the administration and (in part) the public see it. */
public record AnnualReportView(
        long id,
        long licenceId,
        String licenceNumber,
        String holderCreditCode,
        String holderName,
        String issuerCode,
        int year,
        AnnualReportStatus status,
        boolean operating,
        BigDecimal revenueYuan,
        long users,
        int employees,
        String securityOfficer,
        String publicSummary,
        Instant submittedAt,
        Instant correctedAt,
        boolean late,
        LocalDate confirmedOn) {}

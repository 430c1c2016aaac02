package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A network unit as lists, the detail page and the API show it, with its newest grading version.
 *
 * @param provinceCode the province the unit serves, null for a national unit
 * @param grade the grade of the newest approved version, null until one is approved
 * @param approvedOn when that version was approved
 * @param latestGradingId the newest grading version, null before the first grading
 * @param latestStatus that version's status
 * @param latestGrade that version's grade
 * @param filingDueOn that version's filing deadline
 */
public record UnitView(
        long id,
        String creditCode,
        String companyName,
        String name,
        UnitKind kind,
        String provinceCode,
        String description,
        Integer grade,
        LocalDate approvedOn,
        Long latestGradingId,
        Integer latestVersion,
        GradingStatus latestStatus,
        Integer latestGrade,
        LocalDate filingDueOn,
        Instant createdAt) {

    /** A national unit is filed with the ministry, a provincial one with its province's administration. */
    public boolean national() {
        return provinceCode == null;
    }

    /** Whether the newest version still awaits filing. */
    public boolean awaitsFiling() {
        return latestStatus == GradingStatus.DRAFT;
    }

    /** Days left to file the newest version (0 on the deadline, negative once past). */
    public long filingDaysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, filingDueOn);
    }

    /** Whether the newest version is a draft past its filing deadline. */
    public boolean filingOverdue(LocalDate today) {
        return awaitsFiling() && today.isAfter(filingDueOn);
    }

    /** The province's name, null for a national unit. */
    public String provinceName() {
        return provinceCode == null ? null : new ProvinceCode(provinceCode).name();
    }
}

package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A protection duty past its deadline: a grading not filed in time, an assessment not done, a
 * finding not rectified.
 *
 * @param item what is overdue in words: the version and grade, the assessment kind, the finding
 * @param link the record's console page
 */
public record ProtectionOverdue(
        Kind kind,
        long unitId,
        String unitName,
        String creditCode,
        String companyName,
        String provinceCode,
        String item,
        LocalDate dueOn,
        String link) {

    public enum Kind {
        FILING,
        ASSESSMENT,
        RECTIFICATION
    }

    /** Days past the deadline. */
    public long daysOver(LocalDate today) {
        return ChronoUnit.DAYS.between(dueOn, today);
    }

    /** The province's name, null for a national unit. */
    public String provinceName() {
        return provinceCode == null ? null : new ProvinceCode(provinceCode).name();
    }
}

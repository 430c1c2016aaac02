package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProtectionDeadlinesTests {

    private static final LocalDate APPROVED = LocalDate.of(2025, 3, 10);

    private final ProtectionDeadlines defaults = new ProtectionDeadlines(
            null, new ProtectionSettings(30, new ProtectionSettings.AssessmentYears(0, 2, 1, 1, 1), 7, 30, 7));

    @Test
    void gradeOneNeedsNoAssessment() {
        assertThat(defaults.nextDue(1, APPROVED)).isEmpty();
    }

    @Test
    void gradeTwoIsAssessedEveryTwoYears() {
        assertThat(defaults.nextDue(2, APPROVED)).contains(LocalDate.of(2027, 3, 10));
    }

    @Test
    void gradeThreeAndAboveAreAssessedEveryYear() {
        assertThat(defaults.nextDue(3, APPROVED)).contains(LocalDate.of(2026, 3, 10));
        assertThat(defaults.nextDue(4, APPROVED)).contains(LocalDate.of(2026, 3, 10));
        assertThat(defaults.nextDue(5, APPROVED)).contains(LocalDate.of(2026, 3, 10));
    }

    @Test
    void anAssessmentIsOverdueOnlyFromTheDayAfterItFallsDue() {
        LocalDate due = defaults.nextDue(3, APPROVED).orElseThrow();
        AssessmentDue assessment = new AssessmentDue(
                1, "核心网", "91110000000000000X", "某公司", null, 3, 1, AssessmentKind.RISK, APPROVED, false, due);

        assertThat(assessment.overdue(due)).isFalse();
        assertThat(assessment.daysLeft(due)).isZero();
        assertThat(assessment.overdue(due.plusDays(1))).isTrue();
        assertThat(assessment.daysLeft(due.plusDays(1))).isEqualTo(-1);
    }

    @Test
    void theYearsPerGradeAreConfigurable() {
        ProtectionDeadlines stricter = new ProtectionDeadlines(
                null, new ProtectionSettings(30, new ProtectionSettings.AssessmentYears(3, 1, 1, 1, 1), 7, 30, 7));

        assertThat(stricter.nextDue(1, APPROVED)).contains(LocalDate.of(2028, 3, 10));
        assertThat(stricter.nextDue(2, APPROVED)).contains(LocalDate.of(2026, 3, 10));
    }

    @Test
    void aLeapDayApprovalFallsDueOnTheLastDayOfFebruary() {
        assertThat(defaults.nextDue(3, LocalDate.of(2024, 2, 29))).contains(LocalDate.of(2025, 2, 28));
    }
}

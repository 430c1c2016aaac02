package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ReportPeriodTests {

    @Test
    void aMonthIsDueOnTheDeadlineDayOfTheNextMonth() {
        ReportPeriod november = ReportPeriod.containing(Frequency.MONTHLY, LocalDate.of(2026, 11, 17));

        assertThat(november.code()).isEqualTo("2026-11");
        assertThat(november.ends()).isEqualTo(LocalDate.of(2026, 11, 30));
        assertThat(november.dueOn(10)).isEqualTo(LocalDate.of(2026, 12, 10));
        assertThat(november.next().code()).isEqualTo("2026-12");
        assertThat(november.next().next().code()).isEqualTo("2027-01");
    }

    @Test
    void aQuarterIsDueInTheMonthAfterItsLastMonth() {
        ReportPeriod third = ReportPeriod.containing(Frequency.QUARTERLY, LocalDate.of(2026, 8, 5));

        assertThat(third.code()).isEqualTo("2026-Q3");
        assertThat(third.starts()).isEqualTo(LocalDate.of(2026, 7, 1));
        assertThat(third.ends()).isEqualTo(LocalDate.of(2026, 9, 30));
        assertThat(third.dueOn(20)).isEqualTo(LocalDate.of(2026, 10, 20));
        assertThat(third.next().code()).isEqualTo("2026-Q4");
        assertThat(third.next().next().code()).isEqualTo("2027-Q1");
    }

    @Test
    void parsesWhatItWrites() {
        assertThat(ReportPeriod.parse("2026-Q4"))
                .isEqualTo(ReportPeriod.containing(Frequency.QUARTERLY, LocalDate.of(2026, 12, 31)));
        assertThat(ReportPeriod.parse(" 2025-02 "))
                .isEqualTo(ReportPeriod.containing(Frequency.MONTHLY, LocalDate.of(2025, 2, 1)));
        assertThatThrownBy(() -> ReportPeriod.parse("2026-13")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReportPeriod.parse("2026-Q5")).isInstanceOf(IllegalArgumentException.class);
    }
}

package org.telereg.platform.antifraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SuspectLineTests {

    @Test
    void readsTheLineTheStreamingJobWrites() {
        // The example of docs/streaming.md, as ScoredWindow.toCsv() writes it.
        SuspectLine verdict = SuspectLine.parse(
                "15253979096,0.9987,1,"
                        + "sequential_ratio=0.739;short_call_ratio=0.807;hourly_burstiness=14.7,to_date,2020-03-01,2020-03-30,1");

        assertThat(verdict)
                .isEqualTo(new SuspectLine(
                        "15253979096",
                        new BigDecimal("0.9987"),
                        true,
                        "sequential_ratio=0.739;short_call_ratio=0.807;hourly_burstiness=14.7",
                        "to_date",
                        LocalDate.of(2020, 3, 1),
                        LocalDate.of(2020, 3, 30),
                        true));
        assertThat(verdict.toDate()).isTrue();
    }

    @Test
    void readsADayVerdictWithoutReasons() {
        SuspectLine verdict = SuspectLine.parse("13800000001,0.1000,0,,day,2020-03-04,2020-03-04,1");

        assertThat(verdict.flagged()).isFalse();
        assertThat(verdict.toDate()).isFalse();
        assertThat(verdict.reasons()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "13800000001,0.9,1,a=1,to_date,2020-03-01,2020-03-05|8 fields expected",
                "13800000001,high,1,a=1,to_date,2020-03-01,2020-03-05,0|score is not a number: high",
                "13800000001,1.5,1,a=1,to_date,2020-03-01,2020-03-05,0|score is not between 0 and 1: 1.5",
                "13800000001,0.9,yes,a=1,to_date,2020-03-01,2020-03-05,0|flag is neither 0 nor 1: yes",
                "13800000001,0.9,1,a=1,week,2020-03-01,2020-03-05,0|window is neither day nor to_date: week",
                "13800000001,0.9,1,a=1,to_date,2020-03-01,05/03/2020,0|to is not a date as yyyy-MM-dd: 05/03/2020",
                "13800000001,0.9,1,a=1,to_date,2020-03-05,2020-03-01,0|the window ends (2020-03-01) before it starts",
                ",0.9,1,a=1,to_date,2020-03-01,2020-03-05,0|phone_no_m is empty",
                "13800000001,0.9,1,a=1,to_date,2020-03-01,2020-03-05,2|complete is neither 0 nor 1: 2"
            })
    void namesWhatIsWrongWithALineThatIsNotAVerdict(String line, String problem) {
        assertThatThrownBy(() -> SuspectLine.parse(line))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(problem);
    }

    @Test
    void anEmptyRecordIsNotAVerdict() {
        assertThatThrownBy(() -> SuspectLine.parse(null)).hasMessage("empty record");
    }
}

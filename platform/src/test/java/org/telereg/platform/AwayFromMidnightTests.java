package org.telereg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class AwayFromMidnightTests {

    private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

    private static Clock at(String beijing) {
        return Clock.fixed(LocalDateTime.parse(beijing).atZone(BEIJING).toInstant(), BEIJING);
    }

    @Test
    void aContextStartedLateInTheBeijingDayStaysOnThatDayForHours() {
        Clock shifted = AwayFromMidnight.awayFromMidnight(at("2026-12-03T23:59:40"));

        assertThat(LocalDateTime.now(shifted)).isEqualTo(LocalDateTime.parse("2026-12-03T20:59:40"));
        assertThat(LocalDate.now(Clock.offset(shifted, Duration.ofMinutes(179))))
                .isEqualTo(LocalDate.parse("2026-12-03"));
    }

    @Test
    void aContextStartedEarlierKeepsTheRealTime() {
        Clock clock = at("2026-12-03T20:59:59");

        assertThat(AwayFromMidnight.awayFromMidnight(clock)).isSameAs(clock);
        assertThat(AwayFromMidnight.awayFromMidnight(at("2026-12-04T00:00:01")).instant())
                .isEqualTo(at("2026-12-04T00:00:01").instant());
    }
}

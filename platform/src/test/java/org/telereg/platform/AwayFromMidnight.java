package org.telereg.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Keeps the integration tests' application clock away from midnight in Beijing: a context started in the last
 * hours of a Beijing day gets the platform's clock set {@link #SHIFT} back, so that the demo data it seeds and the
 * dates its tests compute fall on the same day however long the run takes. Without it, a test run that crossed
 * 16:00 UTC saw demo deadlines and plans seeded "yesterday" judged against "today". Time still passes; tests that
 * need "now" ask the application's {@link Clock}, never the system's.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AwayFromMidnight {

    /** A context starting after this hour of the Beijing day runs {@link #SHIFT} behind. */
    static final LocalTime LATEST_START = LocalTime.of(21, 0);

    static final Duration SHIFT = Duration.ofHours(-3);

    @Bean
    static BeanPostProcessor clockAwayFromMidnight() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                // Only the platform's own clock bean: a test that brings a clock of its own keeps it as it is.
                return "clock".equals(name) && bean instanceof Clock clock ? awayFromMidnight(clock) : bean;
            }
        };
    }

    static Clock awayFromMidnight(Clock clock) {
        return LocalTime.now(clock).isBefore(LATEST_START) ? clock : Clock.offset(clock, SHIFT);
    }
}

package org.telereg.platform.spam;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The handling rules an administration sets in its configuration reach the desk. */
class SpamSettingsTests {

    private static SpamSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("telereg.spam", SpamSettings.class);
    }

    @Test
    void handlingDeadlineAndWindowsAreConfigurable() {
        SpamSettings settings = bind(Map.of(
                "telereg.spam.handling-time", "24h",
                "telereg.spam.duplicate-window", "30m",
                "telereg.spam.flag-after", "5",
                "telereg.spam.carrier-operators.CHINA_MOBILE", "OP-GD-CMCC"));

        assertThat(settings.handlingTime()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.duplicateWindow()).isEqualTo(Duration.ofMinutes(30));
        assertThat(settings.flagAfter()).isEqualTo(5);
        assertThat(settings.carrierOperators()).containsEntry("CHINA_MOBILE", "OP-GD-CMCC");
    }

    @Test
    void unsetRulesTakeTheDefaults() {
        SpamSettings settings = bind(Map.of());

        assertThat(settings.handlingTime()).isEqualTo(Duration.ofHours(72));
        assertThat(settings.duplicateWindow()).isEqualTo(Duration.ofHours(24));
        assertThat(settings.carrierOperators()).containsEntry("CHINA_TELECOM", "OP-CTCC");
    }
}

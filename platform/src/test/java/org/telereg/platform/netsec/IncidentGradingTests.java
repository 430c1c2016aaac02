package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IncidentGradingTests {

    private static final IncidentSettings DEFAULTS = new IncidentSettings(
            100_000_000L,
            10_000_000L,
            1_000_000L,
            100_000L,
            10,
            2,
            2,
            10_000_000L,
            1_000_000L,
            100_000L,
            10_000L,
            "target/netsec",
            10_485_760L);

    private final IncidentGrading grading = new IncidentGrading(DEFAULTS);

    @ParameterizedTest(name = "a leak of {0} users is {1}")
    @CsvSource({
        "0, NONE",
        "99999, NONE",
        "100000, IV",
        "999999, IV",
        "1000000, III",
        "9999999, III",
        "10000000, II",
        "99999999, II",
        "100000000, I",
        "1400000000, I"
    })
    void gradesALeakByTheUsersWhoseDataLeakedAtEachBoundary(long users, String expected) {
        assertThat(name(grading.level(IncidentType.DATA_LEAK, 1, 1, users))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "an outage in {0} provinces and {1} cities is {2}")
    @CsvSource({"1, 1, IV", "1, 2, III", "1, 40, III", "2, 1, II", "9, 1, II", "10, 1, I", "31, 1, I"})
    void gradesAnOutageByHowFarItReaches(int provinces, int cities, String expected) {
        assertThat(name(grading.level(IncidentType.OUTAGE, provinces, cities, 0)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} affecting {1} users is {2}")
    @CsvSource({
        "DNS_FAILURE, 9999, NONE",
        "DNS_FAILURE, 10000, IV",
        "MALWARE, 99999, IV",
        "MALWARE, 100000, III",
        "ATTACK, 999999, III",
        "ATTACK, 1000000, II",
        "OTHER, 9999999, II",
        "OTHER, 10000000, I"
    })
    void gradesTheOtherTypesByUsersAffectedWithTheirOwnThresholds(IncidentType type, long users, String expected) {
        assertThat(name(grading.level(type, 1, 1, users))).isEqualTo(expected);
    }

    @Test
    void followsTheConfiguredThresholdsRatherThanFixedOnes() {
        IncidentGrading strict = new IncidentGrading(
                new IncidentSettings(1000, 100, 10, 1, 5, 3, 4, 1000, 100, 10, 1, "target/netsec", 1024));

        assertThat(strict.level(IncidentType.DATA_LEAK, 1, 1, 10)).isEqualTo(IncidentLevel.III);
        assertThat(strict.level(IncidentType.OUTAGE, 5, 1, 0)).isEqualTo(IncidentLevel.I);
        assertThat(strict.level(IncidentType.OUTAGE, 3, 1, 0)).isEqualTo(IncidentLevel.II);
        assertThat(strict.level(IncidentType.OUTAGE, 2, 1, 0)).isEqualTo(IncidentLevel.III);
        assertThat(strict.level(IncidentType.OUTAGE, 1, 3, 0)).isEqualTo(IncidentLevel.IV);
    }

    @Test
    void theChecklistGrowsWithTheLevel() {
        assertThat(ResponseStep.checklist(IncidentLevel.I))
                .contains(ResponseStep.DUTY_24H, ResponseStep.PROGRESS_HOURLY, ResponseStep.COMMAND_CONVENED)
                .doesNotContain(ResponseStep.PROGRESS_DAILY);
        assertThat(ResponseStep.checklist(IncidentLevel.II))
                .contains(ResponseStep.DUTY_24H, ResponseStep.PROGRESS_DAILY)
                .doesNotContain(ResponseStep.PROGRESS_HOURLY);
        assertThat(ResponseStep.checklist(IncidentLevel.IV))
                .containsExactly(
                        ResponseStep.NOTIFY_MINISTRY,
                        ResponseStep.NOTIFY_ADMINISTRATIONS,
                        ResponseStep.CONTAINMENT,
                        ResponseStep.EVIDENCE_PRESERVED);
    }

    private static String name(IncidentLevel level) {
        return level == null ? "NONE" : level.name();
    }
}

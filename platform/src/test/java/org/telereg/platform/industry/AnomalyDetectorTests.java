package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class AnomalyDetectorTests {

    private final AnomalyDetector detector = new AnomalyDetector(new IndustrySettings(
            new int[] {5, 1}, 6, 3, BigDecimal.valueOf(5), BigDecimal.valueOf(20), BigDecimal.valueOf(50), 2, 1024));

    private static List<BigDecimal> values(double... values) {
        return java.util.Arrays.stream(values).mapToObj(BigDecimal::valueOf).toList();
    }

    @Test
    void flagsAValueFarOffASteadyHistoryWithItsBaseline() {
        assertThat(detector.againstHistory(
                        "FIXED_DOWNLOAD_MBPS", BigDecimal.valueOf(210), values(100, 101, 99, 102, 100, 98)))
                .hasValueSatisfying(flag -> {
                    assertThat(flag.basis()).isEqualTo(AnomalyFlag.Basis.HISTORY);
                    assertThat(flag.baseline()).isEqualByComparingTo("100");
                    assertThat(flag.deviationPercent()).isEqualByComparingTo("110.0");
                    assertThat(flag.compared()).isEqualTo(6);
                });
    }

    @Test
    void leavesOrdinaryGrowthAndSmallWigglesAlone() {
        assertThat(detector.againstHistory(
                        "USERS", BigDecimal.valueOf(1060), values(1000, 1010, 1020, 1030, 1040, 1050)))
                .isEmpty();
        // Far outside a flat series' spread, but only 5 % off: not worth the reviewer's time.
        assertThat(detector.againstHistory("USERS", BigDecimal.valueOf(1050), values(1000, 1000, 1000, 1000)))
                .isEmpty();
    }

    @Test
    void aSeriesThatAlwaysSwingsNeedsABiggerSwingToStandOut() {
        List<BigDecimal> swinging = values(50, 150, 60, 140, 55, 145);

        assertThat(detector.againstHistory("X", BigDecimal.valueOf(170), swinging))
                .isEmpty();
        assertThat(detector.againstHistory("X", BigDecimal.valueOf(900), swinging))
                .isPresent();
    }

    @Test
    void tooShortAHistoryFlagsNothing() {
        assertThat(detector.againstHistory("X", BigDecimal.valueOf(1_000_000), values(1, 1)))
                .isEmpty();
    }

    @Test
    void flagsAPriceFarFromItsPeers() {
        assertThat(detector.againstPeers("MOBILE_PRICE_PER_GB", BigDecimal.valueOf(4.2), values(1.8, 2.0)))
                .hasValueSatisfying(flag -> {
                    assertThat(flag.basis()).isEqualTo(AnomalyFlag.Basis.PEERS);
                    assertThat(flag.baseline()).isEqualByComparingTo("1.9");
                    assertThat(flag.compared()).isEqualTo(2);
                });
        assertThat(detector.againstPeers("MOBILE_PRICE_PER_GB", BigDecimal.valueOf(2.3), values(1.8, 2.0)))
                .isEmpty();
        assertThat(detector.againstPeers("MOBILE_PRICE_PER_GB", BigDecimal.valueOf(9), values(2.0)))
                .as("one peer is not a crowd")
                .isEmpty();
    }

    @Test
    void theMedianOfAnEvenCountIsTheMeanOfTheMiddleTwo() {
        assertThat(AnomalyDetector.median(
                        Stream.of(4, 1, 3, 2).map(BigDecimal::valueOf).toList()))
                .isEqualByComparingTo("2.5");
    }
}

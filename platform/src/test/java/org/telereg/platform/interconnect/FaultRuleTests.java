package org.telereg.platform.interconnect;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The serious-fault rule at its boundaries: 35 ms, 0.5 %, exactly 25 % worse, one against two tests. */
class FaultRuleTests {

    static final InterconnectSettings RULES = new InterconnectSettings(
            new BigDecimal("80000"),
            new BigDecimal("35"),
            new BigDecimal("0.5"),
            new BigDecimal("1.25"),
            2,
            30,
            20_000_000,
            200_000,
            200);

    private final FaultRule rule = new FaultRule(RULES);

    private boolean bad(String delay, String loss, String internalDelay, String internalLoss) {
        return rule.isBad(
                new BigDecimal(delay),
                new BigDecimal(loss),
                new BigDecimal(internalDelay),
                new BigDecimal(internalLoss));
    }

    private static QualityTest test(String delay, String internalDelay) {
        return new QualityTest(
                1,
                LocalDateTime.of(2025, 3, 1, 20, 0),
                "A",
                "B",
                new BigDecimal(delay),
                new BigDecimal("0.1"),
                new BigDecimal(internalDelay),
                new BigDecimal("0.1"),
                false);
    }

    @Test
    void delayOfExactly35MsIsNotBadEvenFarAboveTheInternalDelay() {
        assertThat(bad("35", "0", "10", "0")).isFalse();
        assertThat(bad("35.001", "0", "10", "0")).isTrue();
    }

    @Test
    void lossOfExactlyHalfAPerCentIsNotBadEvenFarAboveTheInternalLoss() {
        assertThat(bad("10", "0.5", "10", "0.1")).isFalse();
        assertThat(bad("10", "0.5001", "10", "0.1")).isTrue();
    }

    @Test
    void exactly25PerCentWorseThanTheInternalFigureIsNotBad() {
        assertThat(bad("50", "0", "40", "0")).as("50 ms = 1.25 × 40 ms").isFalse();
        assertThat(bad("50.001", "0", "40", "0")).isTrue();
        assertThat(bad("10", "1.0", "10", "0.8")).as("1.0 % = 1.25 × 0.8 %").isFalse();
        assertThat(bad("10", "1.0001", "10", "0.8")).isTrue();
    }

    @Test
    void aHighDelayNoWorseThanTheReceivingNetworkItselfIsNotBad() {
        assertThat(bad("60", "0", "55", "0")).isFalse();
        assertThat(bad("10", "2", "10", "1.9")).isFalse();
    }

    @Test
    void eitherDelayOrLossAloneMakesATestBad() {
        assertThat(bad("60", "0", "20", "0")).isTrue();
        assertThat(bad("10", "0.9", "10", "0.1")).isTrue();
    }

    @Test
    void oneBadTestIsNoSeriousFaultTwoAre() {
        QualityTest good = test("20", "18");
        QualityTest badOne = test("45", "20");

        assertThat(rule.isSeriousFault(List.of(good, badOne, good))).isFalse();
        assertThat(rule.isSeriousFault(List.of(badOne, good, badOne))).isTrue();
        assertThat(rule.badTests(List.of(badOne, badOne, badOne))).isEqualTo(3);
    }

    @Test
    void theThresholdsAreSettings() {
        FaultRule stricter = new FaultRule(new InterconnectSettings(
                new BigDecimal("80000"),
                new BigDecimal("30"),
                new BigDecimal("0.3"),
                new BigDecimal("1.1"),
                3,
                30,
                20_000_000,
                200_000,
                200));

        assertThat(stricter.isBad(new BigDecimal("31"), BigDecimal.ZERO, new BigDecimal("28"), BigDecimal.ZERO))
                .isTrue();
        assertThat(stricter.isSeriousFault(List.of(test("45", "20"), test("45", "20"))))
                .isFalse();
    }
}

package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConsistencyRuleTests {

    private static final ConsistencyRule SPEED_TIERS = new ConsistencyRule(
            "SPEED_TIERS", "USERS_1000M <= USERS_100M <= BROADBAND_USERS", "industry.rule.speedTiers");

    private static Map<String, BigDecimal> users(long gigabit, long hundred, long all) {
        return Map.of(
                "USERS_1000M", BigDecimal.valueOf(gigabit),
                "USERS_100M", BigDecimal.valueOf(hundred),
                "BROADBAND_USERS", BigDecimal.valueOf(all));
    }

    @Test
    void aChainHoldsWhenEveryNeighbourPairHolds() {
        assertThat(SPEED_TIERS.check(users(300, 900, 1000))).isEmpty();
        assertThat(SPEED_TIERS.check(users(1000, 1000, 1000))).isEmpty();
    }

    @Test
    void namesTheFirstPairThatBreaksTheChain() {
        assertThat(SPEED_TIERS.check(users(901, 900, 1000))).hasValueSatisfying(v -> {
            assertThat(v.left()).isEqualTo("USERS_1000M");
            assertThat(v.leftValue()).isEqualByComparingTo("901");
            assertThat(v.right()).isEqualTo("USERS_100M");
            assertThat(v.field()).isEqualTo("USERS_1000M");
        });
        assertThat(SPEED_TIERS.check(users(300, 1001, 1000))).hasValueSatisfying(v -> {
            assertThat(v.left()).isEqualTo("USERS_100M");
            assertThat(v.right()).isEqualTo("BROADBAND_USERS");
            assertThat(v.rightValue()).isEqualByComparingTo("1000");
        });
    }

    @Test
    void aComparisonWithAnUnknownTermIsSkipped() {
        assertThat(SPEED_TIERS.check(Map.of("USERS_1000M", BigDecimal.TEN, "BROADBAND_USERS", BigDecimal.ONE)))
                .isEmpty();
    }

    @Test
    void termsMayBeFormulasAndEveryComparisonIsUnderstood() {
        ConsistencyRule sum = new ConsistencyRule("SUM", "A + B = C", "k");
        ConsistencyRule strict = new ConsistencyRule("STRICT", "A * 2 > B", "k");
        ConsistencyRule atLeast = new ConsistencyRule("AT_LEAST", "(A + B) / 2 >= A", "k");
        Map<String, BigDecimal> values =
                Map.of("A", BigDecimal.ONE, "B", BigDecimal.valueOf(2), "C", BigDecimal.valueOf(3));

        assertThat(sum.check(values)).isEmpty();
        assertThat(strict.check(values))
                .hasValueSatisfying(v -> assertThat(v.field()).isEqualTo("B"));
        assertThat(atLeast.check(values)).isEmpty();
        assertThat(new ConsistencyRule("LESS", "B < A", "k").check(values)).isPresent();
    }

    @Test
    void aRuleMustCompare() {
        assertThatThrownBy(() -> new ConsistencyRule("NONE", "A + B", "k").codes())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ConsistencyRule("BAD", "A <= ", "k").codes())
                .isInstanceOf(IllegalArgumentException.class);
    }
}

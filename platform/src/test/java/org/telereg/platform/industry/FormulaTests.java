package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FormulaTests {

    private static BigDecimal evaluate(String formula, Map<String, BigDecimal> values) {
        return Formula.parse(formula).evaluate(values);
    }

    private static final Map<String, BigDecimal> ABC =
            Map.of("A", BigDecimal.ONE, "B", BigDecimal.valueOf(2), "C", BigDecimal.valueOf(3));

    @Test
    void multipliesAndDividesBeforeAddingAndSubtracting() {
        assertThat(evaluate("A + B * C", ABC)).isEqualByComparingTo("7");
        assertThat(evaluate("C - B / B", ABC)).isEqualByComparingTo("2");
        assertThat(evaluate("C - B - A", ABC)).isEqualByComparingTo("0");
        assertThat(evaluate("C / B / B", ABC)).isEqualByComparingTo("0.75");
    }

    @Test
    void parenthesesAndUnaryMinusChangeTheOrder() {
        assertThat(evaluate("(A + B) * C", ABC)).isEqualByComparingTo("9");
        assertThat(evaluate("-(A + B) * C", ABC)).isEqualByComparingTo("-9");
        assertThat(evaluate("((A))", ABC)).isEqualByComparingTo("1");
        assertThat(evaluate("A / B * 100", ABC)).isEqualByComparingTo("50");
    }

    @Test
    void theFtthShareIsFtthPortsOverBroadbandPortsInPercent() {
        BigDecimal share = evaluate(
                "FTTH_PORTS / BROADBAND_PORTS * 100",
                Map.of("FTTH_PORTS", BigDecimal.valueOf(960), "BROADBAND_PORTS", BigDecimal.valueOf(1000)));

        assertThat(share).isEqualByComparingTo("96");
    }

    @Test
    void aDivisorOfZeroIsNamedNotAnInfinity() {
        assertThatThrownBy(() -> evaluate(
                        "FTTH_PORTS / BROADBAND_PORTS * 100",
                        Map.of("FTTH_PORTS", BigDecimal.TEN, "BROADBAND_PORTS", BigDecimal.ZERO)))
                .isInstanceOfSatisfying(
                        Formula.DivisionByZero.class,
                        e -> assertThat(e.divisor()).isEqualTo("BROADBAND_PORTS"));
        assertThatThrownBy(() -> evaluate("A / (B - B)", ABC))
                .isInstanceOfSatisfying(
                        Formula.DivisionByZero.class,
                        e -> assertThat(e.divisor()).isEqualTo("(B - B)"));
    }

    @Test
    void aMissingValueLeavesTheResultUnknown() {
        assertThat(evaluate("A + D", ABC)).isNull();
    }

    @Test
    void listsTheCodesItReadsOnce() {
        assertThat(Formula.parse("A / (B + A) * 100").codes()).containsExactly("A", "B");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "A +",
                "(A + B",
                "A + B)",
                "A B",
                "a + b",
                "A; DROP TABLE industry_metric",
                "java.lang.Runtime.getRuntime()",
                "A ** 2",
                "A <= B",
                "1..2"
            })
    void refusesAnythingButArithmeticOverCodes(String text) {
        assertThatThrownBy(() -> Formula.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}

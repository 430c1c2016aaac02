package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogueVersionTests {

    private static Metric entered(String code) {
        return new Metric(
                code,
                code,
                code,
                "个",
                "units",
                MetricKind.COUNT,
                BigDecimal.ZERO,
                null,
                null,
                "定义",
                "definition",
                false);
    }

    private static Metric derived(String code, String formula) {
        return new Metric(
                code, code, code, "%", "%", MetricKind.PERCENTAGE, null, null, formula, "定义", "definition", false);
    }

    private static CatalogueVersion version(List<Metric> metrics, List<ConsistencyRule> rules) {
        return CatalogueVersion.of("T", LocalDate.of(2026, 1, 1), "test", metrics, rules);
    }

    @Test
    void refusesAFormulaNamingAnUnknownMetric() {
        assertThatThrownBy(() -> version(List.of(entered("A"), derived("S", "A / NOPE")), List.of()))
                .isInstanceOfSatisfying(
                        CatalogueVersion.InvalidCatalogueException.class,
                        e -> assertThat(e.problems()).containsExactly("formula of S names unknown metric NOPE"));
    }

    @Test
    void refusesARuleNamingAnUnknownMetricOrNotParsing() {
        assertThatThrownBy(() -> version(
                        List.of(entered("A")),
                        List.of(new ConsistencyRule("R1", "A <= GHOST", "k"), new ConsistencyRule("R2", "A <=", "k"))))
                .isInstanceOfSatisfying(
                        CatalogueVersion.InvalidCatalogueException.class,
                        e -> assertThat(e.problems())
                                .hasSize(2)
                                .anySatisfy(p -> assertThat(p).isEqualTo("rule R1 names unknown metric GHOST"))
                                .anySatisfy(p -> assertThat(p).startsWith("rule R2: ")));
    }

    @Test
    void refusesAFormulaThatDoesNotParse() {
        assertThatThrownBy(() -> version(List.of(entered("A"), derived("S", "A /")), List.of()))
                .isInstanceOfSatisfying(
                        CatalogueVersion.InvalidCatalogueException.class,
                        e -> assertThat(e.problems()).singleElement().asString().startsWith("formula of S: "));
    }

    @Test
    void refusesDerivedMetricsThatDependOnThemselves() {
        assertThatThrownBy(() -> version(
                        List.of(entered("A"), derived("X", "Y + A"), derived("Y", "X * 2"), derived("Z", "Z + 1")),
                        List.of()))
                .isInstanceOfSatisfying(
                        CatalogueVersion.InvalidCatalogueException.class,
                        e -> assertThat(e.problems())
                                .contains(
                                        "derived metrics depend on themselves: X -> Y -> X",
                                        "derived metrics depend on themselves: Z -> Z"));
    }

    @Test
    void computesDerivedMetricsInDependencyOrderWhateverTheCatalogueOrder() {
        CatalogueVersion version =
                version(List.of(derived("C", "B * 2"), derived("B", "A + 1"), entered("A")), List.of());

        Map<String, BigDecimal> values = version.derive(Map.of("A", BigDecimal.valueOf(4)), List.of("A", "B", "C"))
                .values();

        assertThat(values.get("B")).isEqualByComparingTo("5");
        assertThat(values.get("C")).isEqualByComparingTo("10");
    }

    @Test
    void namesTheDerivedMetricWhoseDivisorIsZero() {
        CatalogueVersion version = version(List.of(entered("A"), entered("B"), derived("S", "A / B * 100")), List.of());

        CatalogueVersion.Derivation derivation =
                version.derive(Map.of("A", BigDecimal.ONE, "B", BigDecimal.ZERO), List.of("A", "B", "S"));

        assertThat(derivation.values()).doesNotContainKey("S");
        assertThat(derivation.failures())
                .containsExactly(new CatalogueVersion.DerivationFailure("S", "A / B * 100", "B"));
    }
}

package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One version of the metric catalogue, checked when it is loaded: every formula and rule parses,
 * names only metrics of this version, and no derived metric depends on itself.
 */
public final class CatalogueVersion {

    private final String version;
    private final LocalDate effectiveOn;
    private final String title;
    private final Map<String, Metric> metrics;
    private final Map<String, Formula> formulas;
    private final List<String> derivedOrder;
    private final List<ConsistencyRule> rules;

    private CatalogueVersion(
            String version,
            LocalDate effectiveOn,
            String title,
            Map<String, Metric> metrics,
            Map<String, Formula> formulas,
            List<String> derivedOrder,
            List<ConsistencyRule> rules) {
        this.version = version;
        this.effectiveOn = effectiveOn;
        this.title = title;
        this.metrics = metrics;
        this.formulas = formulas;
        this.derivedOrder = derivedOrder;
        this.rules = rules;
    }

    /** A version's formulas or rules are wrong; lists every problem found. */
    public static final class InvalidCatalogueException extends IllegalStateException {

        private final List<String> problems;

        InvalidCatalogueException(String version, List<String> problems) {
            super("metric catalogue " + version + " is invalid: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /**
     * Checks and builds a version.
     *
     * @throws InvalidCatalogueException naming each formula or rule that does not parse, each unknown
     *     code, and each cycle of derived metrics
     */
    static CatalogueVersion of(
            String version, LocalDate effectiveOn, String title, List<Metric> metricList, List<ConsistencyRule> rules) {
        List<String> problems = new ArrayList<>();
        Map<String, Metric> metrics = new LinkedHashMap<>();
        for (Metric metric : metricList) {
            if (metrics.put(metric.code(), metric) != null) {
                problems.add("metric " + metric.code() + " is defined twice");
            }
        }
        Map<String, Formula> formulas = new LinkedHashMap<>();
        for (Metric metric : metrics.values()) {
            if (!metric.derived()) {
                continue;
            }
            try {
                Formula formula = Formula.parse(metric.formula());
                for (String code : formula.codes()) {
                    if (!metrics.containsKey(code)) {
                        problems.add("formula of " + metric.code() + " names unknown metric " + code);
                    }
                }
                formulas.put(metric.code(), formula);
            } catch (IllegalArgumentException e) {
                problems.add("formula of " + metric.code() + ": " + e.getMessage());
            }
        }
        for (ConsistencyRule rule : rules) {
            try {
                for (String code : rule.codes()) {
                    if (!metrics.containsKey(code)) {
                        problems.add("rule " + rule.code() + " names unknown metric " + code);
                    }
                }
            } catch (IllegalArgumentException e) {
                problems.add("rule " + rule.code() + ": " + e.getMessage());
            }
        }
        List<String> order = new ArrayList<>();
        if (problems.isEmpty()) {
            Set<String> done = new HashSet<>();
            for (String code : formulas.keySet()) {
                visit(code, formulas, new ArrayList<>(), done, order, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCatalogueException(version, problems);
        }
        return new CatalogueVersion(
                version, effectiveOn, title, metrics, formulas, List.copyOf(order), List.copyOf(rules));
    }

    /** Depth-first: a derived metric comes after every derived metric its formula reads. */
    private static void visit(
            String code,
            Map<String, Formula> formulas,
            List<String> path,
            Set<String> done,
            List<String> order,
            List<String> problems) {
        if (done.contains(code) || !formulas.containsKey(code)) {
            return;
        }
        if (path.contains(code)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(code), path.size()));
            cycle.add(code);
            problems.add("derived metrics depend on themselves: " + String.join(" -> ", cycle));
            return;
        }
        path.add(code);
        for (String read : formulas.get(code).codes()) {
            visit(read, formulas, path, done, order, problems);
        }
        path.remove(path.size() - 1);
        if (done.add(code)) {
            order.add(code);
        }
    }

    public String version() {
        return version;
    }

    public LocalDate effectiveOn() {
        return effectiveOn;
    }

    public String title() {
        return title;
    }

    public Collection<Metric> metrics() {
        return metrics.values();
    }

    public Optional<Metric> metric(String code) {
        return Optional.ofNullable(metrics.get(code));
    }

    public List<ConsistencyRule> rules() {
        return rules;
    }

    /** Entered and derived values, and the derived metrics that could not be computed. */
    record Derivation(Map<String, BigDecimal> values, List<DerivationFailure> failures) {}

    /**
     * Computes the derived metrics among {@code wanted} from the entered values, in dependency order.
     * A derived metric whose inputs are missing is left out; one whose formula divides by zero is
     * left out and named in the failures.
     */
    Derivation derive(Map<String, BigDecimal> entered, Collection<String> wanted) {
        Map<String, BigDecimal> values = new LinkedHashMap<>(entered);
        List<DerivationFailure> failures = new ArrayList<>();
        for (String code : derivedOrder) {
            if (!wanted.contains(code)) {
                continue;
            }
            try {
                BigDecimal value = formulas.get(code).evaluate(values);
                if (value != null) {
                    values.put(code, value.setScale(metrics.get(code).kind().scale(), RoundingMode.HALF_UP));
                }
            } catch (Formula.DivisionByZero e) {
                failures.add(new DerivationFailure(code, formulas.get(code).text(), e.divisor()));
            }
        }
        return new Derivation(values, List.copyOf(failures));
    }

    /** A derived metric cannot be computed because its formula divides by zero. */
    /** A derived metric whose formula divided by zero. */
    record DerivationFailure(String metric, String formula, String divisor) {}
}

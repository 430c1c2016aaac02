package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.telereg.platform.shared.FieldProblems;

/**
 * Checks the values of one report against its template and catalogue version: each value's type
 * and range, then — for a submission — that every entered metric is there, that the derived ones
 * can be computed and that the consistency rules hold. Every problem names its metric code.
 */
final class ReportValidation {

    private ReportValidation() {}

    /** The values that passed, entered and derived. */
    record Checked(Map<String, BigDecimal> entered, Map<String, BigDecimal> values) {}

    /**
     * Checks the input (metric code → text as typed); blank values are left out of a draft.
     *
     * @param complete whether this is a submission (every entered metric required, rules checked)
     */
    static Checked check(
            CatalogueVersion catalogue,
            ReportTemplate template,
            Map<String, String> input,
            boolean complete,
            FieldProblems problems) {
        Map<String, BigDecimal> entered = new LinkedHashMap<>();
        for (String code : input.keySet()) {
            if (!template.metricCodes().contains(code)) {
                problems.reject(
                        code,
                        "industry.invalid.unknownMetric",
                        "is not a metric of template " + template.code(),
                        code,
                        template.code());
            } else if (catalogue.metric(code).orElseThrow().derived()
                    && input.get(code) != null
                    && !input.get(code).isBlank()) {
                problems.reject(code, "industry.invalid.derivedMetric", "is computed by the platform", code);
            }
        }
        for (String code : template.metricCodes()) {
            Metric metric = catalogue.metric(code).orElseThrow();
            if (metric.derived()) {
                continue;
            }
            String text = input.get(code);
            if (text == null || text.isBlank()) {
                if (complete) {
                    problems.reject(code, "invalid.required", "is required");
                }
                continue;
            }
            BigDecimal amount = amount(metric, text, problems);
            if (amount != null) {
                entered.put(code, amount);
            }
        }
        CatalogueVersion.Derivation derivation = catalogue.derive(entered, template.metricCodes());
        if (!complete || !problems.isEmpty()) {
            return new Checked(entered, derivation.values());
        }
        for (CatalogueVersion.DerivationFailure failure : derivation.failures()) {
            problems.reject(
                    failure.metric(),
                    "industry.invalid.divisionByZero",
                    failure.metric() + " = " + failure.formula() + " cannot be computed: " + failure.divisor()
                            + " is 0",
                    failure.formula(),
                    failure.divisor());
        }
        boolean broken = false;
        for (ConsistencyRule rule : catalogue.rules()) {
            Optional<ConsistencyRule.Violation> violation = rule.check(derivation.values());
            if (violation.isPresent()) {
                broken = true;
                ConsistencyRule.Violation v = violation.get();
                problems.reject(
                        v.field(),
                        rule.messageKey(),
                        "breaks " + rule.code() + " (" + rule.expression() + "): " + v.left() + " = "
                                + v.leftValue().toPlainString() + ", " + v.right() + " = "
                                + v.rightValue().toPlainString(),
                        v.left(),
                        v.leftValue().toPlainString(),
                        v.right(),
                        v.rightValue().toPlainString());
            }
        }
        if (!broken) {
            // A derived share above 100 % follows from a broken rule; checked only when the rules hold
            // so the operator sees the cause once, not twice.
            for (String code : template.metricCodes()) {
                Metric metric = catalogue.metric(code).orElseThrow();
                BigDecimal value = derivation.values().get(code);
                if (metric.derived() && value != null) {
                    range(metric, value, problems);
                }
            }
        }
        return new Checked(entered, derivation.values());
    }

    /** Parses one entered value: a plain decimal number, thousands separators allowed. */
    static BigDecimal amount(Metric metric, String text, FieldProblems problems) {
        String code = metric.code();
        String plain = text.strip().replace(",", "").replace("，", "");
        if (plain.length() > 30) {
            problems.reject(code, "industry.invalid.number", "is not a number", shortened(text));
            return null;
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(plain);
        } catch (NumberFormatException e) {
            problems.reject(code, "industry.invalid.number", "is not a number", shortened(text));
            return null;
        }
        if (plain.contains("e") || plain.contains("E")) {
            problems.reject(code, "industry.invalid.number", "is not a number", shortened(text));
            return null;
        }
        amount = amount.stripTrailingZeros();
        if (amount.scale() < 0) {
            amount = amount.setScale(0);
        }
        if (metric.kind() == MetricKind.COUNT && amount.scale() > 0) {
            problems.reject(code, "industry.invalid.wholeNumber", "must be a whole number", plain);
            return null;
        }
        if (amount.scale() > metric.kind().scale()) {
            problems.reject(
                    code,
                    "industry.invalid.decimals",
                    "has more than " + metric.kind().scale() + " decimals",
                    metric.kind().scale());
            return null;
        }
        return range(metric, amount, problems) ? amount : null;
    }

    private static boolean range(Metric metric, BigDecimal amount, FieldProblems problems) {
        if (metric.min() != null && amount.compareTo(metric.min()) < 0) {
            problems.reject(
                    metric.code(),
                    "industry.invalid.belowMin",
                    "is below the least valid value "
                            + metric.min().stripTrailingZeros().toPlainString(),
                    amount.toPlainString(),
                    metric.min().stripTrailingZeros().toPlainString());
            return false;
        }
        if (metric.max() != null && amount.compareTo(metric.max()) > 0) {
            problems.reject(
                    metric.code(),
                    "industry.invalid.aboveMax",
                    "is above the greatest valid value "
                            + metric.max().stripTrailingZeros().toPlainString(),
                    amount.toPlainString(),
                    metric.max().stripTrailingZeros().toPlainString());
            return false;
        }
        return true;
    }

    private static String shortened(String text) {
        String stripped = text.strip();
        return stripped.length() > 30 ? stripped.substring(0, 30) + "…" : stripped;
    }
}

package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A consistency rule of the catalogue: a chain of comparisons between formulas, such as
 * {@code USERS_1000M <= USERS_100M <= BROADBAND_USERS}, read left to right.
 *
 * @param code the rule's code in the catalogue
 * @param expression the chain as written
 * @param messageKey the text shown when a report breaks it; arguments: left term, its value, right
 *     term, its value
 */
public record ConsistencyRule(String code, String expression, String messageKey) {

    /** Where a report breaks the rule: the first pair of neighbours that does not compare as written. */
    public record Violation(
            ConsistencyRule rule, String left, BigDecimal leftValue, String right, BigDecimal rightValue) {

        /** The metric the problem is reported on: the left term when it is a single code, else the right. */
        public String field() {
            return left.matches("[A-Z][A-Z0-9_]*") ? left : right;
        }
    }

    /** The terms and the comparisons between them, parsed; validated when the catalogue loads. */
    List<Formula> terms() {
        return chain().terms();
    }

    /** Every metric code the rule reads. */
    Set<String> codes() {
        Set<String> codes = new LinkedHashSet<>();
        terms().forEach(term -> codes.addAll(term.codes()));
        return codes;
    }

    /**
     * Checks a report's values. A comparison one of whose terms cannot be computed (a metric the
     * template does not have, or not yet entered) is skipped.
     */
    Optional<Violation> check(Map<String, BigDecimal> values) {
        Chain chain = chain();
        for (int i = 0; i < chain.operators().size(); i++) {
            Formula left = chain.terms().get(i);
            Formula right = chain.terms().get(i + 1);
            BigDecimal a;
            BigDecimal b;
            try {
                a = left.evaluate(values);
                b = right.evaluate(values);
            } catch (Formula.DivisionByZero e) {
                continue;
            }
            if (a == null || b == null) {
                continue;
            }
            int order = a.compareTo(b);
            boolean holds = switch (chain.operators().get(i)) {
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                case ">=" -> order >= 0;
                default -> order == 0;
            };
            if (!holds) {
                return Optional.of(new Violation(this, left.text(), a, right.text(), b));
            }
        }
        return Optional.empty();
    }

    private record Chain(List<Formula> terms, List<String> operators) {}

    private Chain chain() {
        List<Formula.Token> tokens = Formula.tokens(expression, true);
        List<Formula> terms = new ArrayList<>();
        List<String> operators = new ArrayList<>();
        List<Formula.Token> term = new ArrayList<>();
        int depth = 0;
        int termStart = 0;
        for (Formula.Token token : tokens) {
            switch (token.kind()) {
                case "(" -> depth++;
                case ")" -> depth--;
                default -> {}
            }
            if (depth == 0 && List.of("<", "<=", ">", ">=", "=").contains(token.kind())) {
                terms.add(Formula.of(expression.substring(termStart, token.position() - 1), term));
                operators.add(token.kind());
                term = new ArrayList<>();
                termStart = token.position() - 1 + token.text().length();
            } else {
                term.add(token);
            }
        }
        terms.add(Formula.of(expression.substring(termStart), term));
        if (operators.isEmpty()) {
            throw new IllegalArgumentException("a rule compares at least two terms with < <= > >= or =");
        }
        return new Chain(terms, operators);
    }
}

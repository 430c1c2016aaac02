package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An arithmetic formula over metric codes: decimal numbers, codes such as {@code FTTH_PORTS}, the
 * four operators and parentheses. Parsed by recursive descent into a small tree, so nothing a
 * catalogue editor writes is ever run as code.
 */
final class Formula {

    private static final MathContext PRECISION = MathContext.DECIMAL64;

    private final String text;
    private final Node root;
    private final Set<String> codes;

    private Formula(String text, Node root) {
        this.text = text;
        this.root = root;
        Set<String> found = new LinkedHashSet<>();
        root.collect(found);
        this.codes = Collections.unmodifiableSet(found);
    }

    /**
     * Parses a formula.
     *
     * @throws IllegalArgumentException naming the position of the first token that does not fit
     */
    static Formula parse(String text) {
        Parser parser = new Parser(tokens(text, false));
        Node root = parser.expression();
        parser.expectEnd();
        return new Formula(text.strip(), root);
    }

    /** The metric codes the formula reads, in the order they appear. */
    Set<String> codes() {
        return codes;
    }

    String text() {
        return text;
    }

    /**
     * The formula's value.
     *
     * @param values the known metric values; a code without a value makes the result null
     * @return the value, or null when some code it reads has no value
     * @throws DivisionByZero when a divisor evaluates to zero
     */
    BigDecimal evaluate(Map<String, BigDecimal> values) {
        return root.evaluate(values);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A divisor of the formula is zero; carries the divisor as written. */
    static final class DivisionByZero extends ArithmeticException {

        private final String divisor;

        DivisionByZero(String divisor) {
            super("division by zero: " + divisor + " is 0");
            this.divisor = divisor;
        }

        String divisor() {
            return divisor;
        }
    }

    /** One lexical token; {@code kind} is N (number), C (code), or the operator or parenthesis itself. */
    record Token(String kind, String text, int position) {}

    /**
     * Splits text into tokens. With {@code comparisons}, {@code < <= > >= =} are tokens too (the
     * consistency rules); without, they are refused like any other stray character.
     */
    static List<Token> tokens(String text, boolean comparisons) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("empty expression");
        }
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c >= '0' && c <= '9' || c == '.') {
                int start = i;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
                    i++;
                }
                String number = text.substring(start, i);
                try {
                    new BigDecimal(number);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("bad number '" + number + "' at " + (start + 1));
                }
                tokens.add(new Token("N", number, start + 1));
            } else if (c >= 'A' && c <= 'Z') {
                int start = i;
                while (i < text.length()
                        && (text.charAt(i) >= 'A' && text.charAt(i) <= 'Z'
                                || Character.isDigit(text.charAt(i))
                                || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token("C", text.substring(start, i), start + 1));
            } else if ("+-*/()".indexOf(c) >= 0) {
                tokens.add(new Token(String.valueOf(c), String.valueOf(c), i + 1));
                i++;
            } else if (comparisons && (c == '<' || c == '>' || c == '=')) {
                String operator = i + 1 < text.length() && text.charAt(i + 1) == '=' && c != '='
                        ? text.substring(i, i + 2)
                        : String.valueOf(c);
                tokens.add(new Token(operator, operator, i + 1));
                i += operator.length();
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + (i + 1));
            }
        }
        return tokens;
    }

    /** Parses a token list into a formula (the consistency rules call it per term). */
    static Formula of(String text, List<Token> tokens) {
        Parser parser = new Parser(tokens);
        Node root = parser.expression();
        parser.expectEnd();
        return new Formula(text.strip(), root);
    }

    private sealed interface Node {
        BigDecimal evaluate(Map<String, BigDecimal> values);

        void collect(Set<String> codes);

        String text();
    }

    private record Constant(BigDecimal number) implements Node {
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            return number;
        }

        public void collect(Set<String> codes) {}

        public String text() {
            return number.toPlainString();
        }
    }

    private record Code(String code) implements Node {
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            return values.get(code);
        }

        public void collect(Set<String> codes) {
            codes.add(code);
        }

        public String text() {
            return code;
        }
    }

    private record Negation(Node operand) implements Node {
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            BigDecimal value = operand.evaluate(values);
            return value == null ? null : value.negate();
        }

        public void collect(Set<String> codes) {
            operand.collect(codes);
        }

        public String text() {
            return "-" + operand.text();
        }
    }

    private record Operation(char operator, Node left, Node right) implements Node {
        public BigDecimal evaluate(Map<String, BigDecimal> values) {
            BigDecimal a = left.evaluate(values);
            BigDecimal b = right.evaluate(values);
            if (a == null || b == null) {
                return null;
            }
            return switch (operator) {
                case '+' -> a.add(b, PRECISION);
                case '-' -> a.subtract(b, PRECISION);
                case '*' -> a.multiply(b, PRECISION);
                default -> {
                    if (b.signum() == 0) {
                        throw new DivisionByZero(right.text());
                    }
                    yield a.divide(b, PRECISION);
                }
            };
        }

        public void collect(Set<String> codes) {
            left.collect(codes);
            right.collect(codes);
        }

        public String text() {
            return "(" + left.text() + " " + operator + " " + right.text() + ")";
        }
    }

    /** expression = term (('+' | '-') term)*; term = factor (('*' | '/') factor)*; factor = number | code | '-' factor | '(' expression ')'. */
    private static final class Parser {

        private final List<Token> tokens;
        private int next;

        Parser(List<Token> tokens) {
            if (tokens.isEmpty()) {
                throw new IllegalArgumentException("empty expression");
            }
            this.tokens = tokens;
        }

        Node expression() {
            Node node = term();
            while (peek("+") || peek("-")) {
                char operator = tokens.get(next++).kind().charAt(0);
                node = new Operation(operator, node, term());
            }
            return node;
        }

        private Node term() {
            Node node = factor();
            while (peek("*") || peek("/")) {
                char operator = tokens.get(next++).kind().charAt(0);
                node = new Operation(operator, node, factor());
            }
            return node;
        }

        private Node factor() {
            if (next >= tokens.size()) {
                throw new IllegalArgumentException("the expression ends too early");
            }
            Token token = tokens.get(next++);
            return switch (token.kind()) {
                case "N" -> new Constant(new BigDecimal(token.text()));
                case "C" -> new Code(token.text());
                case "-" -> new Negation(factor());
                case "(" -> {
                    Node inner = expression();
                    if (!peek(")")) {
                        throw new IllegalArgumentException("missing ')' for '(' at " + token.position());
                    }
                    next++;
                    yield inner;
                }
                default ->
                    throw new IllegalArgumentException("unexpected '" + token.text() + "' at " + token.position());
            };
        }

        void expectEnd() {
            if (next < tokens.size()) {
                Token token = tokens.get(next);
                throw new IllegalArgumentException("unexpected '" + token.text() + "' at " + token.position());
            }
        }

        private boolean peek(String kind) {
            return next < tokens.size() && tokens.get(next).kind().equals(kind);
        }
    }
}

package org.telereg.engine.broadband;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict RFC 8259 JSON reader for the M-Lab result files: no comments, no trailing commas, no duplicate keys, no
 * bare words, nesting at most {@value #MAX_DEPTH} deep, numbers at most {@value #MAX_NUMBER} characters, one
 * top-level value at most {@value #MAX_VALUE} characters (an NDT7 result is about 40,000). Objects become {@code Map<String, Object>} in file order,
 * arrays {@code List<Object>}, numbers {@code Double}, and {@code null} a {@link #NULL} marker, so that a missing key
 * and an explicit null stay apart.
 *
 * <p>A file may hold several top-level values one after another (JSON Lines or concatenated results); {@link #next()}
 * returns them one at a time, so memory holds one result, not the file. Every syntax error names the line and
 * column where reading stopped and what was expected there.
 */
final class JsonReader {

    /** The JSON literal {@code null}. */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    static final int MAX_DEPTH = 64;
    static final int MAX_NUMBER = 100;
    static final long MAX_VALUE = 1L << 23;
    private static final int MAX_STRING = 1 << 20;

    /** A syntax error, with the place it was found. */
    static final class SyntaxException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long line;
        private final long column;

        SyntaxException(long line, long column, String message) {
            super("line " + line + ", column " + column + ": " + message);
            this.line = line;
            this.column = column;
        }

        long line() {
            return line;
        }

        long column() {
            return column;
        }
    }

    private final Reader in;
    private int peeked = -2;
    private long line = 1;
    private long column = 0;
    private long valueLine;
    private long valueChars;

    JsonReader(Reader in) {
        this.in = in;
    }

    /** The line on which the value last returned by {@link #next()} began. */
    long valueLine() {
        return valueLine;
    }

    /**
     * The next top-level value, or {@code null} at the end of the input.
     *
     * @throws SyntaxException when the input is not JSON
     */
    Object next() throws IOException {
        int c = skipBlanks();
        if (c == -1) {
            return null;
        }
        valueLine = line;
        valueChars = 1;
        return value(c, 0);
    }

    private Object value(int c, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> word("true", Boolean.TRUE);
            case 'f' -> word("false", Boolean.FALSE);
            case 'n' -> word("null", NULL);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number(c);
                }
                throw error("expected a value but found " + describe(c));
            }
        };
    }

    private Map<String, Object> object(int depth) throws IOException {
        Map<String, Object> members = new LinkedHashMap<>();
        int c = skipBlanks();
        if (c == '}') {
            return members;
        }
        while (true) {
            if (c != '"') {
                throw error("expected a member name in double quotes but found " + describe(c));
            }
            String name = string();
            c = skipBlanks();
            if (c != ':') {
                throw error("expected ':' after \"" + name + "\" but found " + describe(c));
            }
            Object value = value(skipBlanks(), depth);
            if (members.putIfAbsent(name, value) != null) {
                throw error("member \"" + name + "\" appears twice in one object");
            }
            c = skipBlanks();
            if (c == '}') {
                return members;
            }
            if (c != ',') {
                throw error("expected ',' or '}' after member \"" + name + "\" but found " + describe(c));
            }
            c = skipBlanks();
        }
    }

    private List<Object> array(int depth) throws IOException {
        List<Object> items = new ArrayList<>();
        int c = skipBlanks();
        if (c == ']') {
            return items;
        }
        while (true) {
            items.add(value(c, depth));
            c = skipBlanks();
            if (c == ']') {
                return items;
            }
            if (c != ',') {
                throw error("expected ',' or ']' in an array but found " + describe(c));
            }
            c = skipBlanks();
        }
    }

    private String string() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            int c = read();
            if (c == '"') {
                return text.toString();
            }
            if (c == -1) {
                throw error("the input ends inside a string");
            }
            if (c < 0x20) {
                throw error("control character " + describe(c) + " inside a string");
            }
            if (c == '\\') {
                c = read();
                switch (c) {
                    case '"', '\\', '/' -> text.append((char) c);
                    case 'b' -> text.append('\b');
                    case 'f' -> text.append('\f');
                    case 'n' -> text.append('\n');
                    case 'r' -> text.append('\r');
                    case 't' -> text.append('\t');
                    case 'u' -> text.append(hexUnit());
                    default -> throw error("unknown escape \\" + (c == -1 ? "" : (char) c) + " in a string");
                }
            } else {
                text.append((char) c);
            }
            if (text.length() > MAX_STRING) {
                throw error("a string longer than " + MAX_STRING + " characters");
            }
        }
    }

    private char hexUnit() throws IOException {
        int unit = 0;
        for (int i = 0; i < 4; i++) {
            int c = read();
            int digit = Character.digit(c, 16);
            if (c == -1 || digit < 0) {
                throw error("expected four hex digits after \\u but found " + describe(c));
            }
            unit = unit * 16 + digit;
        }
        return (char) unit;
    }

    private Object number(int first) throws IOException {
        StringBuilder text = new StringBuilder().append((char) first);
        int c = first;
        if (c == '-') {
            c = read();
            text.append((char) c);
            if (c < '0' || c > '9') {
                throw error("expected a digit after '-' but found " + describe(c));
            }
        }
        if (c == '0') {
            c = peek();
            if (c >= '0' && c <= '9') {
                throw error("a number may not start with 0 followed by digits");
            }
        } else {
            digits(text);
        }
        if (peek() == '.') {
            text.append((char) read());
            if (digits(text) == 0) {
                throw error("expected a digit after '.' but found " + describe(peek()));
            }
        }
        if (peek() == 'e' || peek() == 'E') {
            text.append((char) read());
            if (peek() == '+' || peek() == '-') {
                text.append((char) read());
            }
            if (digits(text) == 0) {
                throw error("expected a digit in the exponent but found " + describe(peek()));
            }
        }
        double number = Double.parseDouble(text.toString());
        if (Double.isInfinite(number)) {
            throw error("number " + text + " is out of range");
        }
        return number;
    }

    private int digits(StringBuilder text) throws IOException {
        int count = 0;
        while (peek() >= '0' && peek() <= '9') {
            text.append((char) read());
            count++;
            if (text.length() > MAX_NUMBER) {
                throw error("a number longer than " + MAX_NUMBER + " characters");
            }
        }
        return count;
    }

    private Object word(String word, Object value) throws IOException {
        for (int i = 1; i < word.length(); i++) {
            int c = read();
            if (c != word.charAt(i)) {
                throw error("expected " + word + " but found " + describe(c));
            }
        }
        return value;
    }

    private int skipBlanks() throws IOException {
        while (true) {
            int c = read();
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return c;
            }
        }
    }

    private int peek() throws IOException {
        if (peeked == -2) {
            peeked = in.read();
        }
        return peeked;
    }

    private int read() throws IOException {
        int c = peek();
        peeked = -2;
        if (++valueChars > MAX_VALUE) {
            throw error("a value longer than " + MAX_VALUE + " characters");
        }
        if (c == '\n') {
            line++;
            column = 0;
        } else if (c != -1) {
            column++;
        }
        return c;
    }

    private SyntaxException error(String message) {
        return new SyntaxException(line, column, message);
    }

    private static String describe(int c) {
        if (c == -1) {
            return "the end of the input";
        }
        if (c < 0x20) {
            return String.format("U+%04X", c);
        }
        return "'" + (char) c + "'";
    }
}

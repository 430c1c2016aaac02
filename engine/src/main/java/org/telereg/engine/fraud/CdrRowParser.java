package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Reads single lines of a calls, SMS or users file, one at a time, for callers that receive lines rather than
 * files (a Kafka topic, a line-by-line file source). A line is valid or bad by exactly the rules of {@link
 * FraudFeatures} (docs/fraud-engine.md, "Input"), and a bad line's problem is worded the same way.
 *
 * <p>Immutable and thread-safe; one parser per kind of file and header.
 */
public final class CdrRowParser {

    private static final byte[] SUBSCRIBER_COLUMN = "phone_no_m".getBytes(StandardCharsets.US_ASCII);

    private final InputKind kind;
    /** Position in the line of each of the kind's columns, in schema order. */
    private final int[] columns;

    private final int lastColumn;

    private CdrRowParser(InputKind kind, int[] columns) {
        this.kind = kind;
        this.columns = columns;
        int last = 0;
        for (int column : columns) {
            last = Math.max(last, column);
        }
        this.lastColumn = last;
    }

    /**
     * A parser of calls lines whose columns are in the order of {@code header} (a header line of the calls file:
     * names in any order, compared ignoring case, blanks, quotes and a byte-order mark; other columns ignored).
     *
     * @param source names the input in the exception's message, e.g. a topic or file name
     * @throws CdrFormatException naming every required column the header lacks
     */
    public static CdrRowParser calls(String source, String header) throws CdrFormatException {
        return of(source, InputKind.CALLS, header);
    }

    /** A parser of SMS lines; see {@link #calls}. */
    public static CdrRowParser sms(String source, String header) throws CdrFormatException {
        return of(source, InputKind.SMS, header);
    }

    /** A parser of users lines; see {@link #calls}. */
    public static CdrRowParser users(String source, String header) throws CdrFormatException {
        return of(source, InputKind.USERS, header);
    }

    /** The calls file's required columns in schema order, as a header line. */
    public static String callsHeader() {
        return String.join(",", InputKind.CALLS.columns());
    }

    /** The SMS file's required columns in schema order, as a header line. */
    public static String smsHeader() {
        return String.join(",", InputKind.SMS.columns());
    }

    private static CdrRowParser of(String source, InputKind kind, String header) throws CdrFormatException {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        return new CdrRowParser(kind, CsvHeader.locate(Path.of(source), kind, bytes, 0, bytes.length));
    }

    /**
     * Whether {@code line} is a header line of this parser's kind of file (it names every required column, in any
     * order), as found at the top of each replayed file.
     */
    public boolean isHeader(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        return isHeader(bytes, 0, bytes.length);
    }

    /** {@link #isHeader(String)} of the UTF-8 line {@code b[from, to)}. */
    public boolean isHeader(byte[] b, int from, int to) {
        if (!mentionsSubscriberColumn(b, from, to)) {
            return false; // a data line: the usual case, decided without splitting
        }
        try {
            CsvHeader.locate(Path.of("header"), kind, b, from, to);
            return true;
        } catch (CdrFormatException e) {
            return false;
        }
    }

    /**
     * Whether {@code phone_no_m} (any case) occurs in {@code b[from, to)}; found from its first underscore, which
     * a calls or SMS data line of numbers, dates and places rarely has.
     */
    private static boolean mentionsSubscriberColumn(byte[] b, int from, int to) {
        byte[] name = SUBSCRIBER_COLUMN;
        for (int at = Bytes.indexOf(b, from + 5, to, (byte) '_');
                at >= 0;
                at = Bytes.indexOf(b, at + 1, to, (byte) '_')) {
            if (at + name.length - 5 <= to && matchesIgnoringCase(b, at - 5, name)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code b} holds the lower-case ASCII {@code name} at {@code at}, letters in any case. */
    private static boolean matchesIgnoringCase(byte[] b, int at, byte[] name) {
        for (int i = 0; i < name.length; i++) {
            int c = b[at + i];
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (c != name[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether {@code header} puts this parser's columns where this parser expects them; a replayed file whose
     * header orders the columns otherwise needs a parser of its own.
     */
    public boolean hasColumnsOf(String header) {
        byte[] bytes = header.getBytes(StandardCharsets.UTF_8);
        return hasColumnsOf(bytes, 0, bytes.length);
    }

    /** {@link #hasColumnsOf(String)} of the UTF-8 header line {@code b[from, to)}. */
    public boolean hasColumnsOf(byte[] b, int from, int to) {
        try {
            return Arrays.equals(columns, CsvHeader.locate(Path.of("header"), kind, b, from, to));
        } catch (CdrFormatException e) {
            return false;
        }
    }

    /**
     * The record on a line without its line break (a trailing CR is ignored), a {@link BadRecord} naming the
     * problem, or null for a blank line (which the batch scan skips without counting).
     */
    public CdrRow parse(String line) {
        byte[] b = line.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length);
    }

    /**
     * {@link #parse(String)} of the UTF-8 line {@code b[from, to)}, for callers that receive bytes (a file read
     * as bytes, a Kafka record's value): no line is decoded, only the fields kept as text are.
     */
    public CdrRow parse(byte[] line, int from, int to) {
        CdrLineReader reader = reader();
        return switch (reader.read(line, from, to)) {
            case BLANK -> null;
            case BAD -> new BadRecord(reader.problem(), reader.lineText());
            case CALL ->
                new CallRecord(
                        reader.subscriberText(),
                        reader.counterpartText(),
                        reader.type(),
                        reader.time(),
                        reader.duration(),
                        reader.text(InputKind.CITY),
                        reader.text(InputKind.COUNTY),
                        reader.imeiText());
            case SMS ->
                new SmsRecord(reader.subscriberText(), reader.counterpartText(), reader.type() == 1, reader.time());
            case USER -> new UserRecord(reader.subscriberText(), reader.text(InputKind.USER_CITY), reader.idCards());
        };
    }

    /** A reader of lines by this parser's rules and columns, for one thread; see {@link CdrLineReader}. */
    public CdrLineReader reader() {
        return new CdrLineReader(kind, columns, lastColumn);
    }

    /** Parsers are equal when they read the same kind of file with the same column positions. */
    @Override
    public boolean equals(Object other) {
        return other instanceof CdrRowParser that && kind == that.kind && Arrays.equals(columns, that.columns);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(columns);
    }
}

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

    private static final int TEXT_LIMIT = 120;
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
        byte[] b = line;
        if (from != 0) {
            b = Arrays.copyOfRange(line, from, to);
            to -= from;
        }
        if (to > 0 && b[to - 1] == '\r') {
            to--;
        }
        if (to == 0) {
            return null;
        }
        int[] start = new int[lastColumn + 1];
        int[] end = new int[lastColumn + 1];
        int phone = columns[InputKind.PHONE];
        int fields = split(b, to, start, end);
        if (fields <= phone || start[phone] == end[phone]) {
            return bad(b, to, fields <= phone ? tooFewFields(fields) : "phone_no_m is empty");
        }
        if (fields <= lastColumn) {
            return bad(b, to, tooFewFields(fields));
        }
        String subscriber = text(b, start[phone], end[phone]);
        return switch (kind) {
            case CALLS -> call(b, to, start, end, subscriber);
            case SMS -> sms(b, to, start, end, subscriber);
            case USERS -> user(b, to, start, end, subscriber);
        };
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

    private CdrRow call(byte[] b, int to, int[] start, int[] end, String subscriber) {
        int opposite = columns[InputKind.OPPOSITE];
        if (start[opposite] == end[opposite]) {
            return bad(b, to, "opposite_no_m is empty");
        }
        int type = callType(b, start, end, columns[InputKind.CALL_TYPE]);
        if (type < 1 || type > 3) {
            return bad(b, to, "calltype_id must be 1, 2 or 3");
        }
        int at = columns[InputKind.START];
        long time = Bytes.parseDateTime(b, start[at], end[at]);
        if (time == Bytes.INVALID) {
            return bad(b, to, "start_datetime is not a date and time as yyyy-MM-dd HH:mm:ss");
        }
        int dur = columns[InputKind.DURATION];
        long duration = Bytes.parseCount(b, start[dur], end[dur]);
        if (duration == Bytes.INVALID || duration > Integer.MAX_VALUE) {
            return bad(b, to, "call_dur is not a whole number of seconds");
        }
        int city = columns[InputKind.CITY];
        int county = columns[InputKind.COUNTY];
        int imei = columns[InputKind.IMEI];
        return new CallRecord(
                subscriber,
                text(b, start[opposite], end[opposite]),
                type,
                time,
                (int) duration,
                text(b, start[city], end[city]),
                text(b, start[county], end[county]),
                text(b, start[imei], end[imei]));
    }

    private CdrRow sms(byte[] b, int to, int[] start, int[] end, String subscriber) {
        int opposite = columns[InputKind.OPPOSITE];
        if (start[opposite] == end[opposite]) {
            return bad(b, to, "opposite_no_m is empty");
        }
        int type = callType(b, start, end, columns[InputKind.CALL_TYPE]);
        if (type < 1 || type > 2) {
            return bad(b, to, "calltype_id must be 1 (sent) or 2 (received)");
        }
        int at = columns[InputKind.START];
        long time = Bytes.parseDateTime(b, start[at], end[at]);
        if (time == Bytes.INVALID) {
            return bad(b, to, "request_datetime is not a date and time as yyyy-MM-dd HH:mm:ss");
        }
        return new SmsRecord(subscriber, text(b, start[opposite], end[opposite]), type == 1, time);
    }

    private CdrRow user(byte[] b, int to, int[] start, int[] end, String subscriber) {
        int idcards = columns[InputKind.USER_IDCARDS];
        long count = start[idcards] == end[idcards] ? 0 : Bytes.parseCount(b, start[idcards], end[idcards]);
        if (count == Bytes.INVALID || count > Integer.MAX_VALUE) {
            return bad(b, to, "idcard_cnt is not a whole number");
        }
        int city = columns[InputKind.USER_CITY];
        return new UserRecord(subscriber, text(b, start[city], end[city]), (int) count);
    }

    private static int callType(byte[] b, int[] start, int[] end, int column) {
        return end[column] - start[column] == 1 ? b[start[column]] - '0' : -1;
    }

    /**
     * Splits the fields up to position {@link #lastColumn} (the quote rules of the batch reader: a field that
     * starts with a double quote runs to the next quote not doubled, its content without the quotes); returns
     * how many fields were found, at most {@code lastColumn + 1}.
     */
    private int split(byte[] b, int lineEnd, int[] start, int[] end) {
        int fields = 0;
        int cursor = 0;
        while (fields <= lastColumn) {
            int from = cursor;
            if (from > lineEnd) {
                return fields;
            }
            int stop;
            if (from < lineEnd && b[from] == '"') {
                int close = from + 1;
                while (close < lineEnd && (b[close] != '"' || (close + 1 < lineEnd && b[close + 1] == '"'))) {
                    close += b[close] == '"' ? 2 : 1;
                }
                start[fields] = from + 1;
                end[fields] = Math.min(close, lineEnd);
                stop = close;
                while (stop < lineEnd && b[stop] != ',') {
                    stop++;
                }
            } else {
                stop = from;
                while (stop < lineEnd && b[stop] != ',') {
                    stop++;
                }
                start[fields] = from;
                end[fields] = stop;
            }
            fields++;
            cursor = stop + 1;
        }
        return fields;
    }

    private String tooFewFields(int found) {
        return "expected at least " + (lastColumn + 1) + " fields, found " + found;
    }

    private static String text(byte[] b, int from, int to) {
        return new String(b, from, to - from, StandardCharsets.UTF_8);
    }

    private static BadRecord bad(byte[] b, int to, String problem) {
        String text = new String(b, 0, Math.min(to, TEXT_LIMIT * 3), StandardCharsets.UTF_8);
        return new BadRecord(problem, text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text);
    }
}

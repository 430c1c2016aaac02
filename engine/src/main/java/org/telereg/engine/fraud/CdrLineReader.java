package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads lines of a calls, SMS or users input one at a time into fields of its own, allocating nothing for a good
 * line: numbers written as digits become 64-bit keys ({@link CompactFeatureAccumulator#numberKey}), places small
 * ids, and text is decoded only when asked for. For callers that turn many lines into compact records, such as
 * the streaming job's batches; {@link CdrRowParser#parse} builds its records from the same reading, so a line is
 * valid or bad, and a bad line's problem worded, by exactly the rules of the batch scan.
 *
 * <p>Mutable: one reader per thread, made by {@link CdrRowParser#reader()}. What {@link #read} found stays until
 * the next line is read, and the texts only while the line's bytes are unchanged.
 */
public final class CdrLineReader {

    /** What a line was. */
    public enum Line {
        /** Empty, or only a line end: skipped without counting, as the batch scan does. */
        BLANK,
        CALL,
        SMS,
        USER,
        /** Not a record; {@link #problem()} says why. */
        BAD
    }

    private static final int TEXT_LIMIT = 120;

    private final InputKind kind;
    private final int[] columns;
    private final int lastColumn;
    private final int[] start;
    private final int[] end;
    private final PlaceIds places = new PlaceIds();
    private String[] cities = new String[16];
    private String[] counties = new String[16];

    private byte[] b;
    private int lineFrom;
    private int lineTo;
    private int fields;
    private int type;
    private long time;
    private long count;
    private long subscriber;
    private long counterpart;
    private long imei;
    private int place;
    private String problem;

    private final DateTimeReader dates = new DateTimeReader();

    CdrLineReader(InputKind kind, int[] columns, int lastColumn) {
        this.kind = kind;
        this.columns = columns;
        this.lastColumn = lastColumn;
        this.start = new int[lastColumn + 1];
        this.end = new int[lastColumn + 1];
    }

    /** Where the line that starts at {@code from} ends: the index of its {@code \n}, or {@code to} when it has none. */
    public static int lineEnd(byte[] b, int from, int to) {
        int at = Bytes.indexOfNewline(b, from, to);
        return at < 0 ? to : at;
    }

    /** Reads the line {@code line[from, to)}, without its line break (a trailing CR is ignored). */
    public Line read(byte[] line, int from, int to) {
        b = line;
        if (to > from && line[to - 1] == '\r') {
            to--;
        }
        lineFrom = from;
        lineTo = to;
        problem = null;
        if (to == from) {
            return Line.BLANK;
        }
        int phone = columns[InputKind.PHONE];
        fields = split(b, from, to, start, end, lastColumn);
        if (fields <= phone || start[phone] == end[phone]) {
            return bad(fields <= phone ? tooFewFields() : "phone_no_m is empty");
        }
        if (fields <= lastColumn) {
            return bad(tooFewFields());
        }
        subscriber = RecordBatch.key(b, start[phone], end[phone]);
        return switch (kind) {
            case CALLS -> call();
            case SMS -> sms();
            case USERS -> user();
        };
    }

    private Line call() {
        String problem = event(3, "calltype_id must be 1, 2 or 3", "start_datetime");
        if (problem != null) {
            return bad(problem);
        }
        int at = columns[InputKind.DURATION];
        count = Bytes.parseCount(b, start[at], end[at]);
        if (count == Bytes.INVALID || count > Integer.MAX_VALUE) {
            return bad("call_dur is not a whole number of seconds");
        }
        int imeiAt = columns[InputKind.IMEI];
        imei = RecordBatch.key(b, start[imeiAt], end[imeiAt]);
        int city = columns[InputKind.CITY];
        int county = columns[InputKind.COUNTY];
        place = places.id(b, start[city], end[city], start[county], end[county]) - 1;
        return Line.CALL;
    }

    private Line sms() {
        String problem = event(2, "calltype_id must be 1 (sent) or 2 (received)", "request_datetime");
        return problem != null ? bad(problem) : Line.SMS;
    }

    /**
     * What a call and a message share: a counterpart, a type from 1 to {@code lastType} and a time, read into
     * their fields; the problem with the first that fails, or null.
     */
    private String event(int lastType, String typeProblem, String timeColumn) {
        int opposite = columns[InputKind.OPPOSITE];
        if (start[opposite] == end[opposite]) {
            return "opposite_no_m is empty";
        }
        type = callType();
        if (type < 1 || type > lastType) {
            return typeProblem;
        }
        int at = columns[InputKind.START];
        time = dates.read(b, start[at], end[at]);
        if (time == Bytes.INVALID) {
            return timeColumn + " is not a date and time as yyyy-MM-dd HH:mm:ss";
        }
        if (DateTimeReader.outOfRange(time)) {
            return timeColumn + " " + DateTimeReader.OUT_OF_RANGE;
        }
        counterpart = RecordBatch.key(b, start[opposite], end[opposite]);
        return null;
    }

    private Line user() {
        int idcards = columns[InputKind.USER_IDCARDS];
        count = start[idcards] == end[idcards] ? 0 : Bytes.parseCount(b, start[idcards], end[idcards]);
        if (count == Bytes.INVALID || count > Integer.MAX_VALUE) {
            return bad("idcard_cnt is not a whole number");
        }
        return Line.USER;
    }

    private int callType() {
        int column = columns[InputKind.CALL_TYPE];
        return end[column] - start[column] == 1 ? b[start[column]] - '0' : -1;
    }

    /**
     * Splits the fields of {@code b[from, lineEnd)} up to position {@code lastColumn} into {@code start} and {@code
     * end} (the quote rules of the batch reader: a field that starts with a double quote runs to the next quote not
     * doubled, its content without the quotes); returns how many fields were found, at most {@code lastColumn + 1}.
     */
    static int split(byte[] b, int from, int lineEnd, int[] start, int[] end, int lastColumn) {
        int found = 0;
        int cursor = from;
        while (found <= lastColumn) {
            int at = cursor;
            if (at > lineEnd) {
                return found;
            }
            int stop;
            if (at < lineEnd && b[at] == '"') {
                int close = Bytes.closingQuote(b, at, lineEnd);
                start[found] = at + 1;
                end[found] = close;
                stop = Bytes.indexOfComma(b, close, lineEnd);
            } else {
                stop = Bytes.indexOfComma(b, at, lineEnd);
                start[found] = at;
                end[found] = stop;
            }
            found++;
            cursor = stop + 1;
        }
        return found;
    }

    private String tooFewFields() {
        return "expected at least " + (lastColumn + 1) + " fields, found " + fields;
    }

    private Line bad(String why) {
        problem = why;
        return Line.BAD;
    }

    /** The call type (1 outgoing, 2 incoming, 3 forwarded) or the message's (1 sent, 2 received). */
    public int type() {
        return type;
    }

    /** The record's time in seconds since 1970-01-01, the local time read as if it were UTC. */
    public long time() {
        return time;
    }

    /** A call's duration in whole seconds. */
    public int duration() {
        return (int) count;
    }

    /** A users line's ID-card count (0 when empty). */
    public int idCards() {
        return (int) count;
    }

    /** The subscriber's key, or 0 when the number is a token ({@link #subscriberText}). */
    public long subscriberKey() {
        return subscriber;
    }

    /** The counterpart's key, or 0 when it is a token ({@link #counterpartText}). */
    public long counterpartKey() {
        return counterpart;
    }

    /** The IMEI's key, or 0 when it is a token or empty ({@link #hasImei}, {@link #imeiText}). */
    public long imeiKey() {
        return imei;
    }

    /** Whether the call gives an IMEI. */
    public boolean hasImei() {
        int at = columns[InputKind.IMEI];
        return start[at] < end[at];
    }

    /** The place of the call as an id of this reader (0, 1, 2, … in order of first appearance), -1 for none. */
    public int place() {
        return place;
    }

    /** The city of a place id, empty when not given. */
    public String city(int id) {
        return placeText(id, true);
    }

    /** The county of a place id, empty when not given. */
    public String county(int id) {
        return placeText(id, false);
    }

    private String placeText(int id, boolean city) {
        if (id >= cities.length) {
            cities = Arrays.copyOf(cities, Math.max(id + 1, 2 * cities.length));
            counties = Arrays.copyOf(counties, cities.length);
        }
        if (cities[id] == null) {
            cities[id] = places.city(id);
            counties[id] = places.county(id);
        }
        return city ? cities[id] : counties[id];
    }

    public String subscriberText() {
        return text(InputKind.PHONE);
    }

    public String counterpartText() {
        return text(InputKind.OPPOSITE);
    }

    /** The IMEI as written, empty when not given. */
    public String imeiText() {
        return text(InputKind.IMEI);
    }

    /** Field {@code column} (a position in the kind's schema, {@link InputKind}) of the line read, decoded. */
    String text(int column) {
        int at = columns[column];
        return new String(b, start[at], end[at] - start[at], StandardCharsets.UTF_8);
    }

    /** Why the line is bad. */
    public String problem() {
        return problem;
    }

    /** The start of the line read, at most 120 characters, for reporting a bad line. */
    public String lineText() {
        String text = new String(b, lineFrom, Math.min(lineTo - lineFrom, TEXT_LIMIT * 3), StandardCharsets.UTF_8);
        return text.length() > TEXT_LIMIT ? text.substring(0, TEXT_LIMIT) : text;
    }
}

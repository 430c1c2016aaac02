package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the rows of one input file that belong to one shard. Every worker sees every line (so each knows the
 * line numbers), but only splits and parses the rows whose subscriber hashes to its shard; the others cost a
 * newline search and a hash of the first needed field.
 */
final class LineWorker {

    private static final int TEXT_LIMIT = 120;

    private final int shard;
    private final int shards;
    private final ShardState state;
    private final InputKind kind;
    private final int[] columns;
    private final int lastColumn;
    private final int badRowsToKeep;

    /** Start and end of each field of the current line, by position in the line, up to the last needed one. */
    private final int[] fieldStart;

    private final int[] fieldEnd;
    private int fields;
    private int cursor;
    private int lineEnd;

    private long line = 1;
    private long blankLines;
    private long badRows;
    private final List<BadRow> firstBadRows = new ArrayList<>();

    private int lastSubscriber = -1;

    LineWorker(int shard, int shards, ShardState state, InputKind kind, int[] columns, int badRowsToKeep) {
        this.shard = shard;
        this.shards = shards;
        this.state = state;
        this.kind = kind;
        this.columns = columns;
        int last = 0;
        for (int column : columns) {
            last = Math.max(last, column);
        }
        this.lastColumn = last;
        this.fieldStart = new int[last + 1];
        this.fieldEnd = new int[last + 1];
        this.badRowsToKeep = badRowsToKeep;
    }

    /** Reads every complete line of {@code [from, to)}; the last one may lack its newline. */
    void lines(byte[] b, int from, int to) {
        int pos = from;
        while (pos < to) {
            int newline = Bytes.indexOfNewline(b, pos, to);
            int end = newline < 0 ? to : newline;
            line++;
            int contentEnd = end > pos && b[end - 1] == '\r' ? end - 1 : end;
            if (contentEnd > pos) {
                row(b, pos, contentEnd);
            } else {
                blankLines++;
            }
            pos = newline < 0 ? to : newline + 1;
        }
        // Queued records point into this block, which goes back to the pool when this method returns.
        state.drain();
    }

    private void row(byte[] b, int from, int to) {
        fields = 0;
        cursor = from;
        lineEnd = to;
        int phone = columns[InputKind.PHONE];
        if (!splitTo(b, phone) || fieldStart[phone] == fieldEnd[phone]) {
            // A row without a subscriber belongs to no shard; shard 0 reports it.
            if (shard == 0) {
                bad(b, from, to, fields <= phone ? tooFewFields() : "phone_no_m is empty");
            }
            return;
        }
        int phoneFrom = fieldStart[phone];
        int phoneTo = fieldEnd[phone];
        long hash = Bytes.hash(b, phoneFrom, phoneTo);
        // Multiply-shift maps the hash's high half evenly onto the shards; dictionaries use the low half.
        if ((int) (((hash >>> 32) * shards) >>> 32) != shard) {
            return;
        }
        if (!splitTo(b, lastColumn)) {
            bad(b, from, to, tooFewFields());
            return;
        }
        String problem = switch (kind) {
            case CALLS -> call(b, phoneFrom, phoneTo, hash);
            case SMS -> sms(b, phoneFrom, phoneTo, hash);
            case USERS -> user(b, phoneFrom, phoneTo, hash);
        };
        if (problem != null) {
            bad(b, from, to, problem);
        }
    }

    private String call(byte[] b, int phoneFrom, int phoneTo, long hash) {
        int opposite = columns[InputKind.OPPOSITE];
        if (fieldStart[opposite] == fieldEnd[opposite]) {
            return "opposite_no_m is empty";
        }
        int type = callType(b, columns[InputKind.CALL_TYPE]);
        if (type < 1 || type > 3) {
            return "calltype_id must be 1, 2 or 3";
        }
        int start = columns[InputKind.START];
        long time = Bytes.parseDateTime(b, fieldStart[start], fieldEnd[start]);
        if (time == Bytes.INVALID) {
            return "start_datetime is not a date and time as yyyy-MM-dd HH:mm:ss";
        }
        int durationColumn = columns[InputKind.DURATION];
        long duration = Bytes.parseCount(b, fieldStart[durationColumn], fieldEnd[durationColumn]);
        if (duration == Bytes.INVALID || duration > Integer.MAX_VALUE) {
            return "call_dur is not a whole number of seconds";
        }
        int city = columns[InputKind.CITY];
        int county = columns[InputKind.COUNTY];
        int imei = columns[InputKind.IMEI];
        state.call(
                b,
                phoneFrom,
                phoneTo,
                hash,
                fieldStart[opposite],
                fieldEnd[opposite],
                type,
                time,
                duration,
                fieldStart[city],
                fieldEnd[city],
                fieldStart[county],
                fieldEnd[county],
                fieldStart[imei],
                fieldEnd[imei]);
        return null;
    }

    private String sms(byte[] b, int phoneFrom, int phoneTo, long hash) {
        int opposite = columns[InputKind.OPPOSITE];
        if (fieldStart[opposite] == fieldEnd[opposite]) {
            return "opposite_no_m is empty";
        }
        int type = callType(b, columns[InputKind.CALL_TYPE]);
        if (type < 1 || type > 2) {
            return "calltype_id must be 1 (sent) or 2 (received)";
        }
        int start = columns[InputKind.START];
        long time = Bytes.parseDateTime(b, fieldStart[start], fieldEnd[start]);
        if (time == Bytes.INVALID) {
            return "request_datetime is not a date and time as yyyy-MM-dd HH:mm:ss";
        }
        state.sms(subscriber(b, phoneFrom, phoneTo, hash), type == 1, time);
        return null;
    }

    private String user(byte[] b, int phoneFrom, int phoneTo, long hash) {
        int idcards = columns[InputKind.USER_IDCARDS];
        long count = fieldStart[idcards] == fieldEnd[idcards]
                ? 0
                : Bytes.parseCount(b, fieldStart[idcards], fieldEnd[idcards]);
        if (count == Bytes.INVALID || count > Integer.MAX_VALUE) {
            return "idcard_cnt is not a whole number";
        }
        int city = columns[InputKind.USER_CITY];
        state.user(subscriber(b, phoneFrom, phoneTo, hash), b, fieldStart[city], fieldEnd[city], (int) count);
        return null;
    }

    private int subscriber(byte[] b, int from, int to, long hash) {
        // Input grouped by subscriber repeats the same number row after row; checking the last id first
        // skips the dictionary probe.
        int last = lastSubscriber;
        if (last >= 0 && state.subscribers.is(last, b, from, to, hash)) {
            return last;
        }
        lastSubscriber = state.subscriber(b, from, to, hash);
        return lastSubscriber;
    }

    private int callType(byte[] b, int column) {
        return fieldEnd[column] - fieldStart[column] == 1 ? b[fieldStart[column]] - '0' : -1;
    }

    /**
     * Splits fields until the one at position {@code last} is known; false when the line has fewer. A field
     * that starts with a double quote runs to the next quote not doubled; its content excludes the quotes.
     */
    private boolean splitTo(byte[] b, int last) {
        while (fields <= last) {
            int start = cursor;
            if (start > lineEnd) {
                return false;
            }
            int end;
            if (start < lineEnd && b[start] == '"') {
                int close = start + 1;
                while (close < lineEnd && (b[close] != '"' || (close + 1 < lineEnd && b[close + 1] == '"'))) {
                    close += b[close] == '"' ? 2 : 1;
                }
                fieldStart[fields] = start + 1;
                fieldEnd[fields] = Math.min(close, lineEnd);
                end = close;
                while (end < lineEnd && b[end] != ',') {
                    end++;
                }
            } else {
                end = Bytes.indexOfComma(b, start, lineEnd);
                fieldStart[fields] = start;
                fieldEnd[fields] = end;
            }
            fields++;
            cursor = end + 1;
        }
        return true;
    }

    private String tooFewFields() {
        int found = fields;
        return "expected at least " + (lastColumn + 1) + " fields, found " + found;
    }

    private void bad(byte[] b, int from, int to, String problem) {
        badRows++;
        if (firstBadRows.size() < badRowsToKeep) {
            String text = new String(b, from, Math.min(to - from, TEXT_LIMIT * 3), StandardCharsets.UTF_8);
            if (text.length() > TEXT_LIMIT) {
                text = text.substring(0, TEXT_LIMIT);
            }
            firstBadRows.add(new BadRow(line, problem, text));
        }
    }

    long rows() {
        return line - 1 - blankLines;
    }

    long badRows() {
        return badRows;
    }

    List<BadRow> firstBadRows() {
        return firstBadRows;
    }
}

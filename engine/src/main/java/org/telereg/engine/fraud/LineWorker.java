package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the lines of read blocks, each line once, and routes each valid row, encoded as a {@link RecordBatch}
 * record, to the batch of the shard its subscriber hashes to. One per parsing thread; bad rows are counted and
 * kept here with their line number within the block, which {@link ParallelReader} turns into the line number in
 * the file once the blocks before are counted.
 */
final class LineWorker {

    private static final int TEXT_LIMIT = 120;
    /** What {@link #call} returns when the line must be scanned in full; compared by identity. */
    private static final String RESCAN = new String("rescan");

    private static final long NEWLINES = 0x0A0A0A0A0A0A0A0AL;
    private static final long COMMAS = 0x2C2C2C2C2C2C2C2CL;
    private static final long QUOTES = 0x2222222222222222L;
    private static final long LOW_SEVEN = 0x7F7F7F7F7F7F7F7FL;

    private final int parser;
    private final int shards;
    private final InputKind kind;
    private final int[] columns;
    private final int lastColumn;
    private final int badRowsToKeep;

    /** Start and end of each field of the current line, by position in the line, up to the last needed one. */
    private final int[] fieldStart;

    private final int[] fieldEnd;
    private int fields;
    /** The current line's first commas, as found by {@link #scan}, how many, and whether it has a quote. */
    private final int[] commaAt;

    private int commas;
    private boolean quoted;

    /**
     * Whether the field at each position of a calls line is one that {@link #call} checks byte by byte (digits, one
     * call type digit, a date and time), so that it cannot hide a comma, quote or newline.
     */
    private final boolean[] checkedField;
    /** Where the previous good line's first {@link #guessed} commas were, from its start. */
    private final int[] guess;

    private int guessed;
    /** The commas of the current line up to this many were taken from {@link #guess}, not scanned. */
    private int commasGuessed;

    /**
     * This parser's places: a few hundred at most, so a row's place becomes a small id here, and each shard learns
     * a place's bytes once, with the first batch sent to it after the place is new.
     */
    private final PlaceIds places = new PlaceIds();

    private final int[] placesSent;

    private final DateTimeReader dates = new DateTimeReader();

    private long line;
    private long blankLines;
    private long badRows;
    private List<BadRow> firstBadRows = new ArrayList<>();

    LineWorker(int parser, int shards, InputKind kind, int[] columns, int badRowsToKeep) {
        this.parser = parser;
        this.shards = shards;
        this.kind = kind;
        this.columns = columns;
        int last = 0;
        for (int column : columns) {
            last = Math.max(last, column);
        }
        this.lastColumn = last;
        this.fieldStart = new int[last + 1];
        this.fieldEnd = new int[last + 1];
        this.commaAt = new int[last + 1];
        this.guess = new int[last + 1];
        this.checkedField = new boolean[last + 1];
        if (kind == InputKind.CALLS) {
            for (int column : new int[] {
                InputKind.PHONE, InputKind.OPPOSITE, InputKind.CALL_TYPE, InputKind.START, InputKind.DURATION
            }) {
                checkedField[columns[column]] = true;
            }
        }
        this.badRowsToKeep = badRowsToKeep;
        this.placesSent = new int[shards];
    }

    /** What one block held: its lines, blank lines, bad rows and the first bad rows by line within the block. */
    record Lines(long lines, long blankLines, long badRows, List<BadRow> firstBadRows) {}

    /**
     * Parses every line of {@code [from, to)} (the last one may lack its newline) into {@code out}, one batch per
     * shard; {@code order} is the block's position in the file, kept with each users row.
     */
    Lines lines(byte[] b, int from, int to, long order, RecordBatch[] out) {
        line = 0;
        blankLines = 0;
        badRows = 0;
        firstBadRows = new ArrayList<>();
        int pos = from;
        while (pos < to) {
            line++;
            int end = -1;
            if (guessed > 0) {
                end = scanAfterGuess(b, pos, to);
                int contentEnd = contentEnd(b, pos, end);
                // A wrong guess (a field that does not check out) leaves nothing done: the line is scanned in full.
                if (commasGuessed == 0 || contentEnd == pos || !row(b, pos, contentEnd, order, out)) {
                    end = -1;
                }
            }
            if (end < 0) {
                commasGuessed = 0;
                end = scan(b, pos, to, 0);
                int contentEnd = contentEnd(b, pos, end);
                if (contentEnd > pos) {
                    row(b, pos, contentEnd, order, out);
                } else {
                    blankLines++;
                }
            }
            pos = end < to ? end + 1 : to;
        }
        for (int s = 0; s < shards; s++) {
            if (out[s].count > 0) {
                definePlaces(out[s], s);
            }
        }
        return new Lines(line, blankLines, badRows, firstBadRows);
    }

    private static int contentEnd(byte[] b, int from, int end) {
        return end > from && b[end - 1] == '\r' ? end - 1 : end;
    }

    /** Sends the shard the places that are new to it; it reads the batch's records after these. */
    private void definePlaces(RecordBatch batch, int shard) {
        int size = places.size();
        batch.firstPlace = placesSent[shard];
        byte[] arena = places.arena();
        for (int id = placesSent[shard]; id < size; id++) {
            batch.addPlace(arena, places.start(id), places.end(id), places.cityLength(id));
        }
        placesSent[shard] = size;
    }

    /**
     * Parses one line into its shard's batch, or counts it as bad; false, with nothing done, when the line's
     * guessed commas ({@link #scanAfterGuess}) turn out wrong and it must be scanned in full.
     */
    private boolean row(byte[] b, int from, int to, long order, RecordBatch[] out) {
        boolean guessedCommas = commasGuessed > 0;
        int phone = columns[InputKind.PHONE];
        if (quoted) {
            if (guessedCommas) {
                return false;
            }
            fields = CdrLineReader.split(b, from, to, fieldStart, fieldEnd, lastColumn);
        } else {
            // The commas found by scan() delimit the fields; the last field ends where the line does.
            int found = commas;
            fields = found + 1;
            int known = Math.min(found, lastColumn);
            fieldStart[0] = from;
            for (int k = 0; k < known; k++) {
                fieldEnd[k] = commaAt[k];
                fieldStart[k + 1] = commaAt[k] + 1;
            }
            fieldEnd[known] = known < found ? commaAt[known] : to;
        }
        if (fields <= phone || fieldStart[phone] == fieldEnd[phone] || fields <= lastColumn) {
            if (guessedCommas) {
                return false;
            }
            boolean noPhone = fields > phone && fieldStart[phone] == fieldEnd[phone];
            bad(b, from, to, noPhone ? "phone_no_m is empty" : tooFewFields());
            return true;
        }
        int phoneFrom = fieldStart[phone];
        int phoneTo = fieldEnd[phone];
        long key = RecordBatch.key(b, phoneFrom, phoneTo);
        if (key == 0 && guessedCommas) {
            return false;
        }
        // The subscriber's shard: multiply-shift maps the high half of the hash evenly onto the shards, and the
        // shard's own tables use the low half. A number hashes its key, a token its bytes, whatever the file.
        long hash = key != 0 ? Bytes.mix(key) : Bytes.hash(b, phoneFrom, phoneTo);
        RecordBatch batch = out[(int) (((hash >>> 32) * shards) >>> 32)];
        if (key == 0) {
            key = batch.keyOrToken(b, phoneFrom, phoneTo);
        }
        String problem = switch (kind) {
            case CALLS -> call(b, key, batch, guessedCommas);
            case SMS -> sms(b, key, batch);
            case USERS -> user(b, key, batch, (order << 32) | line);
        };
        if (problem == RESCAN) {
            return false;
        }
        if (problem != null) {
            bad(b, from, to, problem);
        } else if (!quoted) {
            learnCommas(from);
        }
        return true;
    }

    /** The layout of a good line, for guessing the next one's: where its leading checked fields end. */
    private void learnCommas(int from) {
        int known = 0;
        while (known < commas && checkedField[known]) {
            guess[known] = commaAt[known] - from;
            known++;
        }
        guessed = known;
    }

    /**
     * Parses a calls row into {@code batch}; returns its problem, or null. With {@code guessedCommas}, any field
     * that does not check out (a problem, or a number that is a token) returns {@link #RESCAN} before anything is
     * added: a wrong guess shows as such a field, and the full scan then decides.
     */
    private String call(byte[] b, long subscriber, RecordBatch batch, boolean guessedCommas) {
        int opposite = columns[InputKind.OPPOSITE];
        if (fieldStart[opposite] == fieldEnd[opposite]) {
            return guessedCommas ? RESCAN : "opposite_no_m is empty";
        }
        int type = callType(b, columns[InputKind.CALL_TYPE]);
        if (type < 1 || type > 3) {
            return guessedCommas ? RESCAN : "calltype_id must be 1, 2 or 3";
        }
        int start = columns[InputKind.START];
        long time = dates.read(b, fieldStart[start], fieldEnd[start]);
        if (time == Bytes.INVALID) {
            return guessedCommas ? RESCAN : "start_datetime is not a date and time as yyyy-MM-dd HH:mm:ss";
        }
        if (DateTimeReader.outOfRange(time)) {
            return guessedCommas ? RESCAN : "start_datetime " + DateTimeReader.OUT_OF_RANGE;
        }
        int durationColumn = columns[InputKind.DURATION];
        long duration = Bytes.parseCount(b, fieldStart[durationColumn], fieldEnd[durationColumn]);
        if (duration == Bytes.INVALID || duration > Integer.MAX_VALUE) {
            return guessedCommas ? RESCAN : "call_dur is not a whole number of seconds";
        }
        long counterpart = RecordBatch.key(b, fieldStart[opposite], fieldEnd[opposite]);
        if (counterpart == 0) {
            if (guessedCommas) {
                return RESCAN;
            }
            if (type != 3) {
                counterpart = batch.keyOrToken(b, fieldStart[opposite], fieldEnd[opposite]);
            }
        }
        if (type == 3) {
            counterpart = 0;
        }
        int imei = columns[InputKind.IMEI];
        long imeiKey = fieldStart[imei] == fieldEnd[imei] ? 0 : batch.keyOrToken(b, fieldStart[imei], fieldEnd[imei]);
        int city = columns[InputKind.CITY];
        int county = columns[InputKind.COUNTY];
        int place = places.id(b, fieldStart[city], fieldEnd[city], fieldStart[county], fieldEnd[county]);
        batch.add(subscriber, counterpart, imeiKey, time, RecordBatch.last(type, place, duration));
        return null;
    }

    private String sms(byte[] b, long subscriber, RecordBatch batch) {
        int opposite = columns[InputKind.OPPOSITE];
        if (fieldStart[opposite] == fieldEnd[opposite]) {
            return "opposite_no_m is empty";
        }
        int type = callType(b, columns[InputKind.CALL_TYPE]);
        if (type < 1 || type > 2) {
            return "calltype_id must be 1 (sent) or 2 (received)";
        }
        int start = columns[InputKind.START];
        long time = dates.read(b, fieldStart[start], fieldEnd[start]);
        if (time == Bytes.INVALID) {
            return "request_datetime is not a date and time as yyyy-MM-dd HH:mm:ss";
        }
        if (DateTimeReader.outOfRange(time)) {
            return "request_datetime " + DateTimeReader.OUT_OF_RANGE;
        }
        batch.add(subscriber, 0, 0, time, RecordBatch.last(type, 0, 0));
        return null;
    }

    private String user(byte[] b, long subscriber, RecordBatch batch, long position) {
        int idcards = columns[InputKind.USER_IDCARDS];
        long count = fieldStart[idcards] == fieldEnd[idcards]
                ? 0
                : Bytes.parseCount(b, fieldStart[idcards], fieldEnd[idcards]);
        if (count == Bytes.INVALID || count > Integer.MAX_VALUE) {
            return "idcard_cnt is not a whole number";
        }
        int city = columns[InputKind.USER_CITY];
        // The home city travels as a place without county, whose city the shard interns like any place's.
        int place = fieldStart[city] < fieldEnd[city] ? places.id(b, fieldStart[city], fieldEnd[city], 0, 0) : 0;
        batch.add(subscriber, count, position, 0, RecordBatch.last(0, place, 0));
        return null;
    }

    /**
     * {@link #scan} from just after the guessed commas that are there: lines of one file mostly share the lengths
     * of their leading fields (eleven-digit numbers, the call type, the date and time), so a comma where the
     * previous good line had one is taken as found. Only fields that {@link #call} checks byte by byte are guessed
     * this way, so a guessed comma that is not the field's real end leaves a field that fails its check (it holds
     * a comma, quote or newline, or the wrong length), and the line is scanned again in full.
     */
    private int scanAfterGuess(byte[] b, int from, int to) {
        int matched = 0;
        int limit = guessed;
        while (matched < limit) {
            int at = from + guess[matched];
            if (at >= to || b[at] != ',') {
                break;
            }
            commaAt[matched++] = at;
        }
        commasGuessed = matched;
        return matched == 0 ? from : scan(b, commaAt[matched - 1] + 1, to, matched);
    }

    /**
     * Finds the end of the line (its newline, or {@code to}) from {@code from}, where {@code found} of its commas
     * are known, and on the way its first {@code lastColumn + 1} commas and whether the rest has a double quote;
     * eight bytes per step. For a byte
     * compared by XOR, {@code ~(((x & 0x7F…) + 0x7F…) | x | 0x7F…)} sets the high bit of exactly the bytes that
     * are zero (the addition cannot carry out of a byte), so every flag is a real match, not only the lowest.
     */
    private int scan(byte[] b, int from, int to, int found) {
        int wanted = lastColumn + 1;
        long quotes = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long word = Bytes.longAt(b, i);
            long newlines = zeroBytes(word ^ NEWLINES);
            long commaFlags = zeroBytes(word ^ COMMAS);
            long quoteFlags = zeroBytes(word ^ QUOTES);
            if (newlines != 0) {
                // Only the flags below the first newline belong to this line.
                long before = (newlines & -newlines) - 1;
                commaFlags &= before;
                quoteFlags &= before;
            }
            quotes |= quoteFlags;
            while (commaFlags != 0 && found < wanted) {
                commaAt[found++] = i + (Long.numberOfTrailingZeros(commaFlags) >>> 3);
                commaFlags &= commaFlags - 1;
            }
            if (newlines != 0) {
                commas = found;
                quoted = quotes != 0;
                return i + (Long.numberOfTrailingZeros(newlines) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte c = b[i];
            if (c == '\n') {
                break;
            } else if (c == ',' && found < wanted) {
                commaAt[found++] = i;
            } else if (c == '"') {
                quotes = 1;
            }
        }
        commas = found;
        quoted = quotes != 0;
        return i;
    }

    private static long zeroBytes(long x) {
        return ~(((x & LOW_SEVEN) + LOW_SEVEN) | x | LOW_SEVEN);
    }

    private int callType(byte[] b, int column) {
        return fieldEnd[column] - fieldStart[column] == 1 ? b[fieldStart[column]] - '0' : -1;
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
}

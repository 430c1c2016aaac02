package org.telereg.engine.fraud;

/**
 * {@link Bytes#parseDateTime}, remembering the last date read: the lines of a file come roughly in time order, so
 * most share the previous line's date and only their time of day needs reading. One per reading thread.
 */
final class DateTimeReader {

    /**
     * The first and last second the engine keeps, 1932-01-01 00:00:00 and 2067-12-31 23:59:59: its state holds
     * seconds as ints from 2000-01-01. Records outside ({@link #outOfRange}) are refused with {@link #OUT_OF_RANGE}.
     */
    static final long FIRST_SECOND = Bytes.epochDay(1932, 1, 1) * 86_400L;

    private static final long LAST_SECOND = Bytes.epochDay(2068, 1, 1) * 86_400L - 1;

    static final String OUT_OF_RANGE = "lies outside 1932-01-01 to 2067-12-31";

    /** Whether a time read here lies outside what the engine keeps. */
    static boolean outOfRange(long time) {
        return time < FIRST_SECOND || time > LAST_SECOND;
    }

    private long dateHead;
    private int dateTail = -1;
    private long dateSeconds;

    /** Seconds of the {@code yyyy-MM-dd HH:mm:ss} in {@code [from, to)}, or {@link Bytes#INVALID}. */
    long read(byte[] b, int from, int to) {
        if (to - from != 19) {
            return Bytes.INVALID;
        }
        // The date's ten bytes, as a word and two bytes, are the key of the date last read.
        long head = Bytes.longAt(b, from);
        int tail = (b[from + 8] & 0xFF) | (b[from + 9] & 0xFF) << 8;
        if (head == dateHead && tail == dateTail) {
            long time = Bytes.parseTimeOfDay(b, from + 10);
            return time == Bytes.INVALID ? Bytes.INVALID : dateSeconds + time;
        }
        long time = Bytes.parseDateTime(b, from, to);
        if (time != Bytes.INVALID) {
            dateHead = head;
            dateTail = tail;
            dateSeconds = Math.floorDiv(time, 86_400L) * 86_400L;
        }
        return time;
    }
}

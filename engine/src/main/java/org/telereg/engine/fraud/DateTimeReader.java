package org.telereg.engine.fraud;

/**
 * {@link Bytes#parseDateTime}, remembering the last date read: the lines of a file come roughly in time order, so
 * most share the previous line's date and only their time of day needs reading. One per reading thread.
 */
final class DateTimeReader {

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

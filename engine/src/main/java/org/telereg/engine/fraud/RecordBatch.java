package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * The rows of one read block that belong to one shard, parsed and encoded by one {@link LineWorker} for the
 * thread that owns the shard. A record is {@link #STRIDE} longs, so a block's rows cross from the parsing thread
 * to the owning thread as a few flat arrays rather than an object per row:
 *
 * <ol>
 *   <li>the subscriber's key ({@link #key});
 *   <li>calls: the counterpart's key (0 for a forwarded call); users: the ID-card count;
 *   <li>calls: the IMEI's key, 0 when empty; users: the row's position in the file, for last-row-wins;
 *   <li>the time in seconds from {@link Bytes#parseDateTime};
 *   <li>the call or SMS type (bits 0–1), the parser's place id + 1 (bits 2–31, 0 for none) and the duration
 *       (bits 32–62).
 * </ol>
 *
 * <p>A field that is not all digits (an anonymised token) cannot be its own key; its bytes are copied into
 * {@link #side} and its key is {@link #TOKEN} with their offset, which the owning thread replaces by the id of the
 * token in its own dictionary. Places new to the shard travel with the batch the same way ({@link #addPlace}).
 * Batches are pooled and reused, so reading allocates nothing per row.
 */
final class RecordBatch {

    static final int STRIDE = 5;
    /** Marks a key that is not a number; below it, the offset in {@link #side} or an id in a dictionary. */
    static final long TOKEN = 1L << 62;

    private static final long VALUE_MASK = (1L << 57) - 1;

    final int parser;
    InputKind kind;
    long[] records = new long[STRIDE * 4096];
    int count;
    byte[] side = new byte[1 << 12];
    int sideSize;
    /** Places of the parser defined by this batch: ids {@code firstPlace …}, bytes at {@code placeAt}. */
    int firstPlace;

    int places;
    int[] placeAt = new int[16];
    int[] placeCityLength = new int[16];

    RecordBatch(int parser) {
        this.parser = parser;
    }

    void clear(InputKind kind) {
        this.kind = kind;
        count = 0;
        sideSize = 0;
        places = 0;
    }

    /**
     * The key of a field written as up to 17 digits: its value with its length above bit 57, so that a leading
     * zero still makes a different key and no key is 0; no hashing and no dictionary. 0 for anything else.
     */
    static long key(byte[] b, int from, int to) {
        int length = to - from;
        if (length <= 17) {
            long value = Bytes.parseCount(b, from, to);
            if (value != Bytes.INVALID) {
                return ((long) length << 57) | value;
            }
        }
        return 0;
    }

    /** The numeric value of a key, or -1 for a token. */
    static long number(long key) {
        return (key & TOKEN) != 0 ? -1 : key & VALUE_MASK;
    }

    /** The digits a numeric key was read from, leading zeros included. */
    static String digits(long key) {
        int length = (int) (key >>> 57);
        char[] text = new char[length];
        long value = key & VALUE_MASK;
        for (int i = length - 1; i >= 0; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(text);
    }

    /** The key of a field: {@link #key} when it is digits, else its bytes copied here as a token. */
    long keyOrToken(byte[] b, int from, int to) {
        long key = key(b, from, to);
        return key != 0 ? key : TOKEN | copy(b, from, to);
    }

    /** Copies the bytes behind its length (4 bytes) into {@link #side}; returns where the length is. */
    private int copy(byte[] b, int from, int to) {
        int length = to - from;
        if (sideSize + 4 + length > side.length) {
            side = Arrays.copyOf(side, Math.max(side.length * 2, sideSize + 4 + length));
        }
        int at = sideSize;
        side[at] = (byte) length;
        side[at + 1] = (byte) (length >>> 8);
        side[at + 2] = (byte) (length >>> 16);
        side[at + 3] = (byte) (length >>> 24);
        System.arraycopy(b, from, side, at + 4, length);
        sideSize = at + 4 + length;
        return at;
    }

    /** Start in {@link #side} of the bytes at {@code offset} (a token key's low bits or a place's offset). */
    static int start(int offset) {
        return offset + 4;
    }

    /** End in {@link #side} of the bytes at {@code offset}. */
    int end(int offset) {
        return offset
                + 4
                + ((side[offset] & 0xFF)
                        | (side[offset + 1] & 0xFF) << 8
                        | (side[offset + 2] & 0xFF) << 16
                        | (side[offset + 3] & 0xFF) << 24);
    }

    /** Defines the parser's next place for the shard: the key bytes (city, separator, county) and the city's length. */
    void addPlace(byte[] b, int from, int to, int cityLength) {
        if (places == placeAt.length) {
            placeAt = Arrays.copyOf(placeAt, places * 2);
            placeCityLength = Arrays.copyOf(placeCityLength, places * 2);
        }
        placeCityLength[places] = cityLength;
        placeAt[places++] = copy(b, from, to);
    }

    void add(long subscriber, long second, long third, long time, long last) {
        int at = count * STRIDE;
        if (at + STRIDE > records.length) {
            records = Arrays.copyOf(records, records.length * 2);
        }
        records[at] = subscriber;
        records[at + 1] = second;
        records[at + 2] = third;
        records[at + 3] = time;
        records[at + 4] = last;
        count++;
    }

    static long last(int type, int place, long duration) {
        return type | ((long) place << 2) | (duration << 32);
    }

    static int type(long last) {
        return (int) last & 3;
    }

    static int place(long last) {
        return (int) last >>> 2;
    }

    static long duration(long last) {
        return last >>> 32;
    }

    long footprint() {
        return 8L * records.length + side.length + 8L * placeAt.length;
    }
}

package org.telereg.streaming;

import java.util.Arrays;
import org.telereg.engine.fraud.CdrLineReader;
import org.telereg.engine.fraud.CompactFeatureAccumulator;

/**
 * Records of the subscribers of one bucket, in rows of longs: what travels from the parsing tasks to the subscriber stage
 * (keyed by bucket), so that Flink's per-record work — serializing, routing, keyed-state context — is paid once per
 * batch rather than once per record. Numbers travel as the engine's 64-bit keys ({@link
 * CompactFeatureAccumulator#numberKey}), places once per batch.
 *
 * <p>A record is a call (kinds 1 to 3, the call type), a message ({@link #SMS_SENT}, {@link #SMS_RECEIVED}) or the
 * news that another subscriber used one of this subscriber's IMEIs ({@link #IMEI_SHARED}); batches for the IMEI
 * stage hold only the subscriber, time and IMEI of calls ({@link #IMEI_USED}). Appending is for the
 * task that fills the batch; once emitted a batch is not changed.
 */
final class CdrBatch {

    static final byte SMS_SENT = 4;
    static final byte SMS_RECEIVED = 5;
    static final byte IMEI_SHARED = 6;
    /** A call's IMEI and subscriber only, for the IMEI stage. */
    static final byte IMEI_USED = 7;
    /** No IMEI (or no place) on a call. */
    static final long NONE = -1;

    final int bucket;
    int size;
    /**
     * The records in rows of {@link #STRIDE} longs, so that appending one writes one or two cache lines, not one in
     * each of ten columns: the subscriber's key, the time, the counterpart's key (0 for a token, unused for IMEI
     * records), the IMEI's key ({@link #NONE} for none, 0 for a token), and the kind, place index + 1 and duration
     * packed in one long.
     */
    private long[] rows;
    /** The texts of tokens (numbers without a key), three per record, made only once a batch has one. */
    private String[] tokens;

    static final int STRIDE = 5;
    private static final int SUBSCRIBER = 0;
    private static final int TIME = 1;
    private static final int COUNTERPART = 2;
    private static final int IMEI = 3;
    private static final int PACKED = 4;

    String[] cities = new String[0];
    String[] counties = new String[0];
    int placeCount;
    /** Index + 1 of each place in {@link #cities} by the id its reader gave it; 0 for none yet. */
    private int[] placeOfId;

    CdrBatch(int bucket, int capacity) {
        this.bucket = bucket;
        rows = new long[STRIDE * capacity];
    }

    /** The batch of one IMEI notice, in its subscriber's bucket: such notices are few and do not come in bulk. */
    static CdrBatch of(ImeiShared notice, int buckets) {
        CdrBatch batch = new CdrBatch(bucket(notice.subscriber(), buckets), 1);
        batch.add(notice);
        return batch;
    }

    void add(ImeiShared notice) {
        String subscriber = notice.subscriber();
        String imei = notice.imei();
        long subscriberKey = CompactFeatureAccumulator.numberKey(subscriber);
        long imeiKey = CompactFeatureAccumulator.numberKey(imei);
        append(IMEI_SHARED, notice.time(), subscriberKey, subscriber, 0, null, 0, imeiKey, imei, -1);
    }

    int bucket() {
        return bucket;
    }

    /** The bucket of a number (subscriber or IMEI) among {@code buckets}. */
    static int bucket(String number, int buckets) {
        return bucket(CompactFeatureAccumulator.numberKey(number), number, buckets);
    }

    /** The bucket of a number whose key is taken: the key's hash, or for a token (key 0) its text's, spread. */
    static int bucket(long key, String token, int buckets) {
        long h = (key != 0 ? key : token.hashCode()) * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(h >>> 32, (long) buckets);
    }

    /**
     * Adds the call {@code line} has just read. The subscriber's key, and its text when that is 0 (a token), the
     * caller has taken; the other numbers' texts are decoded only when they are tokens.
     */
    void addCall(CdrLineReader line, long subscriberKey, String subscriberToken) {
        long counterpartKey = line.counterpartKey();
        long imeiKey = line.hasImei() ? line.imeiKey() : NONE;
        append(
                (byte) line.type(),
                line.time(),
                subscriberKey,
                subscriberToken,
                counterpartKey,
                counterpartKey == 0 ? line.counterpartText() : null,
                line.duration(),
                imeiKey,
                imeiKey == 0 ? line.imeiText() : null,
                line.place() < 0 ? -1 : place(line.place(), line));
    }

    /** Adds the message {@code line} has just read; see {@link #addCall}. */
    void addSms(CdrLineReader line, long subscriberKey, String subscriberToken) {
        long counterpartKey = line.counterpartKey();
        append(
                line.type() == 1 ? SMS_SENT : SMS_RECEIVED,
                line.time(),
                subscriberKey,
                subscriberToken,
                counterpartKey,
                counterpartKey == 0 ? line.counterpartText() : null,
                0,
                NONE,
                null,
                -1);
    }

    /** Adds the subscriber, time and IMEI of the call with an IMEI that {@code line} has just read. */
    void addImeiUse(CdrLineReader line, long subscriberKey, String subscriberToken, String imeiToken) {
        append(IMEI_USED, line.time(), subscriberKey, subscriberToken, 0, null, 0, line.imeiKey(), imeiToken, -1);
    }

    /**
     * Appends a record. A number's text (or null) is kept only when its key is 0, a token: the serializer reads
     * records back with the tokens' texts alone.
     */
    void append(
            byte kind,
            long time,
            long subscriberKey,
            String subscriberText,
            long counterpartKey,
            String counterpartText,
            int duration,
            long imeiKey,
            String imeiText,
            int place) {
        String subscriberToken = subscriberKey == 0 ? subscriberText : null;
        String counterpartToken = counterpartKey == 0 ? counterpartText : null;
        String imeiToken = imeiKey == 0 ? imeiText : null;
        int at = size;
        if (STRIDE * (at + 1) > rows.length) {
            rows = Arrays.copyOf(rows, STRIDE * Math.max(4, 2 * at));
        }
        int row = STRIDE * at;
        rows[row + SUBSCRIBER] = subscriberKey;
        rows[row + TIME] = time;
        rows[row + COUNTERPART] = counterpartKey;
        rows[row + IMEI] = imeiKey;
        rows[row + PACKED] = (kind & 0xFFL) | ((long) (place + 1) << 8) | ((long) duration << 32);
        if (subscriberToken != null || counterpartToken != null || imeiToken != null) {
            if (tokens == null || tokens.length < 3 * (at + 1)) {
                tokens = tokens == null
                        ? new String[3 * (rows.length / STRIDE)]
                        : Arrays.copyOf(tokens, 3 * (rows.length / STRIDE));
            }
            tokens[3 * at] = subscriberToken;
            tokens[3 * at + 1] = counterpartToken;
            tokens[3 * at + 2] = imeiToken;
        }
        size = at + 1;
    }

    byte kind(int at) {
        return (byte) rows[STRIDE * at + PACKED];
    }

    long time(int at) {
        return rows[STRIDE * at + TIME];
    }

    int duration(int at) {
        return (int) (rows[STRIDE * at + PACKED] >>> 32);
    }

    /** The index of the call's place in {@link #cities} and {@link #counties}, -1 for none. */
    int place(int at) {
        return (int) ((rows[STRIDE * at + PACKED] >>> 8) & 0xFFFFFF) - 1;
    }

    /** The subscriber's key, 0 for a token. */
    long subscriberKey(int at) {
        return rows[STRIDE * at + SUBSCRIBER];
    }

    /** The counterpart's key, 0 for a token (then {@link #counterpartToken}); unused for an IMEI record. */
    long counterpart(int at) {
        return rows[STRIDE * at + COUNTERPART];
    }

    /** The IMEI's key: {@link #NONE} for a call without one, 0 for a token (then {@link #imeiToken}). */
    long imei(int at) {
        return rows[STRIDE * at + IMEI];
    }

    /** The subscriber's text when it is a token, else null. */
    String subscriberToken(int at) {
        return token(at, 0);
    }

    String counterpartToken(int at) {
        return token(at, 1);
    }

    String imeiToken(int at) {
        return token(at, 2);
    }

    private String token(int at, int which) {
        int i = 3 * at + which;
        return tokens == null || i >= tokens.length ? null : tokens[i];
    }

    /** The subscriber of a record as written. */
    String subscriber(int at) {
        long key = subscriberKey(at);
        return key != 0 ? CompactFeatureAccumulator.numberText(key) : subscriberToken(at);
    }

    /**
     * The index in this batch of the place a reader knows as {@code id}, added once: the reader's ids are dense and
     * few (a file's places), so a table by id finds it without comparing strings.
     */
    private int place(int id, CdrLineReader line) {
        if (placeOfId == null || id >= placeOfId.length) {
            placeOfId = placeOfId == null
                    ? new int[Math.max(64, id + 1)]
                    : Arrays.copyOf(placeOfId, Math.max(id + 1, 2 * placeOfId.length));
        }
        int index = placeOfId[id] - 1;
        if (index < 0) {
            if (placeCount == cities.length) {
                cities = Arrays.copyOf(cities, Math.max(4, placeCount * 2));
                counties = Arrays.copyOf(counties, Math.max(4, placeCount * 2));
            }
            index = placeCount++;
            cities[index] = line.city(id);
            counties[index] = line.county(id);
            placeOfId[id] = index + 1;
        }
        return index;
    }

    boolean isCall(int at) {
        return kind(at) <= 3;
    }

    /** The counterpart as written (for a late record's report). */
    String counterpartText(int at) {
        long key = counterpart(at);
        return key != 0 ? CompactFeatureAccumulator.numberText(key) : counterpartToken(at);
    }

    /** The IMEI of an IMEI notice, as written. */
    String imeiText(int at) {
        long key = imei(at);
        return key > 0 ? CompactFeatureAccumulator.numberText(key) : imeiToken(at);
    }
}

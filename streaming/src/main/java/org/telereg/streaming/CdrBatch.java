package org.telereg.streaming;

import java.util.Arrays;
import org.telereg.engine.fraud.CallRecord;
import org.telereg.engine.fraud.CompactFeatureAccumulator;
import org.telereg.engine.fraud.SmsRecord;

/**
 * Records of the subscribers of one bucket, in columns: what travels from the parsing tasks to the subscriber stage
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
    byte[] kinds;
    long[] times;
    int[] durations;
    String[] subscribers;
    /** Subscribers' keys, 0 for a token: taken while the number is fresh in the cache, read when serializing. */
    long[] subscriberKeys;
    /** Counterparts' keys, 0 for a token (then in {@link #counterpartTexts}); unused for an IMEI notice. */
    long[] counterparts;

    String[] counterpartTexts;
    /** IMEIs' keys, 0 for a token (then in {@link #imeiTexts}), {@link #NONE} for a call without one. */
    long[] imeis;

    String[] imeiTexts;
    /** Index of the record's place in {@link #cities} and {@link #counties}, -1 for none. */
    int[] places;

    String[] cities = new String[0];
    String[] counties = new String[0];
    int placeCount;
    /** Index + 1 of each place in {@link #cities}, by its hash; 0 for an empty slot. */
    private int[] placeTable;

    CdrBatch(int bucket, int capacity) {
        this.bucket = bucket;
        kinds = new byte[capacity];
        times = new long[capacity];
        durations = new int[capacity];
        subscribers = new String[capacity];
        subscriberKeys = new long[capacity];
        counterparts = new long[capacity];
        counterpartTexts = new String[capacity];
        imeis = new long[capacity];
        imeiTexts = new String[capacity];
        places = new int[capacity];
    }

    /** One record's batch, for the few events that do not come in bulk (IMEI notices) and for tests. */
    static CdrBatch of(int bucket, SubscriberEvent event) {
        CdrBatch batch = new CdrBatch(bucket, 1);
        batch.add(event);
        return batch;
    }

    int bucket() {
        return bucket;
    }

    void add(SubscriberEvent event) {
        add(event, CompactFeatureAccumulator.numberKey(event.subscriber()));
    }

    /** Adds a record whose subscriber's key ({@link CompactFeatureAccumulator#numberKey}) the caller has taken. */
    void add(SubscriberEvent event, long subscriberKey) {
        int at = claim();
        subscribers[at] = event.subscriber();
        subscriberKeys[at] = subscriberKey;
        times[at] = event.time();
        imeis[at] = NONE;
        places[at] = -1;
        if (event.call() != null) {
            CallRecord call = event.call();
            kinds[at] = (byte) call.type();
            durations[at] = call.duration();
            counterpart(at, call.counterpart());
            if (!call.imei().isEmpty()) {
                imei(at, call.imei());
            }
            if (!call.city().isEmpty() || !call.county().isEmpty()) {
                places[at] = place(call.city(), call.county());
            }
        } else if (event.sms() != null) {
            SmsRecord sms = event.sms();
            kinds[at] = sms.sent() ? SMS_SENT : SMS_RECEIVED;
            counterpart(at, sms.counterpart());
        } else {
            kinds[at] = IMEI_SHARED;
            imei(at, event.sharedImei());
        }
    }

    /** Adds the subscriber, time and IMEI of a call with an IMEI. */
    void addImeiUse(SubscriberEvent call) {
        int at = claim();
        subscribers[at] = call.subscriber();
        subscriberKeys[at] = CompactFeatureAccumulator.numberKey(call.subscriber());
        times[at] = call.time();
        kinds[at] = IMEI_USED;
        places[at] = -1;
        imei(at, call.imei());
    }

    private int claim() {
        if (size == kinds.length) {
            int grown = Math.max(4, size * 2);
            kinds = Arrays.copyOf(kinds, grown);
            times = Arrays.copyOf(times, grown);
            durations = Arrays.copyOf(durations, grown);
            subscribers = Arrays.copyOf(subscribers, grown);
            subscriberKeys = Arrays.copyOf(subscriberKeys, grown);
            counterparts = Arrays.copyOf(counterparts, grown);
            counterpartTexts = Arrays.copyOf(counterpartTexts, grown);
            imeis = Arrays.copyOf(imeis, grown);
            imeiTexts = Arrays.copyOf(imeiTexts, grown);
            places = Arrays.copyOf(places, grown);
        }
        return size++;
    }

    private void counterpart(int at, String text) {
        long key = CompactFeatureAccumulator.numberKey(text);
        counterparts[at] = key;
        counterpartTexts[at] = key == 0 ? text : null;
    }

    private void imei(int at, String text) {
        long key = CompactFeatureAccumulator.numberKey(text);
        imeis[at] = key;
        imeiTexts[at] = key == 0 ? text : null;
    }

    /**
     * The index of a place in this batch, added once: found through an open-addressing table of the two strings'
     * hashes (most calls of a batch share a few places), compared as strings.
     */
    int place(String city, String county) {
        if (placeTable == null) {
            placeTable = new int[16];
        }
        int mask = placeTable.length - 1;
        int slot = ((city.hashCode() * 31 + county.hashCode()) * 0x9E3779B1 >>> 8) & mask;
        for (int index = placeTable[slot]; index != 0; index = placeTable[slot]) {
            if (cities[index - 1].equals(city) && counties[index - 1].equals(county)) {
                return index - 1;
            }
            slot = (slot + 1) & mask;
        }
        if (placeCount == cities.length) {
            cities = Arrays.copyOf(cities, Math.max(4, placeCount * 2));
            counties = Arrays.copyOf(counties, Math.max(4, placeCount * 2));
        }
        cities[placeCount] = city;
        counties[placeCount] = county;
        placeTable[slot] = ++placeCount;
        if (placeCount * 2 > placeTable.length) {
            placeTable = new int[placeTable.length * 2];
            for (int i = 0; i < placeCount; i++) {
                int at = ((cities[i].hashCode() * 31 + counties[i].hashCode()) * 0x9E3779B1 >>> 8)
                        & (placeTable.length - 1);
                while (placeTable[at] != 0) {
                    at = (at + 1) & (placeTable.length - 1);
                }
                placeTable[at] = i + 1;
            }
        }
        return placeCount - 1;
    }

    boolean isCall(int at) {
        return kinds[at] <= 3;
    }

    /** The counterpart as written (for a late record's report). */
    String counterpartText(int at) {
        return counterparts[at] != 0 ? CompactFeatureAccumulator.numberText(counterparts[at]) : counterpartTexts[at];
    }

    /** The IMEI of an IMEI notice, as written. */
    String imeiText(int at) {
        return imeis[at] > 0 ? CompactFeatureAccumulator.numberText(imeis[at]) : imeiTexts[at];
    }
}

package org.telereg.streaming;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.telereg.engine.fraud.CompactFeatureAccumulator;

/**
 * Groups the parsed records of one input by subscriber bucket into {@link CdrBatch}es, so that the subscriber stage
 * receives, routes and opens keyed state once per batch. A batch leaves when it is full ({@link #FULL} records),
 * before a checkpoint barrier, and before a watermark that closes a day.
 *
 * <p>Watermarks that close no day are held back: downstream, a watermark matters only when it passes a day's close
 * (the only event-time timers, and the only thing that makes a record late), so holding the others changes no
 * verdict and no lateness, and lets batches fill between day closes instead of leaving, a few records each, with
 * every periodic watermark. A watermark that closes a day goes on at once, after every open batch: downstream sees
 * each record before the watermark that could make it late, exactly as record by record. No record stays in this
 * operator across a checkpoint, so it needs no state and exactly-once is Flink's as before.
 */
final class BucketBatches extends AbstractStreamOperator<CdrBatch>
        implements OneInputStreamOperator<SubscriberEvent, CdrBatch> {

    private static final long serialVersionUID = 1L;
    /** Records in a batch before it leaves without waiting for a watermark. */
    static final int FULL = 1024;

    private final int buckets;
    private final boolean byImei;
    private final FraudWindows windows;
    private transient CdrBatch[] open;
    /** Whether a watermark went on yet, and the last that did. */
    private transient boolean forwarded;

    private transient long forwardedWatermark;
    /** Size of each bucket's last batch: the next one starts that large, and rarely grows. */
    private transient int[] lastSize;

    private BucketBatches(int buckets, boolean byImei, FraudWindows windows) {
        this.buckets = buckets;
        this.byImei = byImei;
        this.windows = windows;
    }

    /** Batches of every record by subscriber bucket, for the subscriber stage. */
    static BucketBatches bySubscriber(int buckets, FraudWindows windows) {
        return new BucketBatches(buckets, false, windows);
    }

    /** Batches of the calls with an IMEI by IMEI bucket, for the IMEI stage ({@link ImeiSharing}). */
    static BucketBatches byImei(int buckets, FraudWindows windows) {
        return new BucketBatches(buckets, true, windows);
    }

    /** The bucket of a number (subscriber or IMEI). */
    static int bucket(String number, int buckets) {
        return bucket(CompactFeatureAccumulator.numberKey(number), number, buckets);
    }

    /** The bucket of a number whose key is taken: the key's hash, or for a token the string's, spread. */
    private static int bucket(long key, String number, int buckets) {
        long h = (key != 0 ? key : number.hashCode()) * 0x9E3779B97F4A7C15L;
        return (int) Math.floorMod(h >>> 32, (long) buckets);
    }

    @Override
    public void open() throws Exception {
        super.open();
        open = new CdrBatch[buckets];
        lastSize = new int[buckets];
    }

    @Override
    public void processElement(StreamRecord<SubscriberEvent> element) {
        SubscriberEvent event = element.getValue();
        String by = byImei ? event.imei() : event.subscriber();
        if (by == null) {
            return;
        }
        long key = CompactFeatureAccumulator.numberKey(by);
        int bucket = bucket(key, by, buckets);
        CdrBatch batch = open[bucket];
        if (batch == null) {
            batch = new CdrBatch(bucket, Math.max(16, lastSize[bucket]));
            open[bucket] = batch;
        }
        if (byImei) {
            batch.addImeiUse(event);
        } else {
            batch.add(event, key);
        }
        if (batch.size >= FULL) {
            emit(bucket);
        }
    }

    private void emit(int bucket) {
        lastSize[bucket] = open[bucket].size;
        output.collect(new StreamRecord<>(open[bucket]));
        open[bucket] = null;
    }

    private void emitAll() {
        for (int bucket = 0; bucket < open.length; bucket++) {
            if (open[bucket] != null) {
                emit(bucket);
            }
        }
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        long watermark = mark.getTimestamp();
        // dayOfTimer(w) is the last day whose close is at or before w: it changes exactly when w passes a close.
        if (forwarded && windows.dayOfTimer(watermark) == windows.dayOfTimer(forwardedWatermark)) {
            return;
        }
        emitAll();
        super.processWatermark(mark);
        forwarded = true;
        forwardedWatermark = watermark;
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        emitAll();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        emitAll();
        super.finish();
    }
}

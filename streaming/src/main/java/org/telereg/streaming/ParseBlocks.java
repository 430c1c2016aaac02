package org.telereg.streaming;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.flink.api.common.operators.ProcessingTimeService.ProcessingTimeCallback;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.runtime.watermarkstatus.WatermarkStatus;
import org.apache.flink.util.OutputTag;
import org.telereg.engine.fraud.CdrFormatException;
import org.telereg.engine.fraud.CdrLineReader;
import org.telereg.engine.fraud.CdrRowParser;

/**
 * Reads one input's blocks of lines (a replayed file's {@link ByteBlocks}, or Kafka record values of one or more
 * lines) with the engine's {@link CdrLineReader}, and gathers the records in {@link CdrBatch}es: every record by
 * subscriber bucket for the subscriber stage (the main output), and each call with an IMEI by IMEI bucket for the
 * IMEI stage ({@link #IMEI_USES}), but only the first of a subscriber's calls with one IMEI on one day between two
 * watermarks or barriers ({@link ImeiUsesSeen}). A bad line goes to {@link #REJECTED} and the {@code badRecords}
 * counter; a header line (top of a replayed file) is skipped after checking that it orders the columns as
 * configured. Nothing is allocated per good line but its place in a batch: numbers travel as keys, places as ids.
 *
 * <p><b>Event time.</b> The operator makes the input's watermarks itself, from the records' own times, bounded
 * by the out-of-orderness (the newest time seen less it, less a millisecond, as Flink's bounded out-of-orderness
 * strategy does), and stops holding downstream's watermark back after the idleness without records. It forwards a
 * watermark only when it passes a day's close: downstream a watermark matters only then (the only event-time
 * timers, and the only thing that makes a record late), and batches fill between day closes instead of leaving,
 * a few records each, with every watermark.
 *
 * <p><b>Batches</b> leave when they hold {@link #FULL} records, and all of them before a watermark goes on, before
 * a checkpoint barrier, and before the input is marked idle: downstream sees every record before the watermark
 * that could make it late, exactly as record by record, and no record stays here across a checkpoint, so the
 * operator needs no state and exactly-once is Flink's as before.
 */
final class ParseBlocks extends AbstractStreamOperator<CdrBatch>
        implements OneInputStreamOperator<byte[], CdrBatch>, ProcessingTimeCallback {

    private static final long serialVersionUID = 1L;

    static final OutputTag<Rejected> REJECTED = new OutputTag<>("rejected") {};
    /** The calls with an IMEI, by IMEI bucket, for {@link ImeiSharing}. */
    static final OutputTag<CdrBatch> IMEI_USES = new OutputTag<>("imei-uses", CdrBatchSerializer.TYPE);
    /** Records in a batch before it leaves without waiting for a watermark. */
    static final int FULL = 1024;

    private final String input;
    private final boolean calls;
    private final String header;
    private final int buckets;
    private final FraudWindows windows;
    private final long outOfOrdernessMillis;
    private final long idlenessMillis;

    private transient CdrRowParser parser;
    private transient CdrLineReader reader;
    private transient Counter badRecords;
    private transient CdrBatch[] bySubscriber;
    private transient CdrBatch[] byImei;
    /** Size of each bucket's last batch: the next one starts that large, and rarely grows. */
    private transient int[] lastSize;

    private transient int[] lastImeiSize;
    /** The IMEI uses sent since the last watermark or barrier: each goes to the IMEI stage once. */
    private transient ImeiUsesSeen sent;
    /** The newest record time seen, in milliseconds, and the earliest day of a record. */
    private transient long newest;

    private transient long earliestDay;
    /** Whether a watermark went on yet, and the last that did. */
    private transient boolean forwarded;

    private transient long forwardedWatermark;
    private transient boolean idle;
    /** Processing time of the last block. */
    private transient long lastBlock;

    /**
     * @param input {@code calls} or {@code sms}
     * @param header the header whose column order the lines follow
     */
    ParseBlocks(
            String input, String header, int buckets, FraudWindows windows, Duration outOfOrderness, Duration idleness)
            throws CdrFormatException {
        this.input = input;
        this.calls = input.equals("calls");
        this.header = header;
        this.buckets = buckets;
        this.windows = windows;
        this.outOfOrdernessMillis = outOfOrderness.toMillis();
        this.idlenessMillis = idleness.toMillis();
        parser(); // refuses a bad header when the job is built, not when it runs
    }

    private CdrRowParser parser() throws CdrFormatException {
        return calls ? CdrRowParser.calls(input, header) : CdrRowParser.sms(input, header);
    }

    @Override
    public void open() throws Exception {
        super.open();
        parser = parser();
        reader = parser.reader();
        badRecords = getRuntimeContext().getMetricGroup().counter("badRecords");
        bySubscriber = new CdrBatch[buckets];
        byImei = new CdrBatch[buckets];
        lastSize = new int[buckets];
        lastImeiSize = new int[buckets];
        sent = new ImeiUsesSeen();
        newest = Long.MIN_VALUE;
        earliestDay = Long.MAX_VALUE;
        if (idlenessMillis > 0) {
            lastBlock = getProcessingTimeService().getCurrentProcessingTime();
            getProcessingTimeService().registerTimer(lastBlock + idlenessMillis, this);
        }
    }

    @Override
    public void processElement(StreamRecord<byte[]> element) {
        if (idle) {
            idle = false;
            output.emitWatermarkStatus(WatermarkStatus.ACTIVE);
        }
        if (idlenessMillis > 0) {
            lastBlock = getProcessingTimeService().getCurrentProcessingTime();
        }
        byte[] block = element.getValue();
        for (int from = 0; from < block.length; ) {
            int to = CdrLineReader.lineEnd(block, from, block.length);
            line(block, from, to);
            from = to + 1;
        }
        if (newest == Long.MIN_VALUE) {
            return;
        }
        long watermark = newest - outOfOrdernessMillis - 1;
        // dayOfTimer(w) is the last day whose close is at or before w: it changes exactly when w passes a close.
        // The first watermark to go on is the one that closes the earliest day of a record.
        long closed = windows.dayOfTimer(watermark);
        if (forwarded ? closed != windows.dayOfTimer(forwardedWatermark) : closed >= earliestDay) {
            forward(new Watermark(watermark));
        }
    }

    private void line(byte[] b, int from, int to) {
        CdrLineReader.Line line = reader.read(b, from, to);
        switch (line) {
            case CALL, SMS -> {
                long subscriber = reader.subscriberKey();
                String text = subscriber == 0 ? reader.subscriberText() : null;
                int bucket = CdrBatch.bucket(subscriber, text, buckets);
                CdrBatch batch = batch(bySubscriber, lastSize, bucket);
                if (line == CdrLineReader.Line.CALL) {
                    batch.addCall(reader, subscriber, text);
                } else {
                    batch.addSms(reader, subscriber, text);
                }
                if (batch.size >= FULL) {
                    leave(bySubscriber, lastSize, bucket, null);
                }
                long day = FraudWindows.day(reader.time());
                if (line == CdrLineReader.Line.CALL
                        && reader.hasImei()
                        && sent.add(day, reader.imeiKey(), subscriber)) {
                    long imei = reader.imeiKey();
                    String imeiText = imei == 0 ? reader.imeiText() : null;
                    int imeiBucket = CdrBatch.bucket(imei, imeiText, buckets);
                    CdrBatch uses = batch(byImei, lastImeiSize, imeiBucket);
                    uses.addImeiUse(reader, subscriber, text, imeiText);
                    if (uses.size >= FULL) {
                        leave(byImei, lastImeiSize, imeiBucket, IMEI_USES);
                    }
                }
                newest = Math.max(newest, reader.time() * 1000);
                earliestDay = Math.min(earliestDay, day);
            }
            case BAD -> {
                if (parser.isHeader(b, from, to)) {
                    header(b, from, to);
                } else {
                    badRecords.inc();
                    output.collect(
                            REJECTED,
                            new StreamRecord<>(new Rejected(Rejected.BAD, input, reader.problem(), reader.lineText())));
                }
            }
            default -> {
                // A blank line, skipped as the batch scan skips it; users lines are not streamed.
            }
        }
    }

    /**
     * A header line is never a good record (its call type is not a digit), so it is looked for only among the
     * bad ones; a data line whose subscriber spells {@code phone_no_m} is read as data.
     */
    private void header(byte[] b, int from, int to) {
        if (!parser.hasColumnsOf(b, from, to)) {
            throw new IllegalStateException("a " + input + " file has the header '"
                    + new String(b, from, to - from, StandardCharsets.UTF_8).strip()
                    + "', which orders the columns otherwise than the configured '" + header + "'");
        }
    }

    private static CdrBatch batch(CdrBatch[] open, int[] sizes, int bucket) {
        CdrBatch batch = open[bucket];
        if (batch == null) {
            batch = new CdrBatch(bucket, Math.max(16, sizes[bucket]));
            open[bucket] = batch;
        }
        return batch;
    }

    private void leave(CdrBatch[] open, int[] sizes, int bucket, OutputTag<CdrBatch> tag) {
        sizes[bucket] = open[bucket].size;
        if (tag == null) {
            output.collect(new StreamRecord<>(open[bucket]));
        } else {
            output.collect(tag, new StreamRecord<>(open[bucket]));
        }
        open[bucket] = null;
    }

    private void leaveAll() {
        sent.clear();
        for (int bucket = 0; bucket < buckets; bucket++) {
            if (bySubscriber[bucket] != null) {
                leave(bySubscriber, lastSize, bucket, null);
            }
            if (byImei[bucket] != null) {
                leave(byImei, lastImeiSize, bucket, IMEI_USES);
            }
        }
    }

    private void forward(Watermark mark) {
        leaveAll();
        output.emitWatermark(mark);
        forwarded = true;
        forwardedWatermark = mark.getTimestamp();
    }

    /** Only the end of input's watermark comes from upstream (the sources make none); the rest are made here. */
    @Override
    public void processWatermark(Watermark mark) {
        if (mark.getTimestamp() == Long.MAX_VALUE) {
            forward(mark);
        }
    }

    /** This operator decides its own output's idleness. */
    @Override
    public void processWatermarkStatus(WatermarkStatus status) {}

    /** Marks the output idle once no block came for the idleness, after sending every open batch. */
    @Override
    public void onProcessingTime(long time) {
        if (!idle && time - lastBlock >= idlenessMillis) {
            leaveAll();
            idle = true;
            output.emitWatermarkStatus(WatermarkStatus.IDLE);
        }
        long next = idle ? time + idlenessMillis : Math.max(time + 1, lastBlock + idlenessMillis);
        getProcessingTimeService().registerTimer(next, this);
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        leaveAll();
        super.prepareSnapshotPreBarrier(checkpointId);
    }

    @Override
    public void finish() throws Exception {
        leaveAll();
        super.finish();
    }
}

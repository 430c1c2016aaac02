package org.telereg.streaming;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first of two stages for {@code shared_imeis}, keyed by IMEI bucket and fed batches of calls with an IMEI
 * ({@link BucketBatches#byImei}): per IMEI and period, the IMEI's first subscriber, until a second one shows it is
 * shared. Then it tells the first subscriber and every later one (one event per call of a subscriber other than the
 * first, which {@link SubscriberWindows} absorbs), stamped with the time of the call that showed it, so that the
 * news reaches the subscriber stage before its period closes. State per IMEI and period: one number; cleared by the
 * bucket's timer when the period closes.
 */
final class ImeiSharing extends KeyedProcessFunction<Integer, CdrBatch, ImeiShared> {

    private static final long serialVersionUID = 1L;
    /** Stands for "shared" in place of the first subscriber's number. */
    private static final String SHARED = "";

    private final FraudWindows windows;

    /** By "period:IMEI" (the period's first day, the IMEI as written): the first subscriber, or {@link #SHARED}. */
    private transient MapState<String, String> firstUsers;

    ImeiSharing(FraudWindows windows) {
        this.windows = windows;
    }

    @Override
    public void open(OpenContext context) {
        firstUsers = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("first-users", StringSerializer.INSTANCE, StringSerializer.INSTANCE));
    }

    @Override
    public void processElement(CdrBatch batch, Context context, Collector<ImeiShared> out) throws Exception {
        long watermark = context.timerService().currentWatermark();
        for (int at = 0; at < batch.size; at++) {
            long time = batch.time(at);
            long period = windows.periodStart(FraudWindows.day(time));
            long closes = windows.dayCloses(windows.periodEnd(period));
            if (closes <= watermark) {
                continue; // the period has closed: the subscriber stage reports the record as late
            }
            String imei = batch.imeiText(at);
            String subscriber = batch.subscriber(at);
            String key = period + ":" + imei;
            String first = firstUsers.get(key);
            if (first == null) {
                firstUsers.put(key, subscriber);
                context.timerService().registerEventTimeTimer(closes);
            } else if (first.equals(SHARED)) {
                out.collect(new ImeiShared(subscriber, time, imei));
            } else if (!first.equals(subscriber)) {
                firstUsers.put(key, SHARED);
                out.collect(new ImeiShared(first, time, imei));
                out.collect(new ImeiShared(subscriber, time, imei));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ImeiShared> out) throws Exception {
        String prefix = windows.periodStart(windows.dayOfTimer(timestamp)) + ":";
        List<String> closed = new ArrayList<>();
        for (String key : firstUsers.keys()) {
            if (key.startsWith(prefix)) {
                closed.add(key);
            }
        }
        for (String key : closed) {
            firstUsers.remove(key);
        }
    }
}

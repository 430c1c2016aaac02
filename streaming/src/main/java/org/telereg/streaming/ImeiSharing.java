package org.telereg.streaming;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first of two stages for {@code shared_imeis}, keyed by IMEI: per period, the IMEI's first subscriber, until
 * a second one shows it is shared. Then it tells the first subscriber and every later one (one event per call of a
 * subscriber other than the first, which {@link SubscriberWindows} absorbs), stamped with the time of the call
 * that showed it, so that the news reaches the subscriber stage before its period closes. State per IMEI and
 * period: one number; cleared by a timer when the period closes.
 */
final class ImeiSharing extends KeyedProcessFunction<String, SubscriberEvent, SubscriberEvent> {

    private static final long serialVersionUID = 1L;
    /** Stands for "shared" in place of the first subscriber's number. */
    private static final String SHARED = "";

    private final FraudWindows windows;

    private transient MapState<Long, String> firstUsers;

    ImeiSharing(FraudWindows windows) {
        this.windows = windows;
    }

    @Override
    public void open(OpenContext context) {
        firstUsers = getRuntimeContext()
                .getMapState(
                        new MapStateDescriptor<>("first-users", LongSerializer.INSTANCE, StringSerializer.INSTANCE));
    }

    @Override
    public void processElement(SubscriberEvent event, Context context, Collector<SubscriberEvent> out)
            throws Exception {
        String imei = context.getCurrentKey();
        long period = windows.periodStart(FraudWindows.day(event.time()));
        long closes = windows.dayCloses(windows.periodEnd(period));
        if (closes <= context.timerService().currentWatermark()) {
            return; // the period has closed: the subscriber stage reports the record as late
        }
        String first = firstUsers.get(period);
        if (first == null) {
            firstUsers.put(period, event.subscriber());
            context.timerService().registerEventTimeTimer(closes);
        } else if (first.equals(SHARED)) {
            out.collect(SubscriberEvent.imeiShared(event.subscriber(), event.time(), imei));
        } else if (!first.equals(event.subscriber())) {
            firstUsers.put(period, SHARED);
            out.collect(SubscriberEvent.imeiShared(first, event.time(), imei));
            out.collect(SubscriberEvent.imeiShared(event.subscriber(), event.time(), imei));
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<SubscriberEvent> out) throws Exception {
        firstUsers.remove(windows.periodStart(windows.dayOfTimer(timestamp)));
    }
}

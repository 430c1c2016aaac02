package org.telereg.streaming;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * The first of two stages for {@code shared_imeis}, keyed by IMEI bucket and fed batches of calls with an IMEI
 * ({@link ParseBlocks#IMEI_USES}): per IMEI and period, the IMEI's first subscriber, until a second one shows it is
 * shared. Then it tells the first subscriber and every later one (one event per use it receives of a subscriber
 * other than the first, which {@link SubscriberWindows} absorbs; a parse task sends a subscriber's use of an IMEI on a
 * day once between two watermarks or barriers), stamped with the time of the call that showed it, so that the
 * news reaches the subscriber stage before its period closes. State per IMEI and period: one number; cleared by the
 * bucket's timer when the period closes.
 */
final class ImeiSharing extends KeyedProcessFunction<Integer, CdrBatch, ImeiShared> {

    private static final long serialVersionUID = 1L;

    private final FraudWindows windows;

    /** By period and IMEI: the IMEI's first subscriber in the period, or {@link #shared} once a second one used it. */
    private transient MapState<NumberOnDay, NumberOnDay> firstUsers;

    ImeiSharing(FraudWindows windows) {
        this.windows = windows;
    }

    @Override
    public void open(OpenContext context) {
        TypeInformation<NumberOnDay> type = TypeInformation.of(NumberOnDay.class);
        firstUsers = getRuntimeContext().getMapState(new MapStateDescriptor<>("first-users", type, type));
    }

    /** Stands for "shared" in place of the first subscriber: no number has a negative key. */
    private static NumberOnDay shared(long period) {
        return new NumberOnDay(period, -1, null);
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
            NumberOnDay imei = new NumberOnDay(period, batch.imei(at), batch.imeiToken(at));
            NumberOnDay subscriber = new NumberOnDay(period, batch.subscriberKey(at), batch.subscriberToken(at));
            NumberOnDay first = firstUsers.get(imei);
            if (first == null) {
                firstUsers.put(imei, subscriber);
                context.timerService().registerEventTimeTimer(closes);
            } else if (first.key() < 0) {
                out.collect(new ImeiShared(subscriber.text(), time, imei.text()));
            } else if (!first.equals(subscriber)) {
                firstUsers.put(imei, shared(period));
                out.collect(new ImeiShared(first.text(), time, imei.text()));
                out.collect(new ImeiShared(subscriber.text(), time, imei.text()));
            }
        }
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ImeiShared> out) throws Exception {
        long period = windows.periodStart(windows.dayOfTimer(timestamp));
        List<NumberOnDay> closed = new ArrayList<>();
        for (NumberOnDay imei : firstUsers.keys()) {
            if (imei.day() == period) {
                closed.add(imei);
            }
        }
        for (NumberOnDay imei : closed) {
            firstUsers.remove(imei);
        }
    }
}

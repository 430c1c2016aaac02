package org.telereg.streaming;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.TimerService;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.telereg.engine.fraud.CompactFeatureAccumulator;
import org.telereg.engine.fraud.FeatureSettings;
import org.telereg.engine.fraud.FeatureTable;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.Verdict;

/**
 * Keyed by subscriber bucket, fed {@link CdrBatch}es: per subscriber of the bucket, one engine {@link
 * CompactFeatureAccumulator} per open day (map state by subscriber-day) and one per period holding the days already
 * closed (map state by subscriber, {@link SubscriberDays}). When a day closes (the bucket's event-time timer: the
 * day's end plus the allowed lateness) each subscriber's accumulator of that day is scored alone ({@code day}) and
 * merged into the period's, which is scored too ({@code to_date}, from the period's first day to this one); the
 * day's state goes, and the period's when its last day closes. Scoring is the engine's ({@link FraudModel#score});
 * this class only decides what to score when. One timer per bucket and day, not per subscriber and day.
 *
 * <p>A call or message whose day has closed is late: counted ({@code lateRecords}) and sent to {@link #LATE}.
 * News of a shared IMEI is not a record: it goes to the period if its day has closed.
 */
final class SubscriberWindows extends KeyedProcessFunction<Integer, CdrBatch, ScoredWindow> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<Rejected> LATE = new OutputTag<>("late") {};

    private final String modelText;
    private final FraudWindows windows;
    private final boolean withSms;
    private final boolean allVerdicts;

    private transient FraudModel model;
    private transient FeatureSettings settings;
    /**
     * Per open day and subscriber of the bucket ("day:number", the day as days since 1970-01-01), the day's
     * accumulator: one entry per subscriber-day, so that a record reads and writes only its own day's accumulator
     * (with RocksDB each access is a copy, and a replay with a long allowed lateness keeps a month of days open).
     */
    private transient MapState<String, CompactFeatureAccumulator> days;
    /** The day whose key prefix {@link #dayPrefix} holds (records of a batch mostly share their day). */
    private transient long prefixDay;

    private transient String dayPrefix;
    /** Per subscriber of the bucket, its open periods' accumulators (the closed days), by the period's first day. */
    private transient MapState<String, SubscriberDays> periods;

    private transient Counter lateRecords;

    private transient BatchDays batchDays;

    /**
     * @param modelText the model file's text ({@link FraudModel#format()})
     * @param withSms whether the job reads SMS records (else the SMS features are unknown to the model)
     * @param allVerdicts whether to emit every verdict rather than only the flagged ones
     */
    SubscriberWindows(String modelText, FraudWindows windows, boolean withSms, boolean allVerdicts) {
        this.modelText = modelText;
        this.windows = windows;
        this.withSms = withSms;
        this.allVerdicts = allVerdicts;
    }

    @Override
    public void open(OpenContext context) {
        model = FraudModel.parse(modelText, "model");
        settings = model.settings();
        days = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "days", StringSerializer.INSTANCE, CompactAccumulatorSerializer.INSTANCE));
        prefixDay = Long.MIN_VALUE;
        periods = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "periods", StringSerializer.INSTANCE, SubscriberDays.Serializer.INSTANCE));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
        batchDays = new BatchDays();
    }

    /**
     * A batch's records of one subscriber-day share its accumulator: it is read from state once per batch and
     * written back once, after all of them, rather than read and written for every record (the state access and
     * the key's text cost more than the engine's work on a record).
     */
    @Override
    public void processElement(CdrBatch batch, Context context, Collector<ScoredWindow> out) throws Exception {
        TimerService timers = context.timerService();
        long watermark = timers.currentWatermark();
        BatchDays touched = batchDays;
        touched.clear();
        for (int at = 0; at < batch.size; at++) {
            long day = FraudWindows.day(batch.time(at));
            if (windows.dayCloses(day) <= watermark) {
                late(batch, at, day, watermark, context);
                continue;
            }
            long subscriberKey = batch.subscriberKey(at);
            // A number is found by its key; only a token needs its text here.
            CompactFeatureAccumulator accumulator = touched.find(day, subscriberKey, batch.subscriberToken(at));
            if (accumulator == null) {
                String subscriber = batch.subscriber(at);
                String key = prefix(day) + subscriber;
                accumulator = days.get(key);
                if (accumulator == null) {
                    accumulator = new CompactFeatureAccumulator();
                    timers.registerEventTimeTimer(windows.dayCloses(day));
                    timers.registerEventTimeTimer(windows.dayCloses(windows.periodEnd(windows.periodStart(day))));
                }
                touched.add(day, subscriberKey, subscriber, key, accumulator);
            }
            add(batch, at, accumulator);
        }
        for (int i = 0; i < touched.size; i++) {
            days.put(touched.stateKeys[i], touched.accumulators[i]);
        }
    }

    /** "day:", the start of the keys of a day's accumulators. */
    private String prefix(long day) {
        if (day != prefixDay) {
            prefixDay = day;
            dayPrefix = day + ":";
        }
        return dayPrefix;
    }

    private void add(CdrBatch batch, int at, CompactFeatureAccumulator accumulator) {
        byte kind = batch.kind(at);
        if (batch.isCall(at)) {
            long imei = batch.imei(at);
            int place = batch.place(at);
            accumulator.call(
                    kind,
                    batch.time(at),
                    batch.duration(at),
                    batch.counterpart(at),
                    batch.counterpartToken(at),
                    imei == CdrBatch.NONE ? 0 : imei,
                    batch.imeiToken(at),
                    place < 0 ? "" : batch.cities[place],
                    place < 0 ? "" : batch.counties[place],
                    settings);
        } else if (kind == CdrBatch.IMEI_SHARED) {
            accumulator.imeiShared(batch.imeiText(at));
        } else {
            accumulator.sms(kind == CdrBatch.SMS_SENT, batch.time(at));
        }
    }

    /** A record for a closed day: news of a shared IMEI goes to the period, a call or message is reported late. */
    private void late(CdrBatch batch, int at, long day, long watermark, Context context) throws Exception {
        String subscriber = batch.subscriber(at);
        if (batch.kind(at) == CdrBatch.IMEI_SHARED) {
            SubscriberDays open = periods.get(subscriber);
            CompactFeatureAccumulator period = open == null ? null : open.get(windows.periodStart(day));
            if (period != null) {
                period.imeiShared(batch.imeiText(at));
                periods.put(subscriber, open);
            }
            return;
        }
        lateRecords.inc();
        context.output(
                LATE,
                new Rejected(
                        Rejected.LATE,
                        batch.isCall(at) ? "calls" : "sms",
                        "day " + FraudWindows.date(day) + " closed; watermark " + watermark + " ms",
                        subscriber + " at " + batch.time(at) + " s"));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ScoredWindow> out) throws Exception {
        long day = windows.dayOfTimer(timestamp);
        long start = windows.periodStart(day);
        boolean last = day == windows.periodEnd(start);
        // Changes are applied after each iteration, which a removal would break; the puts matter to a backend that
        // keeps bytes (RocksDB), not to the heap, where the objects changed are the state.
        List<String> closedDays = new ArrayList<>();
        Map<String, SubscriberDays> changedPeriods = new HashMap<>();
        String prefix = prefix(day);
        for (Map.Entry<String, CompactFeatureAccumulator> entry : days.entries()) {
            if (!entry.getKey().startsWith(prefix)) {
                continue;
            }
            closedDays.add(entry.getKey());
            String subscriber = entry.getKey().substring(prefix.length());
            CompactFeatureAccumulator today = entry.getValue();
            SubscriberDays open = periods.get(subscriber);
            if (open == null) {
                open = new SubscriberDays();
            }
            CompactFeatureAccumulator period = open.get(start);
            if (period == null) {
                period = open.open(start);
            }
            period.merge(today);
            if (today.isActive()) {
                // An IMEI used today may have been shared earlier in the period, or later today.
                today.imeisSharedIn(period);
                emit(out, subscriber, today, ScoredWindow.DAY, day, day, true);
            }
            if (period.isActive()) {
                emit(out, subscriber, period, ScoredWindow.TO_DATE, start, day, last);
            }
            changedPeriods.put(subscriber, open);
        }
        if (last) {
            // The period's complete verdict also for the subscribers silent on its last day.
            for (Map.Entry<String, SubscriberDays> entry : periods.entries()) {
                CompactFeatureAccumulator period = entry.getValue().get(start);
                if (period != null && !changedPeriods.containsKey(entry.getKey())) {
                    if (period.isActive()) {
                        emit(out, entry.getKey(), period, ScoredWindow.TO_DATE, start, day, true);
                    }
                    changedPeriods.put(entry.getKey(), entry.getValue());
                }
            }
            for (SubscriberDays open : changedPeriods.values()) {
                open.close(start);
            }
        }
        for (String key : closedDays) {
            days.remove(key);
        }
        store(periods, changedPeriods);
    }

    private static void store(MapState<String, SubscriberDays> state, Map<String, SubscriberDays> changed)
            throws Exception {
        for (Map.Entry<String, SubscriberDays> entry : changed.entrySet()) {
            if (entry.getValue().isEmpty()) {
                state.remove(entry.getKey());
            } else {
                state.put(entry.getKey(), entry.getValue());
            }
        }
    }

    private void emit(
            Collector<ScoredWindow> out,
            String subscriber,
            CompactFeatureAccumulator accumulator,
            String window,
            long fromDay,
            long toDay,
            boolean complete)
            throws IOException {
        FeatureTable table = accumulator.features(
                subscriber, fromDay * 86_400L, toDay * 86_400L + 86_399L, settings, withSms, false);
        Verdict verdict = model.score(table, 0);
        if (!verdict.flagged() && !allVerdicts) {
            return;
        }
        StringBuilder csv = new StringBuilder();
        table.writeCsv(csv);
        String row = csv.substring(csv.indexOf("\n") + 1, csv.length() - 1);
        out.collect(new ScoredWindow(
                subscriber,
                window,
                FraudWindows.date(fromDay),
                FraudWindows.date(toDay),
                complete,
                verdict.score(),
                verdict.flagged(),
                verdict.reasonCodes(),
                row.substring(subscriber.length() + 1)));
    }

    /**
     * The subscriber-days one batch touched and their accumulators, found by day and subscriber key (the text
     * for a token subscriber, whose key is 0) in an open-addressing table; cleared for each batch.
     */
    static final class BatchDays {
        int size;
        long[] days = new long[16];
        long[] keys = new long[16];
        String[] subscribers = new String[16];
        String[] stateKeys = new String[16];
        CompactFeatureAccumulator[] accumulators = new CompactFeatureAccumulator[16];
        /** Index + 1 of an entry, by hash; 0 for an empty slot. */
        private int[] slots = new int[32];

        void clear() {
            if (size > 0) {
                Arrays.fill(slots, 0);
                Arrays.fill(accumulators, 0, size, null);
                size = 0;
            }
        }

        CompactFeatureAccumulator find(long day, long key, String subscriber) {
            int mask = slots.length - 1;
            for (int slot = slot(day, key, subscriber, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
                int i = slots[slot] - 1;
                if (days[i] == day && keys[i] == key && (key != 0 || subscribers[i].equals(subscriber))) {
                    return accumulators[i];
                }
            }
            return null;
        }

        void add(long day, long key, String subscriber, String stateKey, CompactFeatureAccumulator accumulator) {
            if (size == days.length) {
                int grown = size * 2;
                days = Arrays.copyOf(days, grown);
                keys = Arrays.copyOf(keys, grown);
                subscribers = Arrays.copyOf(subscribers, grown);
                stateKeys = Arrays.copyOf(stateKeys, grown);
                accumulators = Arrays.copyOf(accumulators, grown);
                slots = new int[grown * 2];
                for (int i = 0; i < size; i++) {
                    put(i);
                }
            }
            days[size] = day;
            keys[size] = key;
            subscribers[size] = subscriber;
            stateKeys[size] = stateKey;
            accumulators[size] = accumulator;
            put(size++);
        }

        private void put(int i) {
            int mask = slots.length - 1;
            int slot = slot(days[i], keys[i], subscribers[i], mask);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }

        private static int slot(long day, long key, String subscriber, int mask) {
            long h = ((key != 0 ? key : subscriber.hashCode()) + day * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            return (int) (h >>> 40) & mask;
        }
    }
}

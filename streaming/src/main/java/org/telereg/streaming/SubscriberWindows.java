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
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
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
 * CompactFeatureAccumulator} per open day (map state by subscriber-day) and one per open period holding the days
 * already closed (map state by subscriber-period), both keyed by {@link NumberOnDay} values. When a day closes
 * (the bucket's event-time timer: the day's end plus the allowed lateness) each subscriber's accumulator of that day
 * is scored alone ({@code day}) and merged into the period's, which is scored too ({@code to_date}, from the period's first day to this one); the
 * day's state goes, and the period's when its last day closes. Scoring is the engine's ({@link FraudModel#score});
 * this class only decides what to score when. One timer per bucket and day, not per subscriber and day. On a
 * period's first day, the period to date is that day: it is scored once for both verdicts, and the day's accumulator
 * becomes the period's.
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
     * Per open day and subscriber of the bucket, the day's accumulator: one entry per subscriber-day, so that a
     * record reads and writes only its own day's accumulator (with RocksDB each access is a copy, and a replay with
     * a long allowed lateness keeps a month of days open).
     */
    private transient MapState<NumberOnDay, CompactFeatureAccumulator> days;
    /** Per open period (by its first day) and subscriber of the bucket, the accumulator of its days closed so far. */
    private transient MapState<NumberOnDay, CompactFeatureAccumulator> periods;

    private transient Counter lateRecords;

    private transient BatchDays batchDays;
    /**
     * By bucket: the last day this task registered the bucket's timers for (Long.MIN_VALUE for none), so that they
     * are registered once a day rather than looked up in Flink's timer set for every batch. Not state: after a
     * restore the timers are registered again, and Flink keeps one of each.
     */
    private transient long[] timedDays;

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
        TypeSerializer<NumberOnDay> key = getRuntimeContext().createSerializer(TypeInformation.of(NumberOnDay.class));
        days = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("days", key, CompactAccumulatorSerializer.INSTANCE));
        periods = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>("periods", key, CompactAccumulatorSerializer.INSTANCE));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
        batchDays = new BatchDays();
        timedDays = new long[0];
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
        int[] owner = touched.owners(batch.size);
        int bucket = batch.bucket;
        if (bucket >= timedDays.length) {
            int length = timedDays.length;
            timedDays = Arrays.copyOf(timedDays, Math.max(bucket + 1, 2 * length));
            Arrays.fill(timedDays, length, timedDays.length, Long.MIN_VALUE);
        }
        for (int at = 0; at < batch.size; at++) {
            long day = FraudWindows.day(batch.time(at));
            if (windows.dayCloses(day) <= watermark) {
                late(batch, at, day, watermark, context);
                owner[at] = -1;
                continue;
            }
            long subscriberKey = batch.subscriberKey(at);
            // A number is found by its key; only a token needs its text here.
            String token = batch.subscriberToken(at);
            int entry = touched.find(day, subscriberKey, token);
            if (entry < 0) {
                NumberOnDay key = new NumberOnDay(day, subscriberKey, token);
                CompactFeatureAccumulator accumulator = days.get(key);
                if (accumulator == null) {
                    accumulator = new CompactFeatureAccumulator();
                    // The bucket's timers for the day and its period: once, not per new subscriber-day (Flink would
                    // find each again in its timer set; a bucket's records mostly share their day).
                    if (day != timedDays[bucket]) {
                        timers.registerEventTimeTimer(windows.dayCloses(day));
                        timers.registerEventTimeTimer(windows.dayCloses(windows.periodEnd(windows.periodStart(day))));
                        timedDays[bucket] = day;
                    }
                }
                entry = touched.add(key, accumulator);
            }
            owner[at] = entry;
            touched.records[entry]++;
        }
        // Each record meets at most one new counterpart: room for all of them at once, rather than doubling the
        // contact table on the way (a subscriber's day mostly comes in one batch).
        for (int i = 0; i < touched.size; i++) {
            touched.accumulators[i].reserveContacts(touched.records[i]);
        }
        for (int at = 0; at < batch.size; at++) {
            if (owner[at] >= 0) {
                add(batch, at, touched.accumulators[owner[at]]);
            }
        }
        for (int i = 0; i < touched.size; i++) {
            days.put(touched.stateKeys[i], touched.accumulators[i]);
        }
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
        if (batch.kind(at) == CdrBatch.IMEI_SHARED) {
            NumberOnDay key =
                    new NumberOnDay(windows.periodStart(day), batch.subscriberKey(at), batch.subscriberToken(at));
            CompactFeatureAccumulator period = periods.get(key);
            if (period != null) {
                period.imeiShared(batch.imeiText(at));
                periods.put(key, period);
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
                        batch.subscriber(at) + " at " + batch.time(at) + " s"));
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ScoredWindow> out) throws Exception {
        long day = windows.dayOfTimer(timestamp);
        long start = windows.periodStart(day);
        boolean last = day == windows.periodEnd(start);
        // State changes wait until the iteration is over, which a removal during it would break; the puts matter to
        // a backend that keeps bytes (RocksDB), not to the heap, where the objects changed are the state.
        List<NumberOnDay> closedDays = new ArrayList<>();
        Map<NumberOnDay, CompactFeatureAccumulator> changedPeriods = new HashMap<>();
        for (Map.Entry<NumberOnDay, CompactFeatureAccumulator> entry : days.entries()) {
            NumberOnDay today = entry.getKey();
            if (today.day() != day) {
                continue;
            }
            closedDays.add(today);
            String subscriber = today.text();
            CompactFeatureAccumulator accumulator = entry.getValue();
            NumberOnDay periodKey = new NumberOnDay(start, today.key(), today.token());
            CompactFeatureAccumulator period = periods.get(periodKey);
            if (period == null && day == start) {
                // The period's first day: its period to date is this day, scored once for both verdicts.
                if (accumulator.isActive()) {
                    emit(out, subscriber, accumulator, day, day, ScoredWindow.DAY, true, ScoredWindow.TO_DATE, last);
                }
                if (!last) {
                    changedPeriods.put(periodKey, accumulator);
                }
                continue;
            }
            if (period == null) {
                period = new CompactFeatureAccumulator();
            }
            period.merge(accumulator);
            if (accumulator.isActive()) {
                // An IMEI used today may have been shared earlier in the period, or later today.
                accumulator.imeisSharedIn(period);
                emit(out, subscriber, accumulator, ScoredWindow.DAY, day, day, true);
            }
            if (period.isActive()) {
                emit(out, subscriber, period, ScoredWindow.TO_DATE, start, day, last);
            }
            changedPeriods.put(periodKey, period);
        }
        if (last) {
            // The period's complete verdict also for the subscribers silent on its last day.
            List<NumberOnDay> closedPeriods = new ArrayList<>();
            for (Map.Entry<NumberOnDay, CompactFeatureAccumulator> entry : periods.entries()) {
                NumberOnDay key = entry.getKey();
                if (key.day() != start) {
                    continue;
                }
                closedPeriods.add(key);
                if (!changedPeriods.containsKey(key) && entry.getValue().isActive()) {
                    emit(out, key.text(), entry.getValue(), ScoredWindow.TO_DATE, start, day, true);
                }
            }
            for (NumberOnDay key : closedPeriods) {
                periods.remove(key);
            }
        } else {
            for (Map.Entry<NumberOnDay, CompactFeatureAccumulator> entry : changedPeriods.entrySet()) {
                periods.put(entry.getKey(), entry.getValue());
            }
        }
        for (NumberOnDay key : closedDays) {
            days.remove(key);
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
        emit(out, subscriber, accumulator, fromDay, toDay, window, complete, null, false);
    }

    /**
     * Scores an accumulator over {@code fromDay … toDay} and sends its verdict for {@code window}, and when {@code
     * alsoWindow} is not null the same verdict for that window too (a period whose only day so far is this one).
     */
    private void emit(
            Collector<ScoredWindow> out,
            String subscriber,
            CompactFeatureAccumulator accumulator,
            long fromDay,
            long toDay,
            String window,
            boolean complete,
            String alsoWindow,
            boolean alsoComplete)
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
        String features = row.substring(subscriber.length() + 1);
        String from = FraudWindows.date(fromDay);
        String to = FraudWindows.date(toDay);
        out.collect(new ScoredWindow(
                subscriber,
                window,
                from,
                to,
                complete,
                verdict.score(),
                verdict.flagged(),
                verdict.reasonCodes(),
                features));
        if (alsoWindow != null) {
            out.collect(new ScoredWindow(
                    subscriber,
                    alsoWindow,
                    from,
                    to,
                    alsoComplete,
                    verdict.score(),
                    verdict.flagged(),
                    verdict.reasonCodes(),
                    features));
        }
    }

    /**
     * The subscriber-days one batch touched and their accumulators, found by day and subscriber key (and the text
     * of a token subscriber, whose key is 0) in an open-addressing table; cleared for each batch.
     */
    static final class BatchDays {
        int size;
        NumberOnDay[] stateKeys = new NumberOnDay[16];
        CompactFeatureAccumulator[] accumulators = new CompactFeatureAccumulator[16];
        /** The batch's records of each entry. */
        int[] records = new int[16];
        /** Index + 1 of an entry, by hash; 0 for an empty slot. */
        private int[] slots = new int[32];
        /** Scratch: the entry of each record of a batch, -1 for a late one. */
        private int[] owners = new int[64];

        void clear() {
            if (size > 0) {
                Arrays.fill(slots, 0);
                Arrays.fill(stateKeys, 0, size, null);
                Arrays.fill(accumulators, 0, size, null);
                Arrays.fill(records, 0, size, 0);
                size = 0;
            }
        }

        int[] owners(int records) {
            if (owners.length < records) {
                owners = new int[Math.max(records, 2 * owners.length)];
            }
            return owners;
        }

        /** The entry of a subscriber-day, or -1. */
        int find(long day, long key, String token) {
            int mask = slots.length - 1;
            for (int slot = slot(day, key, token, mask); slots[slot] != 0; slot = (slot + 1) & mask) {
                NumberOnDay entry = stateKeys[slots[slot] - 1];
                if (entry.day() == day
                        && entry.key() == key
                        && (key != 0 || entry.token().equals(token))) {
                    return slots[slot] - 1;
                }
            }
            return -1;
        }

        /** Adds an entry; returns its index. */
        int add(NumberOnDay stateKey, CompactFeatureAccumulator accumulator) {
            if (size == stateKeys.length) {
                int grown = size * 2;
                stateKeys = Arrays.copyOf(stateKeys, grown);
                accumulators = Arrays.copyOf(accumulators, grown);
                records = Arrays.copyOf(records, grown);
                slots = new int[grown * 2];
                for (int i = 0; i < size; i++) {
                    put(i);
                }
            }
            stateKeys[size] = stateKey;
            accumulators[size] = accumulator;
            put(size);
            return size++;
        }

        private void put(int i) {
            int mask = slots.length - 1;
            NumberOnDay entry = stateKeys[i];
            int slot = slot(entry.day(), entry.key(), entry.token(), mask);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }

        private static int slot(long day, long key, String token, int mask) {
            long h = ((key != 0 ? key : token.hashCode()) + day * 0x9E3779B97F4A7C15L) * 0xBF58476D1CE4E5B9L;
            return (int) (h >>> 40) & mask;
        }
    }
}

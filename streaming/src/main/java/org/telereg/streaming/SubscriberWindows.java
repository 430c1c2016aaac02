package org.telereg.streaming;

import java.io.IOException;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeutils.base.LongSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.telereg.engine.fraud.FeatureAccumulator;
import org.telereg.engine.fraud.FeatureSettings;
import org.telereg.engine.fraud.FeatureTable;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.Verdict;

/**
 * Keyed by subscriber: one engine {@link FeatureAccumulator} per open day, and one per period holding the days
 * already closed. When a day closes (its event-time timer: the day's end plus the allowed lateness) its
 * accumulator is scored alone ({@code day}) and merged into the period's, which is scored too ({@code to_date},
 * from the period's first day to this one); the day's state goes, and the period's when its last day closes.
 * Scoring is the engine's ({@link FraudModel#score}); this class only decides what to score when.
 *
 * <p>A call or message whose day has closed is late: counted ({@code lateRecords}) and sent to {@link #LATE}.
 * News of a shared IMEI is not a record: it goes to the period if its day has closed.
 */
final class SubscriberWindows extends KeyedProcessFunction<String, SubscriberEvent, ScoredWindow> {

    private static final long serialVersionUID = 1L;

    static final OutputTag<Rejected> LATE = new OutputTag<>("late") {};

    private final String modelText;
    private final FraudWindows windows;
    private final boolean withSms;
    private final boolean allVerdicts;

    private transient FraudModel model;
    private transient FeatureSettings settings;
    private transient MapState<Long, FeatureAccumulator> days;
    private transient MapState<Long, FeatureAccumulator> periods;
    private transient Counter lateRecords;

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
                        "days", LongSerializer.INSTANCE, FeatureAccumulatorSerializer.INSTANCE));
        periods = getRuntimeContext()
                .getMapState(new MapStateDescriptor<>(
                        "periods", LongSerializer.INSTANCE, FeatureAccumulatorSerializer.INSTANCE));
        lateRecords = getRuntimeContext().getMetricGroup().counter("lateRecords");
    }

    @Override
    public void processElement(SubscriberEvent event, Context context, Collector<ScoredWindow> out) throws Exception {
        long day = FraudWindows.day(event.time());
        long closes = windows.dayCloses(day);
        long watermark = context.timerService().currentWatermark();
        if (closes <= watermark) {
            if (event.sharedImei() != null) {
                FeatureAccumulator period = periods.get(windows.periodStart(day));
                if (period != null) {
                    period.imeiShared(event.sharedImei());
                    periods.put(windows.periodStart(day), period);
                }
                return;
            }
            lateRecords.inc();
            context.output(
                    LATE,
                    new Rejected(
                            Rejected.LATE,
                            event.call() != null ? "calls" : "sms",
                            "day " + FraudWindows.date(day) + " closed; watermark " + watermark + " ms",
                            event.subscriber() + " at " + event.time() + " s"));
            return;
        }
        FeatureAccumulator accumulator = days.get(day);
        if (accumulator == null) {
            accumulator = new FeatureAccumulator();
            context.timerService().registerEventTimeTimer(closes);
            context.timerService()
                    .registerEventTimeTimer(windows.dayCloses(windows.periodEnd(windows.periodStart(day))));
        }
        if (event.call() != null) {
            accumulator.call(event.call(), settings);
        } else if (event.sms() != null) {
            accumulator.sms(event.sms());
        } else {
            accumulator.imeiShared(event.sharedImei());
        }
        days.put(day, accumulator);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext context, Collector<ScoredWindow> out) throws Exception {
        long day = windows.dayOfTimer(timestamp);
        long start = windows.periodStart(day);
        boolean last = day == windows.periodEnd(start);
        String subscriber = context.getCurrentKey();
        FeatureAccumulator period = periods.get(start);
        FeatureAccumulator today = days.get(day);
        if (today != null) {
            days.remove(day);
            if (period == null) {
                period = new FeatureAccumulator();
            }
            period.merge(today);
            if (today.isActive()) {
                // An IMEI used today may have been shared earlier in the period, or later today.
                for (String imei : period.sharedImeis()) {
                    today.imeiShared(imei);
                }
                emit(out, subscriber, today, ScoredWindow.DAY, day, day, true);
            }
        }
        if (period != null && period.isActive() && (today != null || last)) {
            emit(out, subscriber, period, ScoredWindow.TO_DATE, start, day, last);
        }
        if (last) {
            periods.remove(start);
        } else if (period != null) {
            periods.put(start, period);
        }
    }

    private void emit(
            Collector<ScoredWindow> out,
            String subscriber,
            FeatureAccumulator accumulator,
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
}

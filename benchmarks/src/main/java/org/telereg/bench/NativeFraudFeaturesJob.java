package org.telereg.bench;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.AggregateFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.windowing.ProcessWindowFunction;
import org.apache.flink.streaming.api.windowing.assigners.TumblingEventTimeWindows;
import org.apache.flink.streaming.api.windowing.windows.TimeWindow;
import org.apache.flink.util.Collector;
import org.telereg.engine.fraud.Feature;
import org.telereg.engine.fraud.FeatureSettings;
import org.telereg.engine.fraud.FeatureTable;
import org.telereg.engine.fraud.FraudModel;
import org.telereg.engine.fraud.Verdict;
import org.telereg.streaming.ScoredWindow;

/**
 * The per-subscriber daily features of docs/fraud-engine.md written the way a Flink developer would write them
 * without the engine: lines split with {@link String#split}, times parsed with {@code java.time}, a POJO per
 * record, {@code keyBy(subscriber)} into daily {@link TumblingEventTimeWindows} whose {@link AggregateFunction}
 * keeps counts and hash sets in heap state, and a {@code keyBy(imei)} daily window that tells each subscriber of a
 * handset used by two or more subscribers that day. Only the scoring of a finished day is the engine's ({@link
 * FraudModel#score}): what {@link StreamingComparison} compares is getting the features, not scoring them.
 *
 * <p>It emits {@code day} verdicts only; the TeleReg job also keeps and scores each period to date.
 */
final class NativeFraudFeaturesJob {

    private static final Duration DAY = Duration.ofDays(1);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int[] DURATION_BANDS = {1, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    private final Source<String, ?, ?> calls;
    private final Source<String, ?, ?> sms;
    private final Sink<ScoredWindow> suspects;
    private final String callsHeader;
    private final String smsHeader;
    private final Duration outOfOrderness;
    private final Duration idleness;
    private final Duration allowedLateness;
    private final String modelText;
    private final FeatureSettings settings;
    private final boolean allVerdicts;

    /**
     * @param calls lines of a calls file, its header first
     * @param sms lines of an SMS file, its header first
     * @param callsHeader the calls file's header (which column is where)
     * @param outOfOrderness as the TeleReg job's watermark strategy
     * @param allowedLateness how long a day's window keeps its state after it fired
     * @param allVerdicts whether to emit every day's verdict rather than only the flagged ones
     */
    NativeFraudFeaturesJob(
            Source<String, ?, ?> calls,
            Source<String, ?, ?> sms,
            Sink<ScoredWindow> suspects,
            String callsHeader,
            String smsHeader,
            Duration outOfOrderness,
            Duration idleness,
            Duration allowedLateness,
            FraudModel model,
            boolean allVerdicts) {
        this.calls = calls;
        this.sms = sms;
        this.suspects = suspects;
        this.callsHeader = callsHeader;
        this.smsHeader = smsHeader;
        this.outOfOrderness = outOfOrderness;
        this.idleness = idleness;
        this.allowedLateness = allowedLateness;
        this.modelText = model.format();
        this.settings = model.settings();
        this.allVerdicts = allVerdicts;
    }

    /** Wires the job's named operators into {@code env}; checkpointing as the environment's configuration says. */
    void build(StreamExecutionEnvironment env) {
        DataStream<Cdr> records = timed(env.fromSource(calls, WatermarkStrategy.noWatermarks(), "calls-lines")
                        .flatMap(new ParseCsv(callsHeader, false))
                        .name("parse-calls"))
                .union(timed(env.fromSource(sms, WatermarkStrategy.noWatermarks(), "sms-lines")
                        .flatMap(new ParseCsv(smsHeader, true))
                        .name("parse-sms")));
        DataStream<Cdr> sharedImeis = records.filter(cdr -> cdr.kind == Cdr.CALL && !cdr.imei.isEmpty())
                .name("calls-with-imei")
                .keyBy(cdr -> cdr.imei, Types.STRING)
                .window(TumblingEventTimeWindows.of(DAY))
                .allowedLateness(allowedLateness)
                .aggregate(
                        new Subscribers(),
                        new SharedImei(),
                        Types.SET(Types.STRING),
                        Types.SET(Types.STRING),
                        Types.POJO(Cdr.class))
                .name("shared-imeis");
        records.union(sharedImeis)
                .keyBy(cdr -> cdr.subscriber, Types.STRING)
                .window(TumblingEventTimeWindows.of(DAY))
                .allowedLateness(allowedLateness)
                .aggregate(new DailyFeatures(settings), new ScoreDay(modelText, allVerdicts))
                .name("score-days")
                .sinkTo(suspects)
                .name("suspects");
    }

    private DataStream<Cdr> timed(DataStream<Cdr> records) {
        return records.assignTimestampsAndWatermarks(WatermarkStrategy.<Cdr>forBoundedOutOfOrderness(outOfOrderness)
                .withTimestampAssigner((cdr, previous) -> cdr.time * 1000L)
                .withIdleness(idleness));
    }

    /** A call, a message, or the news that another subscriber used one of this subscriber's IMEIs that day. */
    public static final class Cdr {
        static final byte CALL = 0;
        static final byte SMS = 1;
        static final byte IMEI_SHARED = 2;

        public byte kind;
        public String subscriber;
        public String counterpart;
        /** 1 outgoing (sent), 2 incoming (received), 3 forwarded. */
        public int type;
        /** Seconds since 1970-01-01 of the local clock, read as UTC. */
        public long time;

        public int duration;
        public String city;
        public String county;
        public String imei;

        public Cdr() {}
    }

    /** A line to a {@link Cdr}; the header and lines that do not parse are skipped (and counted). */
    static final class ParseCsv extends RichFlatMapFunction<String, Cdr> {
        private static final long serialVersionUID = 1L;

        private final boolean sms;
        private final Map<String, Integer> columns = new HashMap<>();
        private transient Counter badLines;

        ParseCsv(String header, boolean sms) {
            this.sms = sms;
            String[] names = header.split(",");
            for (int i = 0; i < names.length; i++) {
                columns.put(names[i].trim(), i);
            }
        }

        @Override
        public void open(OpenContext context) {
            badLines = getRuntimeContext().getMetricGroup().counter("badLines");
        }

        @Override
        public void flatMap(String line, Collector<Cdr> out) {
            if (line.isEmpty() || line.startsWith("phone_no_m")) {
                return;
            }
            String[] fields = line.split(",", -1);
            try {
                Cdr cdr = new Cdr();
                cdr.kind = sms ? Cdr.SMS : Cdr.CALL;
                cdr.subscriber = fields[columns.get("phone_no_m")];
                cdr.counterpart = fields[columns.get("opposite_no_m")];
                cdr.type = Integer.parseInt(fields[columns.get("calltype_id")]);
                cdr.time = LocalDateTime.parse(fields[columns.get(sms ? "request_datetime" : "start_datetime")], TIME)
                        .toEpochSecond(ZoneOffset.UTC);
                if (!sms) {
                    cdr.duration = Integer.parseInt(fields[columns.get("call_dur")]);
                    cdr.city = fields[columns.get("city_name")];
                    cdr.county = fields[columns.get("county_name")];
                    cdr.imei = fields[columns.get("imei_m")];
                }
                out.collect(cdr);
            } catch (ArrayIndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
                badLines.inc();
            }
        }
    }

    /** The distinct subscribers of an IMEI in a day. */
    static final class Subscribers implements AggregateFunction<Cdr, Set<String>, Set<String>> {
        private static final long serialVersionUID = 1L;

        @Override
        public Set<String> createAccumulator() {
            return new HashSet<>();
        }

        @Override
        public Set<String> add(Cdr call, Set<String> subscribers) {
            subscribers.add(call.subscriber);
            return subscribers;
        }

        @Override
        public Set<String> getResult(Set<String> subscribers) {
            return subscribers;
        }

        @Override
        public Set<String> merge(Set<String> a, Set<String> b) {
            a.addAll(b);
            return a;
        }
    }

    /** Tells each subscriber of an IMEI that two or more used that day; stamped with the day's last millisecond. */
    static final class SharedImei extends ProcessWindowFunction<Set<String>, Cdr, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public void process(String imei, Context context, Iterable<Set<String>> results, Collector<Cdr> out) {
            Set<String> subscribers = results.iterator().next();
            if (subscribers.size() < 2) {
                return;
            }
            for (String subscriber : subscribers) {
                Cdr news = new Cdr();
                news.kind = Cdr.IMEI_SHARED;
                news.subscriber = subscriber;
                news.imei = imei;
                news.time = context.window().maxTimestamp() / 1000L;
                out.collect(news);
            }
        }
    }

    /** What one subscriber did in one day: counts, and the sets the distinct counts come from. */
    public static final class Day {
        public int out;
        public int in;
        public int forwarded;
        public int connected;
        public int shortCalls;
        public int nightCalls;
        public long durationSum;
        /** Connected outgoing calls by duration band (the bands of {@code median_duration}). */
        public int[] durationBands = new int[DURATION_BANDS.length];
        /** Outgoing calls by hour of the day. */
        public int[] outByHour = new int[24];

        public boolean anyCall;
        public int smsOut;
        public int smsIn;
        public long firstSeen = Long.MAX_VALUE;
        /** Outgoing calls by callee. */
        public Map<String, Integer> callees = new HashMap<>();

        public Set<String> callers = new HashSet<>();
        public Set<String> imeis = new HashSet<>();
        public Set<String> sharedImeis = new HashSet<>();
        public Set<String> places = new HashSet<>();

        public Day() {}
    }

    /** Adds each record of a subscriber's day to its {@link Day}. */
    static final class DailyFeatures implements AggregateFunction<Cdr, Day, Day> {
        private static final long serialVersionUID = 1L;

        private final int shortCallSeconds;
        private final int nightStartHour;
        private final int nightEndHour;

        DailyFeatures(FeatureSettings settings) {
            this.shortCallSeconds = settings.shortCallSeconds();
            this.nightStartHour = settings.nightStartHour();
            this.nightEndHour = settings.nightEndHour();
        }

        @Override
        public Day createAccumulator() {
            return new Day();
        }

        @Override
        public Day add(Cdr cdr, Day day) {
            if (cdr.kind == Cdr.IMEI_SHARED) {
                day.sharedImeis.add(cdr.imei);
                return day;
            }
            day.firstSeen = Math.min(day.firstSeen, cdr.time);
            if (cdr.kind == Cdr.SMS) {
                if (cdr.type == 1) {
                    day.smsOut++;
                } else {
                    day.smsIn++;
                }
                return day;
            }
            day.anyCall = true;
            if (cdr.type == 1) {
                day.out++;
                int hour = (int) (cdr.time % 86_400L / 3_600L);
                day.outByHour[hour]++;
                if (isNight(hour)) {
                    day.nightCalls++;
                }
                day.callees.merge(cdr.counterpart, 1, Integer::sum);
                if (cdr.duration > 0) {
                    day.connected++;
                    day.durationSum += cdr.duration;
                    if (cdr.duration < shortCallSeconds) {
                        day.shortCalls++;
                    }
                    int band = DURATION_BANDS.length - 1;
                    while (cdr.duration < DURATION_BANDS[band]) {
                        band--;
                    }
                    day.durationBands[band]++;
                }
            } else if (cdr.type == 2) {
                day.in++;
                day.callers.add(cdr.counterpart);
            } else {
                day.forwarded++;
            }
            if (!cdr.imei.isEmpty()) {
                day.imeis.add(cdr.imei);
            }
            if (!cdr.city.isEmpty() || !cdr.county.isEmpty()) {
                day.places.add(cdr.city + '\u001F' + cdr.county);
            }
            return day;
        }

        private boolean isNight(int hour) {
            return nightStartHour <= nightEndHour
                    ? hour >= nightStartHour && hour < nightEndHour
                    : hour >= nightStartHour || hour < nightEndHour;
        }

        @Override
        public Day getResult(Day day) {
            return day;
        }

        @Override
        public Day merge(Day a, Day b) {
            throw new UnsupportedOperationException("tumbling windows do not merge");
        }
    }

    /** The features of a finished day from its {@link Day}, scored by the engine's model. */
    static final class ScoreDay extends ProcessWindowFunction<Day, ScoredWindow, String, TimeWindow> {
        private static final long serialVersionUID = 1L;

        private final String modelText;
        private final boolean allVerdicts;
        private transient FraudModel model;

        ScoreDay(String modelText, boolean allVerdicts) {
            this.modelText = modelText;
            this.allVerdicts = allVerdicts;
        }

        @Override
        public void open(OpenContext context) {
            model = FraudModel.parse(modelText, "model");
        }

        @Override
        public void process(String subscriber, Context context, Iterable<Day> days, Collector<ScoredWindow> out)
                throws Exception {
            Day day = days.iterator().next();
            if (day.firstSeen == Long.MAX_VALUE) {
                return; // only news of a shared IMEI, no record of the subscriber's own
            }
            long start = context.window().getStart() / 1000L;
            FeatureSettings settings = model.settings();
            FeatureTable table = FeatureRows.of(subscriber, features(day, start, settings), settings, true);
            Verdict verdict = model.score(table, 0);
            if (!verdict.flagged() && !allVerdicts) {
                return;
            }
            StringBuilder csv = new StringBuilder();
            table.writeCsv(csv);
            String row = csv.substring(csv.indexOf("\n") + 1, csv.length() - 1);
            String date = LocalDate.ofEpochDay(start / 86_400L).toString();
            out.collect(new ScoredWindow(
                    subscriber,
                    "day",
                    date,
                    date,
                    true,
                    verdict.score(),
                    verdict.flagged(),
                    verdict.reasonCodes(),
                    row.substring(subscriber.length() + 1)));
        }
    }

    /** The 30 features of one day, computed as docs/fraud-engine.md defines them. */
    static float[] features(Day day, long start, FeatureSettings settings) {
        int distinctCallees = day.callees.size();
        int repeat = 0;
        int callback = 0;
        List<Long> numbers = new ArrayList<>();
        for (Map.Entry<String, Integer> callee : day.callees.entrySet()) {
            if (callee.getValue() >= 2) {
                repeat++;
            }
            if (day.callers.contains(callee.getKey())) {
                callback++;
            }
            if (callee.getKey().length() <= 17 && callee.getKey().chars().allMatch(Character::isDigit)) {
                numbers.add(Long.parseLong(callee.getKey()));
            }
        }
        int distinctCallers = day.callers.size();
        int maxHour = 0;
        int hoursWithOut = 0;
        for (int calls : day.outByHour) {
            maxHour = Math.max(maxHour, calls);
            if (calls > 0) {
                hoursWithOut++;
            }
        }
        int shared = 0;
        for (String imei : day.imeis) {
            if (day.sharedImeis.contains(imei)) {
                shared++;
            }
        }
        int activeDays = day.anyCall ? 1 : 0;
        int outDays = day.out > 0 ? 1 : 0;
        float[] values = new float[Feature.values().length];
        put(values, Feature.OUT_CALLS, day.out);
        put(values, Feature.IN_CALLS, day.in);
        put(values, Feature.FORWARDED_CALLS, day.forwarded);
        put(values, Feature.IN_SHARE, ratio(day.in, day.in + day.out));
        put(values, Feature.DISTINCT_CALLEES, distinctCallees);
        put(values, Feature.DISTINCT_CALLERS, distinctCallers);
        put(values, Feature.CALLEES_PER_CALL, ratio(distinctCallees, day.out));
        put(values, Feature.REPEAT_CONTACT_RATIO, ratio(repeat, distinctCallees));
        put(values, Feature.CALLBACK_RATIO, ratio(callback, distinctCallees));
        put(values, Feature.CONNECTED_RATIO, ratio(day.connected, day.out));
        put(values, Feature.SHORT_CALL_RATIO, ratio(day.shortCalls, day.connected));
        put(values, Feature.MEAN_DURATION, ratio(day.durationSum, day.connected));
        put(values, Feature.MEDIAN_DURATION, medianBand(day));
        put(values, Feature.NIGHT_RATIO, ratio(day.nightCalls, day.out));
        put(values, Feature.ACTIVE_DAYS, activeDays);
        put(values, Feature.OUT_PER_ACTIVE_DAY, ratio(day.out, activeDays));
        put(values, Feature.MAX_OUT_PER_DAY, day.out);
        put(values, Feature.MAX_OUT_PER_HOUR, maxHour);
        put(values, Feature.HOURLY_BURSTINESS, ratio((double) maxHour * hoursWithOut, day.out));
        put(values, Feature.DAILY_BURSTINESS, ratio((double) day.out * outDays, day.out));
        // The late window is the last late_days days of the window: a one-day window is all late.
        put(values, Feature.LATE_OUT_SHARE, ratio(day.out, day.out));
        put(values, Feature.DISTINCT_IMEIS, day.imeis.size());
        put(values, Feature.SHARED_IMEIS, shared);
        put(values, Feature.DISTINCT_PLACES, day.places.size());
        put(values, Feature.AWAY_RATIO, Double.NaN);
        put(values, Feature.SEQUENTIAL_RATIO, ratio(sequential(numbers, settings.sequentialStep()), numbers.size()));
        put(values, Feature.FIRST_ACTIVE, (day.firstSeen - start) / 86_399.0);
        put(values, Feature.IDCARD_COUNT, 0);
        put(values, Feature.SMS_OUT, day.smsOut);
        put(values, Feature.SMS_IN, day.smsIn);
        return values;
    }

    private static void put(float[] values, Feature feature, double value) {
        values[feature.ordinal()] = (float) value;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    /** The band of the lower median of the connected outgoing calls' durations. */
    private static double medianBand(Day day) {
        if (day.connected == 0) {
            return Double.NaN;
        }
        int wanted = (day.connected - 1) / 2;
        int seen = 0;
        for (int band = 0; band < DURATION_BANDS.length; band++) {
            seen += day.durationBands[band];
            if (seen > wanted) {
                return DURATION_BANDS[band];
            }
        }
        throw new IllegalStateException("duration bands do not add up");
    }

    /** How many of the numeric callees lie within {@code step} of another one. */
    private static int sequential(List<Long> numbers, long step) {
        Long[] sorted = numbers.toArray(Long[]::new);
        Arrays.sort(sorted);
        int count = 0;
        for (int i = 0; i < sorted.length; i++) {
            boolean near = (i > 0 && sorted[i] - sorted[i - 1] <= step)
                    || (i + 1 < sorted.length && sorted[i + 1] - sorted[i] <= step);
            if (near) {
                count++;
            }
        }
        return count;
    }
}

package org.telereg.engine.fraud;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One subscriber's {@link Feature features} built up record by record, for callers that see records one at a time
 * (a Flink job keyed by subscriber) rather than whole files. Fed the records of a window, {@link #features} gives
 * exactly the values {@link FraudFeatures#extract} gives for that subscriber over the same window, so that a model
 * scores both the same way.
 *
 * <p>What one subscriber cannot know alone is which of its IMEIs another subscriber also used: the caller finds
 * that out (for instance keyed by IMEI) and tells the accumulator with {@link #imeiShared}. Two accumulators of
 * the same subscriber (two days) {@link #merge} into the accumulator of both; every update commutes, so records
 * may come in any order.
 *
 * <p>Memory follows distinct counterparts, IMEIs, places, days and hours with outgoing calls, like the batch scan's,
 * not records. Not thread-safe.
 */
public final class FeatureAccumulator {

    private static final int VERSION = 1;
    private static final int[] BANDS = ShardState.DURATION_BANDS;
    private static final int CALLED = 1;
    private static final int CALLED_AGAIN = 2;
    private static final int CALLED_BY = 4;
    /** Joins city and county in a place's key; cannot occur in either (as in the batch reader). */
    private static final char SEPARATOR = '\u001F';

    private int out;
    private int in;
    private int forwarded;
    private int connected;
    private int shortCalls;
    private int nightCalls;
    private long durationSum;
    private final int[] bandCounts = new int[BANDS.length];
    private int awayCalls;
    private int citedCalls;
    private int smsOut;
    private int smsIn;
    private long firstSeen = Long.MAX_VALUE;
    private long lastSeen = Long.MIN_VALUE;
    /** The users row: home city (null when none) and ID-card count; {@code hasUser} once one was given. */
    private boolean hasUser;

    private String homeCity;
    private int idcards;
    /** Each counterpart and how it met the subscriber: bits {@link #CALLED}, {@link #CALLED_AGAIN}, {@link #CALLED_BY}. */
    private final Map<String, Integer> contacts = new HashMap<>();
    /** Outgoing calls by calendar day (days since 1970-01-01), with a 0 entry for a day with other calls only. */
    private final Map<Integer, Integer> outByDay = new HashMap<>();
    /** Outgoing calls by clock hour (hours since 1970-01-01), hours with outgoing calls only. */
    private final Map<Integer, Integer> outByHour = new HashMap<>();

    private final Set<String> imeis = new HashSet<>();
    private final Set<String> sharedImeis = new HashSet<>();
    private final Set<String> places = new HashSet<>();

    /** An accumulator that has seen nothing. */
    public FeatureAccumulator() {}

    /**
     * Adds a users row: the subscriber's home city and ID-card count. Calls count as away from home (or not) only
     * once it is known, as in the batch scan, which reads the users file first.
     */
    public void user(UserRecord user) {
        hasUser = true;
        homeCity = user.city().isEmpty() ? null : user.city();
        idcards = user.idcardCount();
    }

    /** Adds a call of this subscriber, with the settings of the model that will score the features. */
    public void call(CallRecord call, FeatureSettings settings) {
        seen(call.time());
        int day = (int) Math.floorDiv(call.time(), 86_400L);
        outByDay.putIfAbsent(day, 0);
        if (call.type() == 1) {
            out++;
            outByDay.merge(day, 1, Integer::sum);
            int hour = (int) Math.floorDiv(call.time(), 3_600L);
            outByHour.merge(hour, 1, Integer::sum);
            if (settings.isNight(hour - day * 24)) {
                nightCalls++;
            }
            contacts.merge(
                    call.counterpart(), CALLED, (had, add) -> (had & CALLED) != 0 ? had | CALLED_AGAIN : had | add);
            int duration = call.duration();
            if (duration > 0) {
                connected++;
                durationSum += duration;
                if (duration < settings.shortCallSeconds()) {
                    shortCalls++;
                }
                int band = BANDS.length - 1;
                while (duration < BANDS[band]) {
                    band--;
                }
                bandCounts[band]++;
            }
        } else if (call.type() == 2) {
            in++;
            contacts.merge(call.counterpart(), CALLED_BY, (had, add) -> had | add);
        } else {
            forwarded++;
        }
        if (!call.imei().isEmpty()) {
            imeis.add(call.imei());
        }
        if (!call.city().isEmpty() || !call.county().isEmpty()) {
            places.add(call.city() + SEPARATOR + call.county());
        }
        if (homeCity != null && !call.city().isEmpty()) {
            citedCalls++;
            if (!homeCity.equals(call.city())) {
                awayCalls++;
            }
        }
    }

    /** Adds a message of this subscriber. */
    public void sms(SmsRecord sms) {
        seen(sms.time());
        if (sms.sent()) {
            smsOut++;
        } else {
            smsIn++;
        }
    }

    private void seen(long time) {
        firstSeen = Math.min(firstSeen, time);
        lastSeen = Math.max(lastSeen, time);
    }

    /**
     * Notes that another subscriber used {@code imei} in the same window. It counts in {@link
     * Feature#SHARED_IMEIS} when this subscriber used it too, before or after this call.
     */
    public void imeiShared(String imei) {
        sharedImeis.add(imei);
    }

    /** The IMEIs {@link #imeiShared} named, whether or not this subscriber used them. */
    public Set<String> sharedImeis() {
        return Set.copyOf(sharedImeis);
    }

    /** Adds everything {@code other} (the same subscriber, other records) has seen; a users row of other wins. */
    public void merge(FeatureAccumulator other) {
        out += other.out;
        in += other.in;
        forwarded += other.forwarded;
        connected += other.connected;
        shortCalls += other.shortCalls;
        nightCalls += other.nightCalls;
        durationSum += other.durationSum;
        for (int i = 0; i < bandCounts.length; i++) {
            bandCounts[i] += other.bandCounts[i];
        }
        awayCalls += other.awayCalls;
        citedCalls += other.citedCalls;
        smsOut += other.smsOut;
        smsIn += other.smsIn;
        firstSeen = Math.min(firstSeen, other.firstSeen);
        lastSeen = Math.max(lastSeen, other.lastSeen);
        if (other.hasUser) {
            hasUser = true;
            homeCity = other.homeCity;
            idcards = other.idcards;
        }
        other.contacts.forEach((counterpart, how) -> contacts.merge(counterpart, how, FeatureAccumulator::combine));
        other.outByDay.forEach((day, calls) -> outByDay.merge(day, calls, Integer::sum));
        other.outByHour.forEach((hour, calls) -> outByHour.merge(hour, calls, Integer::sum));
        imeis.addAll(other.imeis);
        sharedImeis.addAll(other.sharedImeis);
        places.addAll(other.places);
    }

    /** Two subscribers' ways of meeting one counterpart: calling it in both makes it called again. */
    private static int combine(int a, int b) {
        int both = a | b;
        if ((a & CALLED) != 0 && (b & CALLED) != 0) {
            both |= CALLED_AGAIN;
        }
        return both;
    }

    /** Whether a call or message was added: a subscriber with only a users row has no features. */
    public boolean isActive() {
        return firstSeen != Long.MAX_VALUE;
    }

    /** Time of the first call or message added, or {@link Long#MAX_VALUE} when none. */
    public long firstSeen() {
        return firstSeen;
    }

    /** Time of the last call or message added, or {@link Long#MIN_VALUE} when none. */
    public long lastSeen() {
        return lastSeen;
    }

    /** The IMEIs this subscriber used. */
    public Set<String> imeis() {
        return Set.copyOf(imeis);
    }

    /**
     * The features over a window, as one row of a table that {@link FraudModel#score} takes (row 0). The window is
     * what the batch scan takes from its input (first to last record of any file): {@link
     * Feature#FIRST_ACTIVE} is measured in it and {@link Feature#LATE_OUT_SHARE} counts its last days.
     *
     * @param windowStart first second of the window
     * @param windowEnd last second of the window
     * @param withSms whether SMS records are part of the input (else the SMS features are unknown)
     * @param withUsers whether users rows are part of the input (else the home-city and ID-card features are
     *     unknown)
     */
    public FeatureTable features(
            String subscriber,
            long windowStart,
            long windowEnd,
            FeatureSettings settings,
            boolean withSms,
            boolean withUsers) {
        Objects.requireNonNull(subscriber, "subscriber");
        float[] values = new float[Feature.count()];
        int distinctCallees = 0;
        int distinctCallers = 0;
        int repeat = 0;
        int callback = 0;
        List<Long> numbers = new ArrayList<>();
        for (Map.Entry<String, Integer> contact : contacts.entrySet()) {
            int how = contact.getValue();
            if ((how & CALLED_BY) != 0) {
                distinctCallers++;
            }
            if ((how & CALLED) != 0) {
                distinctCallees++;
                if ((how & CALLED_AGAIN) != 0) {
                    repeat++;
                }
                if ((how & CALLED_BY) != 0) {
                    callback++;
                }
                long number = number(contact.getKey());
                if (number >= 0) {
                    numbers.add(number);
                }
            }
        }
        int activeDays = outByDay.size();
        int outDays = 0;
        int maxDay = 0;
        int lateOut = 0;
        int lateFrom = (int) Math.floorDiv(windowEnd, 86_400L) - settings.lateDays() + 1;
        for (Map.Entry<Integer, Integer> day : outByDay.entrySet()) {
            int calls = day.getValue();
            if (calls > 0) {
                outDays++;
                maxDay = Math.max(maxDay, calls);
                if (day.getKey() >= lateFrom) {
                    lateOut += calls;
                }
            }
        }
        int maxHour = 0;
        for (int calls : outByHour.values()) {
            maxHour = Math.max(maxHour, calls);
        }
        int shared = 0;
        for (String imei : imeis) {
            if (sharedImeis.contains(imei)) {
                shared++;
            }
        }
        double window = windowEnd - windowStart;
        // The same arithmetic as the batch scan (ShardState.finish), in the same order, so that the floats agree.
        put(values, Feature.OUT_CALLS, out);
        put(values, Feature.IN_CALLS, in);
        put(values, Feature.FORWARDED_CALLS, forwarded);
        put(values, Feature.IN_SHARE, ratio(in, in + out));
        put(values, Feature.DISTINCT_CALLEES, distinctCallees);
        put(values, Feature.DISTINCT_CALLERS, distinctCallers);
        put(values, Feature.CALLEES_PER_CALL, ratio(distinctCallees, out));
        put(values, Feature.REPEAT_CONTACT_RATIO, ratio(repeat, distinctCallees));
        put(values, Feature.CALLBACK_RATIO, ratio(callback, distinctCallees));
        put(values, Feature.CONNECTED_RATIO, ratio(connected, out));
        put(values, Feature.SHORT_CALL_RATIO, ratio(shortCalls, connected));
        put(values, Feature.MEAN_DURATION, ratio(durationSum, connected));
        put(values, Feature.MEDIAN_DURATION, medianBand());
        put(values, Feature.NIGHT_RATIO, ratio(nightCalls, out));
        put(values, Feature.ACTIVE_DAYS, activeDays);
        put(values, Feature.OUT_PER_ACTIVE_DAY, ratio(out, activeDays));
        put(values, Feature.MAX_OUT_PER_DAY, maxDay);
        put(values, Feature.MAX_OUT_PER_HOUR, maxHour);
        put(values, Feature.HOURLY_BURSTINESS, ratio((double) maxHour * outByHour.size(), out));
        put(values, Feature.DAILY_BURSTINESS, ratio((double) maxDay * outDays, out));
        put(values, Feature.LATE_OUT_SHARE, ratio(lateOut, out));
        put(values, Feature.DISTINCT_IMEIS, imeis.size());
        put(values, Feature.SHARED_IMEIS, shared);
        put(values, Feature.DISTINCT_PLACES, places.size());
        put(values, Feature.AWAY_RATIO, ratio(awayCalls, citedCalls));
        put(values, Feature.SEQUENTIAL_RATIO, ratio(sequential(numbers, settings.sequentialStep()), numbers.size()));
        put(values, Feature.FIRST_ACTIVE, window > 0 && isActive() ? (firstSeen - windowStart) / window : 0);
        put(values, Feature.IDCARD_COUNT, idcards);
        put(values, Feature.SMS_OUT, smsOut);
        put(values, Feature.SMS_IN, smsIn);
        return new FeatureTable(new String[] {subscriber}, values, settings, withSms, withUsers);
    }

    private static void put(float[] values, Feature feature, double value) {
        values[feature.ordinal()] = (float) value;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    private double medianBand() {
        if (connected == 0) {
            return Double.NaN;
        }
        int wanted = (connected - 1) / 2;
        int seen = 0;
        for (int band = 0; band < BANDS.length; band++) {
            seen += bandCounts[band];
            if (seen > wanted) {
                return BANDS[band];
            }
        }
        throw new IllegalStateException("duration bands do not add up");
    }

    /** The value of a counterpart of 1 to 17 digits (the batch scan's numeric keys), else -1. */
    private static long number(String counterpart) {
        int length = counterpart.length();
        if (length < 1 || length > 17) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            int digit = counterpart.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** How many of the numbers (distinct callees; equal values possible) lie within {@code step} of another one. */
    private static int sequential(List<Long> list, long step) {
        if (list.size() < 2) {
            return 0;
        }
        long[] numbers = new long[list.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = list.get(i);
        }
        Arrays.sort(numbers);
        int count = 0;
        long previous = Long.MIN_VALUE;
        int i = 0;
        while (i < numbers.length) {
            long value = numbers[i];
            int j = i;
            while (j < numbers.length && numbers[j] == value) {
                j++;
            }
            boolean near = (previous != Long.MIN_VALUE && value - previous <= step)
                    || (j < numbers.length && numbers[j] - value <= step);
            if (near) {
                count += j - i;
            }
            previous = value;
            i = j;
        }
        return count;
    }

    /** Writes the accumulator so that {@link #read} gives an equal one (for checkpoints and state backends). */
    public void write(DataOutput output) throws IOException {
        output.writeByte(VERSION);
        for (int count : new int[] {out, in, forwarded, connected, shortCalls, nightCalls, awayCalls, citedCalls}) {
            output.writeInt(count);
        }
        output.writeInt(smsOut);
        output.writeInt(smsIn);
        output.writeLong(durationSum);
        for (int count : bandCounts) {
            output.writeInt(count);
        }
        output.writeLong(firstSeen);
        output.writeLong(lastSeen);
        output.writeBoolean(hasUser);
        output.writeBoolean(homeCity != null);
        if (homeCity != null) {
            output.writeUTF(homeCity);
        }
        output.writeInt(idcards);
        output.writeInt(contacts.size());
        for (Map.Entry<String, Integer> contact : contacts.entrySet()) {
            output.writeUTF(contact.getKey());
            output.writeByte(contact.getValue());
        }
        writeCounts(output, outByDay);
        writeCounts(output, outByHour);
        writeStrings(output, imeis);
        writeStrings(output, sharedImeis);
        writeStrings(output, places);
    }

    /** Reads an accumulator written by {@link #write}. */
    public static FeatureAccumulator read(DataInput input) throws IOException {
        int version = input.readByte();
        if (version != VERSION) {
            throw new IOException("feature accumulator of unknown version " + version);
        }
        FeatureAccumulator a = new FeatureAccumulator();
        a.out = input.readInt();
        a.in = input.readInt();
        a.forwarded = input.readInt();
        a.connected = input.readInt();
        a.shortCalls = input.readInt();
        a.nightCalls = input.readInt();
        a.awayCalls = input.readInt();
        a.citedCalls = input.readInt();
        a.smsOut = input.readInt();
        a.smsIn = input.readInt();
        a.durationSum = input.readLong();
        for (int i = 0; i < a.bandCounts.length; i++) {
            a.bandCounts[i] = input.readInt();
        }
        a.firstSeen = input.readLong();
        a.lastSeen = input.readLong();
        a.hasUser = input.readBoolean();
        a.homeCity = input.readBoolean() ? input.readUTF() : null;
        a.idcards = input.readInt();
        for (int i = 0, n = input.readInt(); i < n; i++) {
            String counterpart = input.readUTF();
            a.contacts.put(counterpart, (int) input.readByte());
        }
        readCounts(input, a.outByDay);
        readCounts(input, a.outByHour);
        readStrings(input, a.imeis);
        readStrings(input, a.sharedImeis);
        readStrings(input, a.places);
        return a;
    }

    /** An independent copy. */
    public FeatureAccumulator copy() {
        FeatureAccumulator copy = new FeatureAccumulator();
        copy.merge(this);
        return copy;
    }

    private static void writeCounts(DataOutput output, Map<Integer, Integer> counts) throws IOException {
        output.writeInt(counts.size());
        for (Map.Entry<Integer, Integer> entry : counts.entrySet()) {
            output.writeInt(entry.getKey());
            output.writeInt(entry.getValue());
        }
    }

    private static void readCounts(DataInput input, Map<Integer, Integer> counts) throws IOException {
        for (int i = 0, n = input.readInt(); i < n; i++) {
            counts.put(input.readInt(), input.readInt());
        }
    }

    private static void writeStrings(DataOutput output, Set<String> strings) throws IOException {
        output.writeInt(strings.size());
        for (String string : strings) {
            output.writeUTF(string);
        }
    }

    private static void readStrings(DataInput input, Set<String> strings) throws IOException {
        for (int i = 0, n = input.readInt(); i < n; i++) {
            strings.add(input.readUTF());
        }
    }
}

package org.telereg.engine.fraud;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * One subscriber's {@link Feature features} built up record by record, with exactly the batch scan's values for the
 * same records, in primitive arrays rather than Java maps of strings: for a streaming job that keeps one per
 * subscriber and day and touches it for every record.
 *
 * <p>A counterpart or IMEI of 1 to 17 digits (almost all of them) is its own 64-bit key, as in the batch scan: its
 * value, with its length above bit 57 so that a leading zero still counts. Keys live in open-addressing tables
 * (key and flags side by side), so a call costs a few array probes and no allocation once the tables have grown.
 * Anything else (an anonymised token) goes to a map of strings beside them. Days and hours with outgoing calls are
 * int-keyed tables too; places are compared as the strings they are, found through a table of their hashes.
 *
 * <p>Two accumulators of the same subscriber {@link #merge}; every update commutes. Not thread-safe.
 */
public final class CompactFeatureAccumulator {

    private static final int VERSION = 1;
    private static final int[] BANDS = ShardState.DURATION_BANDS;
    private static final int CALLED = 1;
    private static final int CALLED_AGAIN = 2;
    private static final int CALLED_BY = 4;
    /** The ways of meeting a counterpart; the bit above marks a callee already in {@link #sortedCallees}. */
    private static final int WAYS = CALLED | CALLED_AGAIN | CALLED_BY;

    private static final int SORTED = 8;
    private static final int LENGTH_SHIFT = 57;
    private static final long VALUE_MASK = (1L << LENGTH_SHIFT) - 1;
    /** Not a key: every key carries a length of at least 1 above bit 57. */
    private static final long NO_KEY = 0;

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
    private boolean hasUser;
    private String homeCity;
    private int idcards;

    /** Numeric counterparts with bits {@link #CALLED}, {@link #CALLED_AGAIN}, {@link #CALLED_BY}. */
    private final LongFlags contacts = new LongFlags(8);
    /** Counterparts that are not numbers, with the same bits. */
    private Map<String, Integer> tokenContacts;
    /** Outgoing calls by calendar day, with a 0 entry for a day with other calls only. */
    private final IntCounts outByDay = new IntCounts(4);
    /** Outgoing calls by clock hour, hours with outgoing calls only. */
    private final IntCounts outByHour = new IntCounts(8);
    /** Numeric IMEIs: bit 1 used by this subscriber, bit 2 named shared by {@link #imeiShared}. */
    private final LongFlags imeis = new LongFlags(4);
    /** IMEIs that are not numbers, with the same bits. */
    private Map<String, Integer> tokenImeis;

    private final Places places = new Places();
    /**
     * The numeric callees' values, sorted, as of the last {@link #features}: a period's features are asked for every
     * day, and sorting only the day's new callees into these is linear where sorting all again was not. Not
     * written, copied or merged (the {@link #SORTED} marks go with it).
     */
    private long[] sortedCallees = new long[0];

    private int sortedCount;

    private static final int USED = 1;
    private static final int SHARED = 2;

    /** An accumulator that has seen nothing. */
    public CompactFeatureAccumulator() {}

    /** Adds a users row: the subscriber's ID-card count and home place. */
    public void user(UserRecord user) {
        hasUser = true;
        homeCity = user.city().isEmpty() ? null : user.city();
        idcards = user.idcardCount();
    }

    /** Adds a call of this subscriber, with the settings of the model that will score the features. */
    public void call(CallRecord call, FeatureSettings settings) {
        String imei = call.imei();
        long imeiKey = imei.isEmpty() ? NO_KEY : numberKey(imei);
        call(
                call.type(),
                call.time(),
                call.duration(),
                numberKey(call.counterpart()),
                call.counterpart(),
                imeiKey,
                imei.isEmpty() ? null : imei,
                call.city(),
                call.county(),
                settings);
    }

    /**
     * Adds a call given as numbers rather than strings, for callers that parsed it into keys ({@link #numberKey}):
     * the same as {@link #call(CallRecord, FeatureSettings)} for the call those fields describe.
     *
     * @param type 1 outgoing, 2 incoming, 3 forwarded
     * @param counterpart the counterpart's key, or 0 when it is not a number
     * @param counterpartText the counterpart as written; read only when {@code counterpart} is 0
     * @param imei the IMEI's key, or 0 when it is not a number or there is none
     * @param imeiText the IMEI as written, read only when {@code imei} is 0; null when the call has none
     * @param city {@code city_name}, empty when not given
     * @param county {@code county_name}, empty when not given
     */
    public void call(
            int type,
            long time,
            int duration,
            long counterpart,
            String counterpartText,
            long imei,
            String imeiText,
            String city,
            String county,
            FeatureSettings settings) {
        seen(time);
        int day = (int) Math.floorDiv(time, 86_400L);
        outByDay.add(day, 0);
        if (type == 1) {
            out++;
            outByDay.add(day, 1);
            int hour = (int) Math.floorDiv(time, 3_600L);
            outByHour.add(hour, 1);
            if (settings.isNight(hour - day * 24)) {
                nightCalls++;
            }
            meet(counterpart, counterpartText, CALLED);
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
        } else if (type == 2) {
            in++;
            meet(counterpart, counterpartText, CALLED_BY);
        } else {
            forwarded++;
        }
        if (imei != NO_KEY) {
            imeis.or(imei, USED);
        } else if (imeiText != null) {
            markImei(imeiText, USED);
        }
        if (!city.isEmpty() || !county.isEmpty()) {
            places.add(city, county);
        }
        if (homeCity != null && !city.isEmpty()) {
            citedCalls++;
            if (!homeCity.equals(city)) {
                awayCalls++;
            }
        }
    }

    private void meet(long key, String counterpart, int how) {
        if (key != NO_KEY) {
            contacts.combine(key, how);
        } else {
            meet(counterpart, how);
        }
    }

    private void meet(String counterpart, int how) {
        long key = numberKey(counterpart);
        if (key != NO_KEY) {
            contacts.combine(key, how);
        } else {
            if (tokenContacts == null) {
                tokenContacts = new HashMap<>();
            }
            tokenContacts.merge(counterpart, how, CompactFeatureAccumulator::combine);
        }
    }

    private void markImei(String imei, int bit) {
        long key = numberKey(imei);
        if (key != NO_KEY) {
            imeis.or(key, bit);
        } else {
            if (tokenImeis == null) {
                tokenImeis = new HashMap<>();
            }
            tokenImeis.merge(imei, bit, (a, b) -> a | b);
        }
    }

    /** Adds a message of this subscriber. */
    public void sms(SmsRecord sms) {
        sms(sms.sent(), sms.time());
    }

    /** Adds a message of this subscriber sent (or received) at {@code time}, as {@link #sms(SmsRecord)}. */
    public void sms(boolean sent, long time) {
        seen(time);
        if (sent) {
            smsOut++;
        } else {
            smsIn++;
        }
    }

    private void seen(long time) {
        firstSeen = Math.min(firstSeen, time);
        lastSeen = Math.max(lastSeen, time);
    }

    /** Notes that another subscriber used {@code imei} in the same window. */
    public void imeiShared(String imei) {
        markImei(imei, SHARED);
    }

    /** Notes every IMEI that {@code other} was told is shared (the same subscriber, a longer window). */
    public void imeisSharedIn(CompactFeatureAccumulator other) {
        long[] keys = other.imeis.keys;
        byte[] flags = other.imeis.flags;
        for (int slot = 0; slot < keys.length; slot++) {
            if (keys[slot] != NO_KEY && (flags[slot] & SHARED) != 0) {
                imeis.or(keys[slot], SHARED);
            }
        }
        if (other.tokenImeis != null) {
            other.tokenImeis.forEach((imei, bits) -> {
                if ((bits & SHARED) != 0) {
                    markImei(imei, SHARED);
                }
            });
        }
    }

    /** The IMEIs {@link #imeiShared} named, whether or not this subscriber used them. */
    public Set<String> sharedImeis() {
        return imeisWith(SHARED);
    }

    /** The IMEIs this subscriber used. */
    public Set<String> imeis() {
        return imeisWith(USED);
    }

    private Set<String> imeisWith(int bit) {
        Set<String> found = new HashSet<>();
        for (int slot = 0; slot < imeis.keys.length; slot++) {
            if (imeis.keys[slot] != NO_KEY && (imeis.flags[slot] & bit) != 0) {
                found.add(numberText(imeis.keys[slot]));
            }
        }
        if (tokenImeis != null) {
            tokenImeis.forEach((imei, bits) -> {
                if ((bits & bit) != 0) {
                    found.add(imei);
                }
            });
        }
        return found;
    }

    /**
     * Makes room for {@code more} new numeric counterparts at once, so that the contact table does not double on
     * the way to them: for a caller that knows how many records are coming (each meets at most one).
     */
    public void reserveContacts(int more) {
        contacts.reserve(more);
    }

    /** Adds everything {@code other} (the same subscriber, other records) has seen; a users row of other wins. */
    public void merge(CompactFeatureAccumulator other) {
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
        if (contacts.size == 0) {
            contacts.reserve(other.contacts.size); // all new: one table of the right size, no doubling
        }
        for (int slot = 0; slot < other.contacts.keys.length; slot++) {
            long key = other.contacts.keys[slot];
            if (key != NO_KEY) {
                contacts.combine(key, other.contacts.flags[slot] & WAYS);
            }
        }
        if (other.tokenContacts != null) {
            other.tokenContacts.forEach((counterpart, how) -> meet(counterpart, how));
        }
        outByDay.addAll(other.outByDay);
        outByHour.addAll(other.outByHour);
        for (int slot = 0; slot < other.imeis.keys.length; slot++) {
            long key = other.imeis.keys[slot];
            if (key != NO_KEY) {
                imeis.or(key, other.imeis.flags[slot]);
            }
        }
        if (other.tokenImeis != null) {
            other.tokenImeis.forEach(this::markImei);
        }
        for (int i = 0; i < other.places.size; i++) {
            places.add(other.places.cities[i], other.places.counties[i]);
        }
    }

    /** Two ways of meeting one counterpart: calling it in both makes it called again. */
    private static int combine(int a, int b) {
        int both = a | b;
        if ((a & CALLED) != 0 && (b & CALLED) != 0) {
            both |= CALLED_AGAIN;
        }
        return both;
    }

    /** Whether a call or message was added. */
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

    /** The features over a window, exactly as the batch scan gives them for the same records. */
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
        long[] fresh = new long[contacts.size - sortedCount];
        int freshCount = 0;
        for (int slot = 0; slot < contacts.keys.length; slot++) {
            if (contacts.keys[slot] == NO_KEY) {
                continue;
            }
            int how = contacts.flags[slot];
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
                if ((how & SORTED) == 0) {
                    fresh[freshCount++] = contacts.keys[slot] & VALUE_MASK;
                    contacts.flags[slot] = (byte) (how | SORTED);
                }
            }
        }
        if (tokenContacts != null) {
            for (int how : tokenContacts.values()) {
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
                }
            }
        }
        int activeDays = outByDay.size;
        int outDays = 0;
        int maxDay = 0;
        int lateOut = 0;
        int lateFrom = (int) Math.floorDiv(windowEnd, 86_400L) - settings.lateDays() + 1;
        for (int slot = 0; slot < outByDay.keys.length; slot++) {
            int calls = outByDay.counts[slot];
            if (outByDay.keys[slot] != IntCounts.EMPTY && calls > 0) {
                outDays++;
                maxDay = Math.max(maxDay, calls);
                if (outByDay.keys[slot] >= lateFrom) {
                    lateOut += calls;
                }
            }
        }
        int maxHour = 0;
        for (int slot = 0; slot < outByHour.keys.length; slot++) {
            if (outByHour.keys[slot] != IntCounts.EMPTY) {
                maxHour = Math.max(maxHour, outByHour.counts[slot]);
            }
        }
        int distinctImeis = 0;
        int shared = 0;
        for (int slot = 0; slot < imeis.keys.length; slot++) {
            if (imeis.keys[slot] != NO_KEY && (imeis.flags[slot] & USED) != 0) {
                distinctImeis++;
                if ((imeis.flags[slot] & SHARED) != 0) {
                    shared++;
                }
            }
        }
        if (tokenImeis != null) {
            for (int bits : tokenImeis.values()) {
                if ((bits & USED) != 0) {
                    distinctImeis++;
                    if ((bits & SHARED) != 0) {
                        shared++;
                    }
                }
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
        put(values, Feature.HOURLY_BURSTINESS, ratio((double) maxHour * outByHour.size, out));
        put(values, Feature.DAILY_BURSTINESS, ratio((double) maxDay * outDays, out));
        put(values, Feature.LATE_OUT_SHARE, ratio(lateOut, out));
        put(values, Feature.DISTINCT_IMEIS, distinctImeis);
        put(values, Feature.SHARED_IMEIS, shared);
        put(values, Feature.DISTINCT_PLACES, places.size);
        put(values, Feature.AWAY_RATIO, ratio(awayCalls, citedCalls));
        sortIn(fresh, freshCount);
        int numeric = sortedCount;
        put(
                values,
                Feature.SEQUENTIAL_RATIO,
                ratio(sequential(sortedCallees, numeric, settings.sequentialStep()), numeric));
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

    /** Sorts the first {@code count} of {@code fresh} and merges them into {@link #sortedCallees}. */
    private void sortIn(long[] fresh, int count) {
        if (count == 0) {
            return;
        }
        Arrays.sort(fresh, 0, count);
        long[] merged = new long[sortedCount + count];
        int i = 0;
        int j = 0;
        int k = 0;
        while (i < sortedCount && j < count) {
            merged[k++] = sortedCallees[i] <= fresh[j] ? sortedCallees[i++] : fresh[j++];
        }
        while (i < sortedCount) {
            merged[k++] = sortedCallees[i++];
        }
        while (j < count) {
            merged[k++] = fresh[j++];
        }
        sortedCallees = merged;
        sortedCount = k;
    }

    /**
     * How many of the first {@code count} numbers, sorted, lie within {@code step} of another one (equal values
     * possible).
     */
    private static int sequential(long[] numbers, int count, long step) {
        if (count < 2) {
            return 0;
        }
        int near = 0;
        long previous = Long.MIN_VALUE;
        int i = 0;
        while (i < count) {
            long value = numbers[i];
            int j = i;
            while (j < count && numbers[j] == value) {
                j++;
            }
            if ((previous != Long.MIN_VALUE && value - previous <= step) || (j < count && numbers[j] - value <= step)) {
                near += j - i;
            }
            previous = value;
            i = j;
        }
        return near;
    }

    /**
     * The key of a number of 1 to 17 digits (its value, its length above bit 57), or 0 for anything else (an
     * anonymised token). Seventeen digits stay below 2^57, so the length never touches the value, and no key is 0.
     */
    public static long numberKey(String text) {
        int length = text.length();
        if (length < 1 || length > 17) {
            return NO_KEY;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return NO_KEY;
            }
            value = value * 10 + digit;
        }
        return value | (long) length << LENGTH_SHIFT;
    }

    /** The number a {@link #numberKey} stands for, with its leading zeros. */
    public static String numberText(long key) {
        int length = (int) (key >>> LENGTH_SHIFT);
        char[] digits = new char[length];
        long value = key & VALUE_MASK;
        for (int i = length - 1; i >= 0; i--) {
            digits[i] = (char) ('0' + value % 10);
            value /= 10;
        }
        return new String(digits);
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
        contacts.write(output);
        writeTokens(output, tokenContacts);
        outByDay.write(output);
        outByHour.write(output);
        imeis.write(output);
        writeTokens(output, tokenImeis);
        output.writeInt(places.size);
        for (int i = 0; i < places.size; i++) {
            output.writeUTF(places.cities[i]);
            output.writeUTF(places.counties[i]);
        }
    }

    /** Reads an accumulator written by {@link #write}. */
    public static CompactFeatureAccumulator read(DataInput input) throws IOException {
        int version = input.readByte();
        if (version != VERSION) {
            throw new IOException("compact feature accumulator of unknown version " + version);
        }
        CompactFeatureAccumulator a = new CompactFeatureAccumulator();
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
        a.contacts.read(input);
        a.tokenContacts = readTokens(input);
        a.outByDay.read(input);
        a.outByHour.read(input);
        a.imeis.read(input);
        a.tokenImeis = readTokens(input);
        for (int i = 0, n = input.readInt(); i < n; i++) {
            a.places.add(input.readUTF(), input.readUTF());
        }
        return a;
    }

    /** An independent copy. */
    public CompactFeatureAccumulator copy() {
        CompactFeatureAccumulator copy = new CompactFeatureAccumulator();
        copy.merge(this);
        return copy;
    }

    private static void writeTokens(DataOutput output, Map<String, Integer> tokens) throws IOException {
        output.writeInt(tokens == null ? 0 : tokens.size());
        if (tokens != null) {
            for (Map.Entry<String, Integer> token : tokens.entrySet()) {
                output.writeUTF(token.getKey());
                output.writeByte(token.getValue());
            }
        }
    }

    private static Map<String, Integer> readTokens(DataInput input) throws IOException {
        int n = input.readInt();
        if (n == 0) {
            return null;
        }
        Map<String, Integer> tokens = new HashMap<>();
        for (int i = 0; i < n; i++) {
            tokens.put(input.readUTF(), (int) input.readByte());
        }
        return tokens;
    }

    /** Slot of a 64-bit key in a power-of-two table: the high bits of a multiplicative hash spread digits well. */
    private static int slot(long key, int mask) {
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> 40) & mask;
    }

    /** An open-addressing set of non-zero long keys, each with a byte of flags. */
    private static final class LongFlags {
        long[] keys;
        byte[] flags;
        int size;

        LongFlags(int capacity) {
            keys = new long[capacity];
            flags = new byte[capacity];
        }

        /** Adds {@code how} as a way of meeting the counterpart {@code key} ({@link #combine}). */
        void combine(long key, int how) {
            int at = find(key);
            flags[at] = (byte) (keys[at] == NO_KEY ? how : CompactFeatureAccumulator.combine(flags[at], how));
            claim(at, key);
        }

        void or(long key, int bits) {
            int at = find(key);
            flags[at] = (byte) (keys[at] == NO_KEY ? bits : flags[at] | bits);
            claim(at, key);
        }

        private int find(long key) {
            int mask = keys.length - 1;
            int at = slot(key, mask);
            while (keys[at] != NO_KEY && keys[at] != key) {
                at = (at + 1) & mask;
            }
            return at;
        }

        private void claim(int at, long key) {
            if (keys[at] == NO_KEY) {
                keys[at] = key;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
        }

        private void grow() {
            rehash(keys.length * 2);
        }

        /** Makes room for {@code more} new keys at once, rather than doubling on the way to it. */
        void reserve(int more) {
            int length = keys.length;
            while ((size + more) * 2 > length) {
                length *= 2;
            }
            if (length > keys.length) {
                rehash(length);
            }
        }

        private void rehash(int length) {
            long[] oldKeys = keys;
            byte[] oldFlags = flags;
            keys = new long[length];
            flags = new byte[length];
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != NO_KEY) {
                    int at = find(oldKeys[i]);
                    keys[at] = oldKeys[i];
                    flags[at] = oldFlags[i];
                }
            }
        }

        void write(DataOutput output) throws IOException {
            output.writeInt(size);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != NO_KEY) {
                    output.writeLong(keys[i]);
                    output.writeByte(flags[i] & WAYS);
                }
            }
        }

        void read(DataInput input) throws IOException {
            for (int i = 0, n = input.readInt(); i < n; i++) {
                long key = input.readLong();
                or(key, input.readByte());
            }
        }
    }

    /** An open-addressing map of int keys (days, hours) to counts. */
    private static final class IntCounts {
        static final int EMPTY = Integer.MIN_VALUE;

        int[] keys;
        int[] counts;
        int size;

        IntCounts(int capacity) {
            keys = new int[capacity];
            Arrays.fill(keys, EMPTY);
            counts = new int[capacity];
        }

        void add(int key, int count) {
            int mask = keys.length - 1;
            int at = (key * 0x9E3779B1 >>> 16) & mask;
            while (keys[at] != EMPTY && keys[at] != key) {
                at = (at + 1) & mask;
            }
            counts[at] += count;
            if (keys[at] == EMPTY) {
                keys[at] = key;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
        }

        void addAll(IntCounts other) {
            for (int i = 0; i < other.keys.length; i++) {
                if (other.keys[i] != EMPTY) {
                    add(other.keys[i], other.counts[i]);
                }
            }
        }

        private void grow() {
            int[] oldKeys = keys;
            int[] oldCounts = counts;
            keys = new int[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            counts = new int[oldKeys.length * 2];
            size = 0;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    add(oldKeys[i], oldCounts[i]);
                }
            }
        }

        void write(DataOutput output) throws IOException {
            output.writeInt(size);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY) {
                    output.writeInt(keys[i]);
                    output.writeInt(counts[i]);
                }
            }
        }

        void read(DataInput input) throws IOException {
            for (int i = 0, n = input.readInt(); i < n; i++) {
                add(input.readInt(), input.readInt());
            }
        }
    }

    /** Distinct (city, county) pairs, found through an open-addressing table of their hashes. */
    private static final class Places {
        String[] cities = new String[2];
        String[] counties = new String[2];
        int size;
        /** Index + 1 of a place in {@link #cities} and {@link #counties}, 0 for an empty slot. */
        int[] table = new int[4];

        void add(String city, String county) {
            int mask = table.length - 1;
            int at = hash(city, county) & mask;
            for (int index = table[at]; index != 0; index = table[at]) {
                if (cities[index - 1].equals(city) && counties[index - 1].equals(county)) {
                    return;
                }
                at = (at + 1) & mask;
            }
            if (size == cities.length) {
                cities = Arrays.copyOf(cities, size * 2);
                counties = Arrays.copyOf(counties, size * 2);
            }
            cities[size] = city;
            counties[size] = county;
            table[at] = ++size;
            if (size * 2 > table.length) {
                table = new int[table.length * 2];
                for (int i = 0; i < size; i++) {
                    int slot = hash(cities[i], counties[i]) & (table.length - 1);
                    while (table[slot] != 0) {
                        slot = (slot + 1) & (table.length - 1);
                    }
                    table[slot] = i + 1;
                }
            }
        }

        private static int hash(String city, String county) {
            return (city.hashCode() * 31 + county.hashCode()) * 0x9E3779B1 >>> 8;
        }
    }
}

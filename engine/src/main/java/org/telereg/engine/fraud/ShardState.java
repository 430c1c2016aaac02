package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * Everything known about the subscribers of one shard (those whose number hashes to it), updated record by
 * record by the one thread that owns the shard, then turned into feature values.
 *
 * <p>Per subscriber: a row of 40 ints (160 bytes) plus its number in the subscriber dictionary (length + 24 to
 * 40 bytes). Per distinct pair (subscriber and callee or caller, IMEI, place, calendar day with calls, clock hour
 * with outgoing calls): one {@link PairCounts} entry (26 to 51 bytes). Counterparts written as digits need
 * nothing more; other counterparts (tokens) one dictionary entry per shard (length + 24 to 40 bytes). Nothing is
 * kept per record.
 */
final class ShardState {

    static final int[] DURATION_BANDS = {1, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    private static final int BANDS = DURATION_BANDS.length;
    private static final int NONE = Integer.MIN_VALUE;
    private static final int MANY_OWNERS = -2;
    private static final long TOKEN = 1L << 62;
    private static final byte SEPARATOR = 0x1F;
    private static final int BATCH = 64;
    private static final int RANGES = 8;

    // Per-subscriber state: one row of STRIDE ints per subscriber, so that a record touches one or two cache
    // lines of it rather than one line in each of thirty arrays.
    private static final int OUT_CALLS = 0;
    private static final int IN_CALLS = 1;
    private static final int FORWARDED_CALLS = 2;
    private static final int CONNECTED = 3;
    private static final int SHORT_CALLS = 4;
    private static final int NIGHT_CALLS = 5;
    private static final int CURRENT_DAY = 6;
    private static final int CURRENT_DAY_OUT = 7;
    private static final int CURRENT_HOUR = 8;
    private static final int CURRENT_HOUR_OUT = 9;
    private static final int LAST_IMEI = 10;
    private static final int LAST_PLACE = 11;
    private static final int FIRST_SEEN = 12;
    private static final int DURATION_SUM = 13;
    private static final int HOME_CITY = 14;
    private static final int AWAY_CALLS = 15;
    private static final int CITED_CALLS = 16;
    private static final int ACTIVE = 17;
    private static final int SMS_OUT = 18;
    private static final int SMS_IN = 19;
    private static final int IDCARDS = 20;
    private static final int DURATION_SUM_HIGH = 21;
    private static final int BAND_COUNTS = 22;
    /** The last IMEI's length and first 16 bytes, so that the usual same-handset check needs no dictionary. */
    private static final int LAST_IMEI_LENGTH = 32;

    private static final int LAST_IMEI_BYTES = 33;
    private static final int STRIDE = 40;

    /** Seconds are kept as ints from 2000-01-01, which covers 1932 to 2068. */
    private static final long EPOCH_2000 = 946_684_800L;

    private final FeatureSettings settings;

    final ByteDictionary subscribers = new ByteDictionary();
    /** Counterparts not written as up to 17 digits (tokens); their key is a flag bit and their id here. */
    private final ByteDictionary tokens = new ByteDictionary();

    final ByteDictionary imeis = new ByteDictionary();
    private final ByteDictionary places = new ByteDictionary();
    private final ByteDictionary cities = new ByteDictionary();
    private final PairCounts pairs = new PairCounts();

    private int[] imeiOwner = new int[256];
    private int[] placeCity = new int[256];
    private byte[] placeKey = new byte[256];

    private int[] state = new int[0];
    private int capacity;

    private int queued;
    private byte[] queuedBytes;
    private final long[] qHash = new long[BATCH];
    private final int[] qSub = new int[BATCH];
    private final int[] qType = new int[BATCH];
    private final long[] qTime = new long[BATCH];
    private final long[] qDuration = new long[BATCH];
    private final long[] qCounterpart = new long[BATCH];
    private final int[] qRanges = new int[BATCH * RANGES];
    /** Keeps the reads of {@link #drain}'s first pass from being optimised away. */
    long sink;

    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;

    ShardState(FeatureSettings settings) {
        this.settings = settings;
        allocate(256);
    }

    private void allocate(int size) {
        int old = capacity;
        capacity = size;
        state = Arrays.copyOf(state, size * STRIDE);
        for (int sub = old; sub < size; sub++) {
            int at = sub * STRIDE;
            state[at + CURRENT_DAY] = NONE;
            state[at + CURRENT_HOUR] = NONE;
            state[at + LAST_IMEI] = -1;
            state[at + LAST_PLACE] = -1;
            state[at + HOME_CITY] = -1;
            state[at + FIRST_SEEN] = Integer.MAX_VALUE;
        }
    }

    /** The id of a subscriber number, adding it with empty state when new. */
    int subscriber(byte[] bytes, int from, int to, long hash) {
        int id = subscribers.intern(bytes, from, to, hash);
        if (id >= capacity) {
            int most = Math.min(PairCounts.MAX_SUBSCRIBERS, (Integer.MAX_VALUE - 16) / STRIDE);
            if (id >= most) {
                throw new IllegalStateException(
                        "more than " + most + " subscribers in one shard; use more threads (shards)");
            }
            allocate((int) Math.min((long) capacity * 2, most));
        }
        return id;
    }

    void user(int sub, byte[] b, int cityFrom, int cityTo, int idcardCount) {
        int at = sub * STRIDE;
        state[at + IDCARDS] = idcardCount;
        state[at + HOME_CITY] =
                cityFrom < cityTo ? cities.intern(b, cityFrom, cityTo, Bytes.hash(b, cityFrom, cityTo)) : -1;
    }

    void sms(int sub, boolean sent, long time) {
        int at = sub * STRIDE;
        seen(at, time);
        state[at + (sent ? SMS_OUT : SMS_IN)]++;
    }

    /**
     * Queues one call record; {@link #drain} applies the queue. The subscriber is the bytes {@code [phoneFrom,
     * phoneTo)} with {@link Bytes#hash} {@code phoneHash}; {@code type} is 1, 2 or 3; {@code time} in seconds
     * from {@link Bytes#parseDateTime}; empty ranges mean an absent city, county or IMEI. The ranges point into
     * {@code b}, which must not change until the queue is drained.
     */
    void call(
            byte[] b,
            int phoneFrom,
            int phoneTo,
            long phoneHash,
            int oppositeFrom,
            int oppositeTo,
            int type,
            long time,
            long duration,
            int cityFrom,
            int cityTo,
            int countyFrom,
            int countyTo,
            int imeiFrom,
            int imeiTo) {
        int i = queued++;
        queuedBytes = b;
        qHash[i] = phoneHash;
        qType[i] = type;
        qTime[i] = time;
        qDuration[i] = duration;
        qCounterpart[i] = type == 3 ? 0 : counterpart(b, oppositeFrom, oppositeTo);
        int r = i * RANGES;
        qRanges[r] = phoneFrom;
        qRanges[r + 1] = phoneTo;
        qRanges[r + 2] = cityFrom;
        qRanges[r + 3] = cityTo;
        qRanges[r + 4] = countyFrom;
        qRanges[r + 5] = countyTo;
        qRanges[r + 6] = imeiFrom;
        qRanges[r + 7] = imeiTo;
        if (queued == BATCH) {
            drain();
        }
    }

    /**
     * Applies the queued call records. Random reads of a large array cost hundreds of nanoseconds each when
     * done one after another, but the processor overlaps reads that do not depend on each other. So a first
     * pass reads the subscriber dictionary's slots of every record in the batch, a second the subscribers'
     * numbers those slots point to, a third (the subscribers found) their state rows, and the last pass applies
     * the records to rows already in cache. Pair updates are buffered by {@link PairCounts} and cost no random
     * read here.
     */
    void drain() {
        int count = queued;
        if (count == 0) {
            return;
        }
        byte[] b = queuedBytes;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            touched += subscribers.touch(qHash[i]);
        }
        for (int i = 0; i < count; i++) {
            touched += subscribers.touchKey(qHash[i]);
        }
        int last = -1;
        for (int i = 0; i < count; i++) {
            int r = i * RANGES;
            int sub = last >= 0 && subscribers.is(last, b, qRanges[r], qRanges[r + 1], qHash[i])
                    ? last
                    : subscriber(b, qRanges[r], qRanges[r + 1], qHash[i]);
            qSub[i] = sub;
            last = sub;
            touched += state[sub * STRIDE];
        }
        sink += touched;
        for (int i = 0; i < count; i++) {
            int r = i * RANGES;
            apply(
                    qSub[i],
                    b,
                    qType[i],
                    qTime[i],
                    qDuration[i],
                    qCounterpart[i],
                    qRanges[r + 2],
                    qRanges[r + 3],
                    qRanges[r + 4],
                    qRanges[r + 5],
                    qRanges[r + 6],
                    qRanges[r + 7]);
        }
        queued = 0;
        queuedBytes = null;
    }

    private void apply(
            int sub,
            byte[] b,
            int type,
            long time,
            long duration,
            long counterpart,
            int cityFrom,
            int cityTo,
            int countyFrom,
            int countyTo,
            int imeiFrom,
            int imeiTo) {
        int at = sub * STRIDE;
        seen(at, time);
        int day = (int) Math.floorDiv(time, 86_400L);
        if (day != state[at + CURRENT_DAY]) {
            flushDay(sub);
            state[at + CURRENT_DAY] = day;
        }
        if (type == 1) {
            outgoing(sub, time, day, duration, counterpart);
        } else if (type == 2) {
            state[at + IN_CALLS]++;
            pairs.or(PairCounts.owner(PairCounts.CONTACT, sub), counterpart, PairCounts.IN);
        } else {
            state[at + FORWARDED_CALLS]++;
        }
        if (imeiFrom < imeiTo) {
            imei(sub, b, imeiFrom, imeiTo);
        }
        if (cityFrom < cityTo || countyFrom < countyTo) {
            place(sub, b, cityFrom, cityTo, countyFrom, countyTo);
        }
    }

    private void seen(int at, long time) {
        state[at + ACTIVE] = 1;
        int seconds = (int) (time - EPOCH_2000);
        if (seconds < state[at + FIRST_SEEN]) {
            state[at + FIRST_SEEN] = seconds;
        }
        if (time < windowStart) {
            windowStart = time;
        }
        if (time > windowEnd) {
            windowEnd = time;
        }
    }

    private void outgoing(int sub, long time, int day, long duration, long counterpart) {
        int at = sub * STRIDE;
        state[at + OUT_CALLS]++;
        state[at + CURRENT_DAY_OUT]++;
        int hour = (int) Math.floorDiv(time, 3_600L);
        if (hour != state[at + CURRENT_HOUR]) {
            flushHour(sub);
            state[at + CURRENT_HOUR] = hour;
        }
        state[at + CURRENT_HOUR_OUT]++;
        if (settings.isNight(hour - day * 24)) {
            state[at + NIGHT_CALLS]++;
        }
        pairs.out(PairCounts.owner(PairCounts.CONTACT, sub), counterpart);
        if (duration > 0) {
            state[at + CONNECTED]++;
            long sum = durationSum(at) + duration;
            state[at + DURATION_SUM] = (int) sum;
            state[at + DURATION_SUM_HIGH] = (int) (sum >>> 32);
            if (duration < settings.shortCallSeconds()) {
                state[at + SHORT_CALLS]++;
            }
            int band = BANDS - 1;
            while (duration < DURATION_BANDS[band]) {
                band--;
            }
            state[at + BAND_COUNTS + band]++;
        }
    }

    // Runs of records of one subscriber in one day (hour) are counted in the subscriber's own row and
    // written to the pair table once per run: once per day (hour) for time-ordered input.
    private void flushDay(int sub) {
        int at = sub * STRIDE;
        if (state[at + CURRENT_DAY] != NONE) {
            pairs.add(PairCounts.owner(PairCounts.DAY, sub), state[at + CURRENT_DAY], state[at + CURRENT_DAY_OUT]);
            state[at + CURRENT_DAY_OUT] = 0;
            state[at + CURRENT_DAY] = NONE;
        }
    }

    private void flushHour(int sub) {
        int at = sub * STRIDE;
        if (state[at + CURRENT_HOUR] != NONE) {
            pairs.add(PairCounts.owner(PairCounts.HOUR, sub), state[at + CURRENT_HOUR], state[at + CURRENT_HOUR_OUT]);
            state[at + CURRENT_HOUR_OUT] = 0;
            state[at + CURRENT_HOUR] = NONE;
        }
    }

    /**
     * The key of a counterpart in the pair table. A number of up to 17 digits is its own key: its value with its
     * length in the top bits (so that a leading zero still makes a different number), with no hashing and no
     * dictionary. Anything else is interned as a token and keyed by its id with bit 62 set, above any length.
     */
    private long counterpart(byte[] b, int from, int to) {
        int length = to - from;
        if (length <= 17) {
            long value = Bytes.parseCount(b, from, to);
            if (value != Bytes.INVALID) {
                return ((long) length << 57) | value;
            }
        }
        return TOKEN | tokens.intern(b, from, to, Bytes.hash(b, from, to));
    }

    /** The numeric value of a counterpart key, or -1 when the counterpart is not all digits. */
    private static long counterpartNumber(long key) {
        return (key & TOKEN) != 0 ? -1 : key & ((1L << 57) - 1);
    }

    private void imei(int sub, byte[] b, int from, int to) {
        int at = sub * STRIDE;
        int length = to - from;
        int w0 = 0;
        int w1 = 0;
        int w2 = 0;
        int w3 = 0;
        if (length <= 16) {
            for (int k = 0; k < length; k++) {
                int shifted = (b[from + k] & 0xFF) << ((k & 3) << 3);
                switch (k >>> 2) {
                    case 0 -> w0 |= shifted;
                    case 1 -> w1 |= shifted;
                    case 2 -> w2 |= shifted;
                    default -> w3 |= shifted;
                }
            }
            // Most calls are made from the handset of the subscriber's previous call.
            if (state[at + LAST_IMEI_LENGTH] == length
                    && state[at + LAST_IMEI_BYTES] == w0
                    && state[at + LAST_IMEI_BYTES + 1] == w1
                    && state[at + LAST_IMEI_BYTES + 2] == w2
                    && state[at + LAST_IMEI_BYTES + 3] == w3) {
                return;
            }
        } else if (state[at + LAST_IMEI] >= 0 && imeis.is(state[at + LAST_IMEI], b, from, to)) {
            return;
        }
        long hash = Bytes.hash(b, from, to);
        int before = imeis.size();
        int id = imeis.intern(b, from, to, hash);
        if (id == before) {
            if (id == imeiOwner.length) {
                imeiOwner = Arrays.copyOf(imeiOwner, id * 2);
            }
            imeiOwner[id] = -1;
        }
        state[at + LAST_IMEI] = id;
        // A length above 16 never matches the inline copy, so those IMEIs take the dictionary path above.
        state[at + LAST_IMEI_LENGTH] = length;
        state[at + LAST_IMEI_BYTES] = w0;
        state[at + LAST_IMEI_BYTES + 1] = w1;
        state[at + LAST_IMEI_BYTES + 2] = w2;
        state[at + LAST_IMEI_BYTES + 3] = w3;
        pairs.or(PairCounts.owner(PairCounts.IMEI, sub), id, 1);
        // The IMEI's first subscriber, until a second one shows that it is shared.
        if (imeiOwner[id] == -1) {
            imeiOwner[id] = sub;
        } else if (imeiOwner[id] != sub) {
            imeiOwner[id] = MANY_OWNERS;
        }
    }

    private void place(int sub, byte[] b, int cityFrom, int cityTo, int countyFrom, int countyTo) {
        int at = sub * STRIDE;
        int id = state[at + LAST_PLACE];
        int cityLength = cityTo - cityFrom;
        if (id < 0 || !places.is(id, b, cityFrom, cityTo, SEPARATOR, countyFrom, countyTo)) {
            int length = cityLength + 1 + countyTo - countyFrom;
            if (length > placeKey.length) {
                placeKey = new byte[Math.max(length, placeKey.length * 2)];
            }
            // City and county joined by a unit separator, which cannot occur in either, as the place's key.
            System.arraycopy(b, cityFrom, placeKey, 0, cityLength);
            placeKey[cityLength] = SEPARATOR;
            System.arraycopy(b, countyFrom, placeKey, cityLength + 1, countyTo - countyFrom);
            long hash = Bytes.hash(placeKey, 0, length);
            int before = places.size();
            id = places.intern(placeKey, 0, length, hash);
            if (id == before) {
                if (id == placeCity.length) {
                    placeCity = Arrays.copyOf(placeCity, id * 2);
                }
                placeCity[id] =
                        cityLength > 0 ? cities.intern(b, cityFrom, cityTo, Bytes.hash(b, cityFrom, cityTo)) : -1;
            }
            state[at + LAST_PLACE] = id;
            pairs.or(PairCounts.owner(PairCounts.PLACE, sub), id, 1);
        }
        int home = state[at + HOME_CITY];
        if (home >= 0 && cityLength > 0) {
            state[at + CITED_CALLS]++;
            if (placeCity[id] != home) {
                state[at + AWAY_CALLS]++;
            }
        }
    }

    long windowStart() {
        return windowStart;
    }

    long windowEnd() {
        return windowEnd;
    }

    /** Distinct subscribers of this shard that used the IMEI {@code id}, counted up to 2. */
    int imeiUsers(int id) {
        return imeiOwner[id] == MANY_OWNERS ? 2 : 1;
    }

    /** Distinct subscribers of this shard that used the IMEI with these bytes, counted up to 2. */
    int imeiUsers(byte[] bytes, int from, int to, long hash) {
        int id = imeis.find(bytes, from, to, hash);
        return id < 0 ? 0 : imeiUsers(id);
    }

    long footprint() {
        return 4L * state.length
                + subscribers.footprint()
                + tokens.footprint()
                + imeis.footprint()
                + places.footprint()
                + cities.footprint()
                + pairs.footprint()
                + 4L * imeiOwner.length
                + 4L * placeCity.length;
    }

    /**
     * The features of every subscriber of this shard seen in a call or SMS record.
     *
     * @param sharedImei whether each IMEI of this shard (by id) is used by two or more subscribers of all shards
     * @param start first second of the whole input
     * @param end last second of the whole input
     */
    ShardFeatures finish(boolean[] sharedImei, long start, long end) {
        drain();
        int size = subscribers.size();
        for (int sub = 0; sub < size; sub++) {
            flushDay(sub);
            flushHour(sub);
        }
        pairs.flush();
        int[] distinctCallees = new int[size];
        int[] repeatCallees = new int[size];
        int[] callbackCallees = new int[size];
        int[] distinctCallers = new int[size];
        int[] distinctImeis = new int[size];
        int[] sharedImeis = new int[size];
        int[] distinctPlaces = new int[size];
        int[] activeDays = new int[size];
        int[] outDays = new int[size];
        int[] maxDay = new int[size];
        int[] outHours = new int[size];
        int[] maxHour = new int[size];
        int[] lateOut = new int[size];
        int[] numericCallees = new int[size + 1];
        int lateFrom = (int) Math.floorDiv(end, 86_400L) - settings.lateDays() + 1;
        pairs.forEach((kind, sub, other, value) -> {
            switch (kind) {
                case PairCounts.CONTACT -> {
                    int outgoing = value & PairCounts.OUT_MASK;
                    if (outgoing > 0) {
                        distinctCallees[sub]++;
                        if (outgoing > 1) {
                            repeatCallees[sub]++;
                        }
                        if ((value & PairCounts.IN) != 0) {
                            callbackCallees[sub]++;
                        }
                        if (counterpartNumber(other) >= 0) {
                            numericCallees[sub + 1]++;
                        }
                    }
                    if ((value & PairCounts.IN) != 0) {
                        distinctCallers[sub]++;
                    }
                }
                case PairCounts.IMEI -> {
                    distinctImeis[sub]++;
                    if (sharedImei[(int) other]) {
                        sharedImeis[sub]++;
                    }
                }
                case PairCounts.PLACE -> distinctPlaces[sub]++;
                case PairCounts.DAY -> {
                    activeDays[sub]++;
                    if (value > 0) {
                        outDays[sub]++;
                        maxDay[sub] = Math.max(maxDay[sub], value);
                        if (other >= lateFrom) {
                            lateOut[sub] += value;
                        }
                    }
                }
                case PairCounts.HOUR -> {
                    outHours[sub]++;
                    maxHour[sub] = Math.max(maxHour[sub], value);
                }
                default -> throw new IllegalStateException("pair kind " + kind);
            }
        });
        int[] sequential = sequentialCallees(numericCallees);

        int rows = 0;
        for (int sub = 0; sub < size; sub++) {
            if (state[sub * STRIDE + ACTIVE] != 0) {
                rows++;
            }
        }
        int width = Feature.count();
        int[] ids = new int[rows];
        float[] values = new float[rows * width];
        double window = end - start;
        int row = 0;
        for (int sub = 0; sub < size; sub++) {
            int st = sub * STRIDE;
            if (state[st + ACTIVE] == 0) {
                continue;
            }
            ids[row] = sub;
            int at = row * width;
            int out = state[st + OUT_CALLS];
            int in = state[st + IN_CALLS];
            int connected = state[st + CONNECTED];
            int numeric = numericCallees[sub + 1] - numericCallees[sub];
            put(values, at, Feature.OUT_CALLS, out);
            put(values, at, Feature.IN_CALLS, in);
            put(values, at, Feature.FORWARDED_CALLS, state[st + FORWARDED_CALLS]);
            put(values, at, Feature.IN_SHARE, ratio(in, in + out));
            put(values, at, Feature.DISTINCT_CALLEES, distinctCallees[sub]);
            put(values, at, Feature.DISTINCT_CALLERS, distinctCallers[sub]);
            put(values, at, Feature.CALLEES_PER_CALL, ratio(distinctCallees[sub], out));
            put(values, at, Feature.REPEAT_CONTACT_RATIO, ratio(repeatCallees[sub], distinctCallees[sub]));
            put(values, at, Feature.CALLBACK_RATIO, ratio(callbackCallees[sub], distinctCallees[sub]));
            put(values, at, Feature.CONNECTED_RATIO, ratio(connected, out));
            put(values, at, Feature.SHORT_CALL_RATIO, ratio(state[st + SHORT_CALLS], connected));
            put(values, at, Feature.MEAN_DURATION, ratio(durationSum(st), connected));
            put(values, at, Feature.MEDIAN_DURATION, medianBand(st, connected));
            put(values, at, Feature.NIGHT_RATIO, ratio(state[st + NIGHT_CALLS], out));
            put(values, at, Feature.ACTIVE_DAYS, activeDays[sub]);
            put(values, at, Feature.OUT_PER_ACTIVE_DAY, ratio(out, activeDays[sub]));
            put(values, at, Feature.MAX_OUT_PER_DAY, maxDay[sub]);
            put(values, at, Feature.MAX_OUT_PER_HOUR, maxHour[sub]);
            put(values, at, Feature.HOURLY_BURSTINESS, ratio((double) maxHour[sub] * outHours[sub], out));
            put(values, at, Feature.DAILY_BURSTINESS, ratio((double) maxDay[sub] * outDays[sub], out));
            put(values, at, Feature.LATE_OUT_SHARE, ratio(lateOut[sub], out));
            put(values, at, Feature.DISTINCT_IMEIS, distinctImeis[sub]);
            put(values, at, Feature.SHARED_IMEIS, sharedImeis[sub]);
            put(values, at, Feature.DISTINCT_PLACES, distinctPlaces[sub]);
            put(values, at, Feature.AWAY_RATIO, ratio(state[st + AWAY_CALLS], state[st + CITED_CALLS]));
            put(values, at, Feature.SEQUENTIAL_RATIO, ratio(sequential[sub], numeric));
            put(
                    values,
                    at,
                    Feature.FIRST_ACTIVE,
                    window > 0 ? (state[st + FIRST_SEEN] + EPOCH_2000 - start) / window : 0);
            put(values, at, Feature.IDCARD_COUNT, state[st + IDCARDS]);
            put(values, at, Feature.SMS_OUT, state[st + SMS_OUT]);
            put(values, at, Feature.SMS_IN, state[st + SMS_IN]);
            row++;
        }
        return new ShardFeatures(this, ids, values);
    }

    private static void put(float[] values, int at, Feature feature, double value) {
        values[at + feature.ordinal()] = (float) value;
    }

    /** NaN when the denominator is 0: a subscriber who never called out has no connected ratio, not one of 0. */
    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? Double.NaN : numerator / denominator;
    }

    private long durationSum(int at) {
        return Integer.toUnsignedLong(state[at + DURATION_SUM]) | ((long) state[at + DURATION_SUM_HIGH] << 32);
    }

    private double medianBand(int at, int connected) {
        if (connected == 0) {
            return Double.NaN;
        }
        int wanted = (connected - 1) / 2;
        int seen = 0;
        for (int band = 0; band < BANDS; band++) {
            seen += state[at + BAND_COUNTS + band];
            if (seen > wanted) {
                return DURATION_BANDS[band];
            }
        }
        throw new IllegalStateException("duration bands do not add up");
    }

    /**
     * Per subscriber, how many of its distinct all-digit callees lie within the sequential step of another one.
     * {@code offsets[sub + 1]} holds the subscriber's number of such callees on entry; the callees are gathered
     * into one array in subscriber order (offsets become prefix sums), and each subscriber's run is sorted.
     */
    private int[] sequentialCallees(int[] offsets) {
        int size = offsets.length - 1;
        for (int sub = 0; sub < size; sub++) {
            offsets[sub + 1] += offsets[sub];
        }
        long[] numbers = new long[offsets[size]];
        int[] fill = Arrays.copyOf(offsets, size);
        pairs.forEach((kind, sub, other, value) -> {
            if (kind == PairCounts.CONTACT && (value & PairCounts.OUT_MASK) != 0) {
                long number = counterpartNumber(other);
                if (number >= 0) {
                    numbers[fill[sub]++] = number;
                }
            }
        });
        long step = settings.sequentialStep();
        int[] close = new int[size];
        for (int sub = 0; sub < size; sub++) {
            int from = offsets[sub];
            int to = offsets[sub + 1];
            if (to - from < 2) {
                continue;
            }
            Arrays.sort(numbers, from, to);
            int count = 0;
            long previous = Long.MIN_VALUE;
            int i = from;
            while (i < to) {
                long value = numbers[i];
                int j = i;
                while (j < to && numbers[j] == value) {
                    j++;
                }
                boolean near = (previous != Long.MIN_VALUE && value - previous <= step)
                        || (j < to && numbers[j] - value <= step);
                if (near) {
                    count += j - i;
                }
                previous = value;
                i = j;
            }
            close[sub] = count;
        }
        return close;
    }

    /** The features of one shard: local subscriber ids and their values, row-major. */
    record ShardFeatures(ShardState shard, int[] subscribers, float[] values) {}
}

package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * Everything known about the subscribers of one shard (those whose number hashes to it), updated record by
 * record by the one thread that owns the shard, then turned into feature values.
 *
 * <p>Per subscriber: 18 ints, 2 longs and 10 duration-band counters in parallel primitive arrays (136 bytes),
 * plus its number in the subscriber dictionary (length + about 20 bytes). Per distinct pair (subscriber and
 * callee or caller, IMEI, place, calendar day with calls, clock hour with outgoing calls): one {@link
 * PairCounts} entry (about 20 bytes). Per distinct counterpart, IMEI and place: one dictionary entry (length +
 * about 20 bytes) and 8 bytes of side data. Nothing is kept per record.
 */
final class ShardState {

    static final int[] DURATION_BANDS = {1, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    private static final int BANDS = DURATION_BANDS.length;
    private static final int NONE = Integer.MIN_VALUE;
    private static final int OUT = 1;
    private static final int OUT_AGAIN = 2;
    private static final int IN = 4;
    private static final int MANY_OWNERS = -2;

    private final FeatureSettings settings;

    final ByteDictionary subscribers = new ByteDictionary();
    private final ByteDictionary counterparts = new ByteDictionary();
    final ByteDictionary imeis = new ByteDictionary();
    private final ByteDictionary places = new ByteDictionary();
    private final ByteDictionary cities = new ByteDictionary();
    private final PairCounts pairs = new PairCounts();

    private long[] counterpartNumber = new long[1024];
    private int[] imeiOwner = new int[256];
    private int[] placeCity = new int[256];
    private byte[] placeKey = new byte[256];

    private int capacity;
    private boolean[] active;
    private int[] outCalls;
    private int[] inCalls;
    private int[] forwardedCalls;
    private int[] connectedCalls;
    private int[] shortCalls;
    private int[] nightCalls;
    private int[] awayCalls;
    private int[] citedCalls;
    private int[] smsOut;
    private int[] smsIn;
    private int[] idcards;
    private int[] homeCity;
    private int[] lastImei;
    private int[] lastPlace;
    private int[] currentDay;
    private int[] currentDayOut;
    private int[] currentHour;
    private int[] currentHourOut;
    private long[] durationSum;
    private long[] firstSeen;
    private int[] durationBands;

    private long windowStart = Long.MAX_VALUE;
    private long windowEnd = Long.MIN_VALUE;

    ShardState(FeatureSettings settings) {
        this.settings = settings;
        allocate(256);
    }

    private void allocate(int size) {
        int old = capacity;
        capacity = size;
        active = Arrays.copyOf(active == null ? new boolean[0] : active, size);
        outCalls = grow(outCalls, size, old, 0);
        inCalls = grow(inCalls, size, old, 0);
        forwardedCalls = grow(forwardedCalls, size, old, 0);
        connectedCalls = grow(connectedCalls, size, old, 0);
        shortCalls = grow(shortCalls, size, old, 0);
        nightCalls = grow(nightCalls, size, old, 0);
        awayCalls = grow(awayCalls, size, old, 0);
        citedCalls = grow(citedCalls, size, old, 0);
        smsOut = grow(smsOut, size, old, 0);
        smsIn = grow(smsIn, size, old, 0);
        idcards = grow(idcards, size, old, 0);
        homeCity = grow(homeCity, size, old, -1);
        lastImei = grow(lastImei, size, old, -1);
        lastPlace = grow(lastPlace, size, old, -1);
        currentDay = grow(currentDay, size, old, NONE);
        currentDayOut = grow(currentDayOut, size, old, 0);
        currentHour = grow(currentHour, size, old, NONE);
        currentHourOut = grow(currentHourOut, size, old, 0);
        durationSum = durationSum == null ? new long[size] : Arrays.copyOf(durationSum, size);
        firstSeen = firstSeen == null ? new long[size] : Arrays.copyOf(firstSeen, size);
        Arrays.fill(firstSeen, old, size, Long.MAX_VALUE);
        durationBands = grow(durationBands, size * BANDS, old * BANDS, 0);
    }

    private static int[] grow(int[] array, int size, int old, int fill) {
        int[] grown = array == null ? new int[size] : Arrays.copyOf(array, size);
        if (fill != 0) {
            Arrays.fill(grown, old, size, fill);
        }
        return grown;
    }

    /** The id of a subscriber number, adding it with empty state when new. */
    int subscriber(byte[] bytes, int from, int to, long hash) {
        int id = subscribers.intern(bytes, from, to, hash);
        if (id >= capacity) {
            if (id >= PairCounts.MAX_SUBSCRIBERS) {
                throw new IllegalStateException("more than " + PairCounts.MAX_SUBSCRIBERS + " subscribers in a shard");
            }
            allocate(capacity * 2);
        }
        return id;
    }

    void user(int sub, byte[] b, int cityFrom, int cityTo, int idcardCount) {
        idcards[sub] = idcardCount;
        homeCity[sub] = cityFrom < cityTo ? cities.intern(b, cityFrom, cityTo, Bytes.hash(b, cityFrom, cityTo)) : -1;
    }

    void sms(int sub, boolean sent, long time) {
        seen(sub, time);
        if (sent) {
            smsOut[sub]++;
        } else {
            smsIn[sub]++;
        }
    }

    /**
     * One call record. {@code type} is 1, 2 or 3; {@code time} in seconds from {@link Bytes#parseDateTime};
     * empty ranges mean an absent city, county or IMEI.
     */
    void call(
            int sub,
            byte[] b,
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
        seen(sub, time);
        int day = (int) Math.floorDiv(time, 86_400L);
        if (day != currentDay[sub]) {
            flushDay(sub);
            currentDay[sub] = day;
        }
        if (type == 1) {
            outgoing(sub, b, oppositeFrom, oppositeTo, time, day, duration);
        } else if (type == 2) {
            inCalls[sub]++;
            int counterpart = counterpart(b, oppositeFrom, oppositeTo);
            pairs.add(PairCounts.key(PairCounts.CONTACT, sub, counterpart));
            pairs.value(pairs.value() | IN);
        } else {
            forwardedCalls[sub]++;
        }
        if (imeiFrom < imeiTo) {
            imei(sub, b, imeiFrom, imeiTo);
        }
        if (cityFrom < cityTo || countyFrom < countyTo) {
            place(sub, b, cityFrom, cityTo, countyFrom, countyTo);
        }
    }

    private void seen(int sub, long time) {
        active[sub] = true;
        if (time < firstSeen[sub]) {
            firstSeen[sub] = time;
        }
        if (time < windowStart) {
            windowStart = time;
        }
        if (time > windowEnd) {
            windowEnd = time;
        }
    }

    private void outgoing(int sub, byte[] b, int from, int to, long time, int day, long duration) {
        outCalls[sub]++;
        currentDayOut[sub]++;
        int hour = (int) Math.floorDiv(time, 3_600L);
        if (hour != currentHour[sub]) {
            flushHour(sub);
            currentHour[sub] = hour;
        }
        currentHourOut[sub]++;
        if (settings.isNight(hour - day * 24)) {
            nightCalls[sub]++;
        }
        int counterpart = counterpart(b, from, to);
        pairs.add(PairCounts.key(PairCounts.CONTACT, sub, counterpart));
        int flags = pairs.value();
        pairs.value(flags | ((flags & OUT) != 0 ? OUT_AGAIN : OUT));
        if (duration > 0) {
            connectedCalls[sub]++;
            durationSum[sub] += duration;
            if (duration < settings.shortCallSeconds()) {
                shortCalls[sub]++;
            }
            int band = BANDS - 1;
            while (duration < DURATION_BANDS[band]) {
                band--;
            }
            durationBands[sub * BANDS + band]++;
        }
    }

    // Runs of records of one subscriber in one day (hour) are counted in the subscriber's own slot and
    // written to the pair table once per run: once per day (hour) for time-ordered input.
    private void flushDay(int sub) {
        if (currentDay[sub] != NONE) {
            pairs.add(PairCounts.key(PairCounts.DAY, sub, currentDay[sub]));
            pairs.value(pairs.value() + currentDayOut[sub]);
            currentDayOut[sub] = 0;
            currentDay[sub] = NONE;
        }
    }

    private void flushHour(int sub) {
        if (currentHour[sub] != NONE) {
            pairs.add(PairCounts.key(PairCounts.HOUR, sub, currentHour[sub]));
            pairs.value(pairs.value() + currentHourOut[sub]);
            currentHourOut[sub] = 0;
            currentHour[sub] = NONE;
        }
    }

    private int counterpart(byte[] b, int from, int to) {
        int before = counterparts.size();
        int id = counterparts.intern(b, from, to, Bytes.hash(b, from, to));
        if (id == before) {
            if (id == counterpartNumber.length) {
                counterpartNumber = Arrays.copyOf(counterpartNumber, id * 2);
            }
            counterpartNumber[id] = Bytes.parseCount(b, from, to);
        }
        return id;
    }

    private void imei(int sub, byte[] b, int from, int to) {
        long hash = Bytes.hash(b, from, to);
        int last = lastImei[sub];
        if (last >= 0 && imeis.is(last, b, from, to, hash)) {
            return;
        }
        int before = imeis.size();
        int id = imeis.intern(b, from, to, hash);
        if (id == before) {
            if (id == imeiOwner.length) {
                imeiOwner = Arrays.copyOf(imeiOwner, id * 2);
            }
            imeiOwner[id] = -1;
        }
        lastImei[sub] = id;
        if (pairs.add(PairCounts.key(PairCounts.IMEI, sub, id))) {
            // A new (subscriber, IMEI) pair: a second distinct subscriber makes the IMEI shared.
            imeiOwner[id] = imeiOwner[id] == -1 ? sub : MANY_OWNERS;
        }
    }

    private void place(int sub, byte[] b, int cityFrom, int cityTo, int countyFrom, int countyTo) {
        int cityLength = cityTo - cityFrom;
        int length = cityLength + 1 + countyTo - countyFrom;
        if (length > placeKey.length) {
            placeKey = new byte[Math.max(length, placeKey.length * 2)];
        }
        // City and county joined by a unit separator, which cannot occur in either, as the place's key.
        System.arraycopy(b, cityFrom, placeKey, 0, cityLength);
        placeKey[cityLength] = 0x1F;
        System.arraycopy(b, countyFrom, placeKey, cityLength + 1, countyTo - countyFrom);
        long hash = Bytes.hash(placeKey, 0, length);
        int id = lastPlace[sub];
        if (id < 0 || !places.is(id, placeKey, 0, length, hash)) {
            int before = places.size();
            id = places.intern(placeKey, 0, length, hash);
            if (id == before) {
                if (id == placeCity.length) {
                    placeCity = Arrays.copyOf(placeCity, id * 2);
                }
                placeCity[id] =
                        cityLength > 0 ? cities.intern(b, cityFrom, cityTo, Bytes.hash(b, cityFrom, cityTo)) : -1;
            }
            lastPlace[sub] = id;
            pairs.add(PairCounts.key(PairCounts.PLACE, sub, id));
        }
        if (homeCity[sub] >= 0 && cityLength > 0) {
            citedCalls[sub]++;
            if (placeCity[id] != homeCity[sub]) {
                awayCalls[sub]++;
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
        long perSubscriber = 18L * 4 + 2 * 8 + BANDS * 4 + 1;
        return capacity * perSubscriber
                + subscribers.footprint()
                + counterparts.footprint()
                + imeis.footprint()
                + places.footprint()
                + cities.footprint()
                + pairs.footprint()
                + 8L * counterpartNumber.length
                + 4L * imeiOwner.length
                + 4L * placeCity.length;
    }

    int pairCount() {
        return pairs.size();
    }

    /**
     * The features of every subscriber of this shard seen in a call or SMS record.
     *
     * @param sharedImei whether each IMEI of this shard (by id) is used by two or more subscribers of all shards
     * @param start first second of the whole input
     * @param end last second of the whole input
     */
    ShardFeatures finish(boolean[] sharedImei, long start, long end) {
        int size = subscribers.size();
        for (int sub = 0; sub < size; sub++) {
            flushDay(sub);
            flushHour(sub);
        }
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
        pairs.forEach((key, value) -> {
            int sub = PairCounts.subscriber(key);
            switch (PairCounts.kind(key)) {
                case PairCounts.CONTACT -> {
                    if ((value & OUT) != 0) {
                        distinctCallees[sub]++;
                        if ((value & OUT_AGAIN) != 0) {
                            repeatCallees[sub]++;
                        }
                        if ((value & IN) != 0) {
                            callbackCallees[sub]++;
                        }
                        if (counterpartNumber[PairCounts.other(key)] >= 0) {
                            numericCallees[sub + 1]++;
                        }
                    }
                    if ((value & IN) != 0) {
                        distinctCallers[sub]++;
                    }
                }
                case PairCounts.IMEI -> {
                    distinctImeis[sub]++;
                    if (sharedImei[PairCounts.other(key)]) {
                        sharedImeis[sub]++;
                    }
                }
                case PairCounts.PLACE -> distinctPlaces[sub]++;
                case PairCounts.DAY -> {
                    activeDays[sub]++;
                    if (value > 0) {
                        outDays[sub]++;
                        maxDay[sub] = Math.max(maxDay[sub], value);
                        if (PairCounts.other(key) >= lateFrom) {
                            lateOut[sub] += value;
                        }
                    }
                }
                case PairCounts.HOUR -> {
                    outHours[sub]++;
                    maxHour[sub] = Math.max(maxHour[sub], value);
                }
                default -> throw new IllegalStateException("pair kind " + PairCounts.kind(key));
            }
        });
        int[] sequential = sequentialCallees(numericCallees);

        int rows = 0;
        for (int sub = 0; sub < size; sub++) {
            if (active[sub]) {
                rows++;
            }
        }
        int width = Feature.count();
        int[] ids = new int[rows];
        float[] values = new float[rows * width];
        double window = end - start;
        int row = 0;
        for (int sub = 0; sub < size; sub++) {
            if (!active[sub]) {
                continue;
            }
            ids[row] = sub;
            int at = row * width;
            int out = outCalls[sub];
            int in = inCalls[sub];
            int connected = connectedCalls[sub];
            int numeric = numericCallees[sub + 1] - numericCallees[sub];
            put(values, at, Feature.OUT_CALLS, out);
            put(values, at, Feature.IN_CALLS, in);
            put(values, at, Feature.FORWARDED_CALLS, forwardedCalls[sub]);
            put(values, at, Feature.IN_SHARE, ratio(in, in + out));
            put(values, at, Feature.DISTINCT_CALLEES, distinctCallees[sub]);
            put(values, at, Feature.DISTINCT_CALLERS, distinctCallers[sub]);
            put(values, at, Feature.CALLEES_PER_CALL, ratio(distinctCallees[sub], out));
            put(values, at, Feature.REPEAT_CONTACT_RATIO, ratio(repeatCallees[sub], distinctCallees[sub]));
            put(values, at, Feature.CALLBACK_RATIO, ratio(callbackCallees[sub], distinctCallees[sub]));
            put(values, at, Feature.CONNECTED_RATIO, ratio(connected, out));
            put(values, at, Feature.SHORT_CALL_RATIO, ratio(shortCalls[sub], connected));
            put(values, at, Feature.MEAN_DURATION, ratio(durationSum[sub], connected));
            put(values, at, Feature.MEDIAN_DURATION, medianBand(sub, connected));
            put(values, at, Feature.NIGHT_RATIO, ratio(nightCalls[sub], out));
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
            put(values, at, Feature.AWAY_RATIO, ratio(awayCalls[sub], citedCalls[sub]));
            put(values, at, Feature.SEQUENTIAL_RATIO, ratio(sequential[sub], numeric));
            put(values, at, Feature.FIRST_ACTIVE, window > 0 ? (firstSeen[sub] - start) / window : 0);
            put(values, at, Feature.IDCARD_COUNT, idcards[sub]);
            put(values, at, Feature.SMS_OUT, smsOut[sub]);
            put(values, at, Feature.SMS_IN, smsIn[sub]);
            row++;
        }
        return new ShardFeatures(this, ids, values);
    }

    private static void put(float[] values, int at, Feature feature, double value) {
        values[at + feature.ordinal()] = (float) value;
    }

    private static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : numerator / denominator;
    }

    private int medianBand(int sub, int connected) {
        if (connected == 0) {
            return 0;
        }
        int wanted = (connected - 1) / 2;
        int seen = 0;
        for (int band = 0; band < BANDS; band++) {
            seen += durationBands[sub * BANDS + band];
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
        pairs.forEach((key, value) -> {
            if (PairCounts.kind(key) == PairCounts.CONTACT && (value & OUT) != 0) {
                long number = counterpartNumber[PairCounts.other(key)];
                if (number >= 0) {
                    numbers[fill[PairCounts.subscriber(key)]++] = number;
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

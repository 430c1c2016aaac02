package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * Everything known about the subscribers of one shard (those whose number hashes to it), updated from
 * {@link RecordBatch batches} of parsed records by the one thread that owns the shard, then turned into feature
 * values.
 *
 * <p>Per subscriber: a row of 40 ints (160 bytes) plus its key in the subscriber index (40 to 80 bytes; a
 * subscriber that is a token, not digits, also a dictionary entry of length + 20 to 36 bytes), and at the end 24
 * bytes locating its contacts and hours. Per call to or from a counterpart and per run of outgoing calls in one
 * clock hour: an entry of 8 to 16 bytes in the shard's {@link PairBuckets} while these take at most an eighth of
 * the heap for all shards, and past that per distinct callee, caller and hour 8 to 32 bytes. Per distinct
 * (subscriber and IMEI, place, calendar day with calls): one {@link PairCounts} entry (26 to 51 bytes).
 * Counterparts written as up to 12 digits need nothing more; other counterparts (tokens, longer numbers) one
 * dictionary or index entry per shard (up to length + 36 bytes). Nothing is kept per record beyond a buffer of
 * call records not yet applied (at most a sixteenth of the heap for all shards, see {@link #applyPending}). The
 * pair table starts at the size {@link #reservePairs} asks for, at most a quarter of the heap for all shards.
 */
final class ShardState {

    static final int[] DURATION_BANDS = {1, 5, 10, 15, 30, 60, 120, 300, 600, 1200};

    private static final int BANDS = DURATION_BANDS.length;
    private static final int NONE = Integer.MIN_VALUE;
    private static final int MANY_OWNERS = -2;
    private static final long TOKEN = RecordBatch.TOKEN;

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
    /** The last IMEI's key (two ints), so that the usual same-handset check reads no table. */
    private static final int LAST_IMEI_KEY = 32;
    /** Position in the users file of the row that gave the ID cards and home city (two ints): the last wins. */
    private static final int USER_ROW = 34;
    /** Bits of the places with ids below 128 already in the pair table for this subscriber (four ints). */
    private static final int PLACES_SEEN = 36;

    private static final int PLACE_BITS = 128;

    private static final int STRIDE = 40;

    /** Seconds are kept as ints from 2000-01-01, which covers the times {@link DateTimeReader} accepts. */
    private static final long EPOCH_2000 = 946_684_800L;

    private static final long FIRST_HOUR = Math.floorDiv(DateTimeReader.FIRST_SECOND, 3_600L);
    /** An hour's count stops at 2^23 - 1 calls, leaving 21 bits for the hour: 239 years. */
    private static final int HOUR_COUNT_BITS = 23;

    private final FeatureSettings settings;

    /** Subscribers by {@link RecordBatch#key}; those that are tokens are keyed by their id here. */
    private final LongIndex subscribers = new LongIndex();

    private final ByteDictionary subscriberTokens = new ByteDictionary();
    /** Counterparts not written as up to 17 digits (tokens); their key is a flag bit and their id here. */
    private final ByteDictionary tokens = new ByteDictionary();

    private final LongIndex imeis = new LongIndex();
    private final ByteDictionary imeiTokens = new ByteDictionary();
    private final ByteDictionary places = new ByteDictionary();
    private final ByteDictionary cities = new ByteDictionary();
    private final PairCounts pairs = new PairCounts();
    /** What the contacts' and hours' buckets share. */
    private final PairBuckets.Room room = new PairBuckets.Room();

    private final ContactLists contacts = new ContactLists(room);
    /** Per subscriber, the outgoing calls in each clock hour with any (hours from {@link #FIRST_HOUR}). */
    private final PairBuckets hours = new PairBuckets(room, HOUR_COUNT_BITS);

    private int[] imeiOwner = new int[256];
    private int[] placeCity = new int[256];
    /** Per parser: its place ids (see {@link LineWorker}) to this shard's. */
    private int[][] parserPlaces = new int[0][];

    private int[] state = new int[0];
    private int capacity;

    /** Records looked up and read ahead of their updates, together (see {@link #apply}). */
    private static final int GROUP = 32;

    private final int[] groupSubscribers = new int[GROUP];

    /** Partitions of the held call records, by a hash of the subscriber (see {@link #applyPending}). */
    private static final int PARTITIONS = 64;

    private static final int MIN_HELD = 16;
    private static final int MAX_HELD = 1 << 14;
    /** Call records waiting to be applied: {@link #heldCapacity} records of each partition in turn. */
    private long[] held = new long[0];

    private int heldCapacity = MIN_HELD;
    private final int[] heldCount = new int[PARTITIONS];
    /**
     * The partition {@link #hold} applies next, in turn, and how many more records it holds before it does: one
     * partition every half capacity, so that each is applied about half full, a little at a time. Applying them
     * all at once when one was full kept this shard's thread busy for a quarter of a second at a time, while the
     * other threads' batches for this shard piled up until they stopped parsing: two cores did the work of one
     * and a half.
     */
    private int nextToApply;

    private int untilNextApply = MIN_HELD / 2;
    /** The sum of what {@link #apply} reads ahead, kept so that the reads are not optimised away. */
    long prefetched;

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
            state[at + LAST_PLACE] = -1;
            state[at + HOME_CITY] = -1;
            state[at + FIRST_SEEN] = Integer.MAX_VALUE;
        }
    }

    /** Sizes the pair table for about {@code pairs} distinct pairs, using at most {@code maxBytes}. */
    void reservePairs(long pairs, long maxBytes) {
        this.pairs.reserve(pairs, maxBytes);
    }

    /**
     * Lets the contacts and hours take up to {@code maxBytes} before they are merged as they come (PairBuckets), and
     * sizes them for about {@code calls} call records within that.
     */
    void reserveBuckets(long calls, long maxBytes) {
        room.growUncompacted(maxBytes);
        contacts.reserve(calls);
        hours.reserve(calls / 4);
    }

    /** The id of a subscriber's key, adding it with empty state when new. */
    private int subscriber(long key) {
        int id = subscribers.intern(key);
        if (id >= capacity) {
            int most = Math.min(
                    Math.min(PairCounts.MAX_SUBSCRIBERS, PairBuckets.MAX_SUBSCRIBERS),
                    (Integer.MAX_VALUE - 16) / STRIDE);
            if (id >= most) {
                throw new IllegalStateException(
                        "more than " + most + " subscribers in one shard; use more threads (shards)");
            }
            allocate((int) Math.min((long) capacity * 2, most));
        }
        return id;
    }

    /** The number of subscriber {@code id} as read. */
    String subscriberNumber(int id) {
        long key = subscribers.key(id);
        return (key & TOKEN) != 0 ? subscriberTokens.text((int) (key & ~TOKEN)) : RecordBatch.digits(key);
    }

    /** A key of {@code batch} with a token's offset there as the key of the token's id in {@code dictionary}. */
    private static long token(RecordBatch batch, long key, ByteDictionary dictionary) {
        int offset = (int) (key & ~TOKEN);
        int from = RecordBatch.start(offset);
        int to = batch.end(offset);
        return TOKEN | dictionary.intern(batch.side, from, to, Bytes.hash(batch.side, from, to));
    }

    /**
     * Applies the records of a batch from one block: SMS and users rows at once, call rows later, when enough of
     * them are held, partition by partition ({@link #applyPending}). Features do not depend on the order in which
     * records are applied (counts add up, sets are sets, the users file's last row is known by its position): the
     * order already differs from the file's whenever two threads parse blocks.
     */
    void apply(RecordBatch batch) {
        int[] local = places(batch);
        if (batch.kind == InputKind.CALLS) {
            hold(batch, local);
            return;
        }
        long[] records = batch.records;
        int count = batch.count;
        int[] subs = groupSubscribers;
        for (int first = 0; first < count; first += GROUP) {
            int group = Math.min(GROUP, count - first);
            for (int i = 0; i < group; i++) {
                long key = records[(first + i) * RecordBatch.STRIDE];
                subs[i] = subscriber((key & TOKEN) != 0 ? token(batch, key, subscriberTokens) : key);
            }
            for (int i = 0; i < group; i++) {
                int at = (first + i) * RecordBatch.STRIDE;
                int sub = subs[i];
                long last = records[at + 4];
                int place = RecordBatch.place(last);
                place = place == 0 ? -1 : local[place - 1];
                if (batch.kind == InputKind.SMS) {
                    sms(sub, RecordBatch.type(last) == 1, records[at + 3]);
                } else {
                    user(sub, records[at + 2], place, (int) records[at + 1]);
                }
            }
        }
    }

    /**
     * Sizes the buffer of call records waiting to be applied: {@code records} in all (split evenly among the
     * partitions, at least {@link #MIN_HELD} each), at most {@code maxBytes}.
     */
    void reserveHeld(long records, long maxBytes) {
        long perPartition = Math.min(records, maxBytes / (8L * RecordBatch.STRIDE)) / PARTITIONS;
        heldCapacity = (int) Math.max(MIN_HELD, Math.min(perPartition, MAX_HELD));
        untilNextApply = heldCapacity / 2;
        if (held.length != 0 && held.length != PARTITIONS * heldCapacity * RecordBatch.STRIDE) {
            applyPending();
            held = new long[0];
        }
    }

    /**
     * Copies the call records of a batch into the partition of their subscriber, with their tokens and place
     * replaced by this shard's ids; applies the partitions in turn ({@link #nextToApply}), and one at once when it
     * is full.
     */
    private void hold(RecordBatch batch, int[] local) {
        if (held.length == 0) {
            held = new long[PARTITIONS * heldCapacity * RecordBatch.STRIDE];
        }
        long[] records = batch.records;
        long[] into = held;
        int[] counts = heldCount;
        int capacity = heldCapacity;
        for (int i = 0, count = batch.count; i < count; i++) {
            int at = i * RecordBatch.STRIDE;
            long key = records[at];
            if ((key & TOKEN) != 0) {
                key = token(batch, key, subscriberTokens);
            }
            long counterpart = records[at + 1];
            if ((counterpart & TOKEN) != 0) {
                counterpart = token(batch, counterpart, tokens);
            }
            long imei = records[at + 2];
            if ((imei & TOKEN) != 0) {
                imei = token(batch, imei, imeiTokens);
            }
            long last = records[at + 4];
            int place = RecordBatch.place(last);
            if (place != 0) {
                last = RecordBatch.last(RecordBatch.type(last), local[place - 1] + 1, RecordBatch.duration(last));
            }
            int p = partition(key);
            int n = counts[p]++;
            int to = (p * capacity + n) * RecordBatch.STRIDE;
            into[to] = key;
            into[to + 1] = counterpart;
            into[to + 2] = imei;
            into[to + 3] = records[at + 3];
            into[to + 4] = last;
            if (n + 1 == capacity) {
                applyPartition(p);
            }
            if (--untilNextApply == 0) {
                applyPartition(nextToApply);
                nextToApply = (nextToApply + 1) & (PARTITIONS - 1);
                untilNextApply = capacity / 2;
            }
        }
    }

    /**
     * The partition of a subscriber's key: bits of its hash that neither the shard (the top bits) nor, in
     * tables of up to a million slots, the subscriber index's slot (the low bits) uses.
     */
    private static int partition(long key) {
        return (int) (Bytes.mix(key) >>> 40) & (PARTITIONS - 1);
    }

    /**
     * Applies the call records held so far, one partition after the other. A partition's subscribers are about
     * a sixty-fourth of the shard's: their index slots, state rows and the ends of their contact lists stay in
     * the processor's cache while the partition's records are applied, where records in file order would find
     * each of them evicted by the other subscribers' since that subscriber's previous record.
     */
    void applyPending() {
        for (int p = 0; p < PARTITIONS; p++) {
            applyPartition(p);
        }
    }

    private void applyPartition(int p) {
        int count = heldCount[p];
        if (count > 0) {
            applyCalls(held, p * heldCapacity, count);
            heldCount[p] = 0;
        }
    }

    /** Applies {@code count} held call records from record {@code from} of {@code records}. */
    private void applyCalls(long[] records, int from, int count) {
        int[] subs = groupSubscribers;
        int stride = RecordBatch.STRIDE;
        for (int first = from, end = from + count; first < end; first += GROUP) {
            int group = Math.min(GROUP, end - first);
            // A record's own updates wait on its cache misses one after another (index slot, then state row), but
            // different records' do not depend on each other: looking up a group's subscribers, then reading their
            // rows, before updating any of them lets the processor wait for the misses of many records at once.
            // The updates below then find those lines in cache.
            for (int i = 0; i < group; i++) {
                subs[i] = subscriber(records[(first + i) * stride]);
            }
            long read = 0;
            for (int i = 0; i < group; i++) {
                int at = subs[i] * STRIDE;
                read += state[at] + state[at + 16] + state[at + 32] + state[at + STRIDE - 1];
            }
            prefetched += read;
            for (int i = 0; i < group; i++) {
                int at = (first + i) * stride;
                long last = records[at + 4];
                call(
                        subs[i],
                        RecordBatch.type(last),
                        records[at + 3],
                        RecordBatch.duration(last),
                        records[at + 1],
                        records[at + 2],
                        RecordBatch.place(last) - 1);
            }
        }
    }

    /** Learns the places the batch defines; returns the batch's parser's place ids mapped to this shard's. */
    private int[] places(RecordBatch batch) {
        if (batch.parser >= parserPlaces.length) {
            parserPlaces = Arrays.copyOf(parserPlaces, batch.parser + 1);
        }
        int[] local = parserPlaces[batch.parser];
        if (local == null) {
            local = new int[64];
        }
        int needed = batch.firstPlace + batch.places;
        if (needed > local.length) {
            local = Arrays.copyOf(local, Math.max(needed, local.length * 2));
        }
        for (int i = 0; i < batch.places; i++) {
            int offset = batch.placeAt[i];
            int from = RecordBatch.start(offset);
            int to = batch.end(offset);
            int before = places.size();
            int id = places.intern(batch.side, from, to, Bytes.hash(batch.side, from, to));
            if (id == before) {
                if (id == placeCity.length) {
                    placeCity = Arrays.copyOf(placeCity, id * 2);
                }
                int cityLength = batch.placeCityLength[i];
                placeCity[id] = cityLength > 0
                        ? cities.intern(
                                batch.side, from, from + cityLength, Bytes.hash(batch.side, from, from + cityLength))
                        : -1;
            }
            local[batch.firstPlace + i] = id;
        }
        parserPlaces[batch.parser] = local;
        return local;
    }

    private void user(int sub, long row, int place, int idcardCount) {
        int at = sub * STRIDE;
        // Rows of one file reach a shard out of order when two threads parse its blocks; the last row still wins.
        if (row > longAt(at + USER_ROW)) {
            setLong(at + USER_ROW, row);
            state[at + IDCARDS] = idcardCount;
            state[at + HOME_CITY] = place >= 0 ? placeCity[place] : -1;
        }
    }

    private long longAt(int at) {
        return Integer.toUnsignedLong(state[at]) | ((long) state[at + 1] << 32);
    }

    private void setLong(int at, long value) {
        state[at] = (int) value;
        state[at + 1] = (int) (value >>> 32);
    }

    private void sms(int sub, boolean sent, long time) {
        int at = sub * STRIDE;
        seen(at, time);
        state[at + (sent ? SMS_OUT : SMS_IN)]++;
    }

    private void call(int sub, int type, long time, long duration, long counterpart, long imei, int place) {
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
            contacts.calledBy(sub, counterpart);
        } else {
            state[at + FORWARDED_CALLS]++;
        }
        if (imei != 0) {
            imei(sub, imei);
        }
        if (place >= 0) {
            place(sub, place);
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
        contacts.called(sub, counterpart);
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
            hours.add(sub, state[at + CURRENT_HOUR] - FIRST_HOUR, state[at + CURRENT_HOUR_OUT]);
            state[at + CURRENT_HOUR_OUT] = 0;
            state[at + CURRENT_HOUR] = NONE;
        }
    }

    private void imei(int sub, long key) {
        int at = sub * STRIDE;
        // Most calls are made from the handset of the subscriber's previous call.
        if (longAt(at + LAST_IMEI_KEY) == key) {
            return;
        }
        int before = imeis.size();
        int id = imeis.intern(key);
        if (id == before) {
            if (id == imeiOwner.length) {
                imeiOwner = Arrays.copyOf(imeiOwner, id * 2);
            }
            imeiOwner[id] = -1;
        }
        setLong(at + LAST_IMEI_KEY, key);
        pairs.or(PairCounts.owner(PairCounts.IMEI, sub), id, 1);
        // The IMEI's first subscriber, until a second one shows that it is shared.
        if (imeiOwner[id] == -1) {
            imeiOwner[id] = sub;
        } else if (imeiOwner[id] != sub) {
            imeiOwner[id] = MANY_OWNERS;
        }
    }

    private void place(int sub, int id) {
        int at = sub * STRIDE;
        if (id != state[at + LAST_PLACE]) {
            state[at + LAST_PLACE] = id;
            // A subscriber moving between a few places would otherwise send the same pair to the table (a cache
            // miss) at nearly every move; a bit in its own row remembers the pair is there.
            if (id < PLACE_BITS) {
                int word = at + PLACES_SEEN + (id >>> 5);
                int bit = 1 << id;
                if ((state[word] & bit) == 0) {
                    state[word] |= bit;
                    pairs.or(PairCounts.owner(PairCounts.PLACE, sub), id, 1);
                }
            } else {
                pairs.or(PairCounts.owner(PairCounts.PLACE, sub), id, 1);
            }
        }
        int home = state[at + HOME_CITY];
        int city = placeCity[id];
        if (home >= 0 && city >= 0) {
            state[at + CITED_CALLS]++;
            if (city != home) {
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

    int imeiCount() {
        return imeis.size();
    }

    /** Distinct subscribers of this shard that used IMEI {@code id} of shard {@code other}, counted up to 2. */
    int imeiUsers(ShardState other, int id) {
        long key = other.imeis.key(id);
        if ((key & TOKEN) != 0) {
            ByteDictionary bytes = other.imeiTokens;
            int token = (int) (key & ~TOKEN);
            int from = bytes.start(token);
            int to = bytes.end(token);
            int mine = imeiTokens.find(bytes.arena(), from, to, Bytes.hash(bytes.arena(), from, to));
            if (mine < 0) {
                return 0;
            }
            key = TOKEN | mine;
        }
        int mine = imeis.find(key);
        return mine < 0 ? 0 : imeiUsers(mine);
    }

    long footprint() {
        return 4L * state.length
                + 8L * held.length
                + subscribers.footprint()
                + subscriberTokens.footprint()
                + tokens.footprint()
                + imeiTokens.footprint()
                + imeis.footprint()
                + places.footprint()
                + cities.footprint()
                + pairs.footprint()
                + contacts.footprint()
                + hours.footprint()
                + room.footprint()
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
        int size = subscribers.size();
        for (int sub = 0; sub < size; sub++) {
            flushDay(sub);
            flushHour(sub);
        }
        pairs.flush();
        contacts.finish(size);
        hours.finish(size);
        int[] distinctImeis = new int[size];
        int[] sharedImeis = new int[size];
        int[] distinctPlaces = new int[size];
        int[] activeDays = new int[size];
        int[] outDays = new int[size];
        int[] maxDay = new int[size];
        int[] lateOut = new int[size];
        int[] numericCallees = new int[size];
        int[] sequential = new int[size];
        int lateFrom = (int) Math.floorDiv(end, 86_400L) - settings.lateDays() + 1;
        pairs.forEach((kind, sub, other, value) -> {
            switch (kind) {
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
                default -> throw new IllegalStateException("pair kind " + kind);
            }
        });
        sequentialCallees(numericCallees, sequential);

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
            int numeric = numericCallees[sub];
            int outHours = hours.count(sub);
            int maxHour = maxHour(sub);
            int distinctCallees = contacts.distinctCallees(sub);
            put(values, at, Feature.OUT_CALLS, out);
            put(values, at, Feature.IN_CALLS, in);
            put(values, at, Feature.FORWARDED_CALLS, state[st + FORWARDED_CALLS]);
            put(values, at, Feature.IN_SHARE, ratio(in, in + out));
            put(values, at, Feature.DISTINCT_CALLEES, distinctCallees);
            put(values, at, Feature.DISTINCT_CALLERS, contacts.distinctCallers(sub));
            put(values, at, Feature.CALLEES_PER_CALL, ratio(distinctCallees, out));
            put(values, at, Feature.REPEAT_CONTACT_RATIO, ratio(contacts.repeatCallees(sub), distinctCallees));
            put(values, at, Feature.CALLBACK_RATIO, ratio(contacts.callbackCallees(sub), distinctCallees));
            put(values, at, Feature.CONNECTED_RATIO, ratio(connected, out));
            put(values, at, Feature.SHORT_CALL_RATIO, ratio(state[st + SHORT_CALLS], connected));
            put(values, at, Feature.MEAN_DURATION, ratio(durationSum(st), connected));
            put(values, at, Feature.MEDIAN_DURATION, medianBand(st, connected));
            put(values, at, Feature.NIGHT_RATIO, ratio(state[st + NIGHT_CALLS], out));
            put(values, at, Feature.ACTIVE_DAYS, activeDays[sub]);
            put(values, at, Feature.OUT_PER_ACTIVE_DAY, ratio(out, activeDays[sub]));
            put(values, at, Feature.MAX_OUT_PER_DAY, maxDay[sub]);
            put(values, at, Feature.MAX_OUT_PER_HOUR, maxHour);
            put(values, at, Feature.HOURLY_BURSTINESS, ratio((double) maxHour * outHours, out));
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

    /** The most outgoing calls {@code sub} made in one clock hour. */
    private int maxHour(int sub) {
        long[] entries = hours.entries(sub);
        long most = 0;
        for (int i = hours.start(sub), end = hours.end(sub); i < end; i++) {
            most = Math.max(most, hours.value(entries[i]));
        }
        return (int) most;
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
     * Per subscriber, how many distinct callees are all digits ({@code numeric}) and how many of those lie within the
     * sequential step of another one ({@code close}).
     */
    private void sequentialCallees(int[] numeric, int[] close) {
        long[] numbers = new long[64];
        long step = settings.sequentialStep();
        for (int sub = 0; sub < numeric.length; sub++) {
            int callees = contacts.distinctCallees(sub);
            if (numbers.length < callees) {
                numbers = new long[Math.max(callees, 2 * numbers.length)];
            }
            int n = contacts.numericCallees(sub, numbers);
            numeric[sub] = n;
            if (n < 2) {
                continue;
            }
            // In value order already unless the subscriber called numbers of several lengths.
            for (int i = 1; i < n; i++) {
                if (numbers[i] < numbers[i - 1]) {
                    Arrays.sort(numbers, 0, n);
                    break;
                }
            }
            int count = 0;
            long previous = Long.MIN_VALUE;
            int i = 0;
            while (i < n) {
                long value = numbers[i];
                int j = i;
                while (j < n && numbers[j] == value) {
                    j++;
                }
                boolean near = (previous != Long.MIN_VALUE && value - previous <= step)
                        || (j < n && numbers[j] - value <= step);
                if (near) {
                    count += j - i;
                }
                previous = value;
                i = j;
            }
            close[sub] = count;
        }
    }

    /** The features of one shard: local subscriber ids and their values, row-major. */
    record ShardFeatures(ShardState shard, int[] subscribers, float[] values) {}
}

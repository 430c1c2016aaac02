package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * The distinct callees and callers of each subscriber of a shard, kept as (subscriber, counterpart) entries in a
 * few hundred buckets that are sorted and deduplicated whenever they fill up, then read per subscriber.
 *
 * <p>A subscriber's entries go to the bucket of its id's low {@link #BUCKET_BITS} bits, one bucket array per
 * direction. An append writes to the end of one of 512 arrays, whose ends stay in the processor's cache, where a
 * list per subscriber wrote to the end of one of tens of thousands; and a bucket fills up with thousands of
 * entries, which the {@link RadixSort radix sort} sorts at a few nanoseconds each, where a subscriber's short lists
 * went through a comparison sort many times over. While all buckets fit in the room {@link #growUncompacted} gives
 * them, a full bucket just doubles, and each entry is sorted once, at the end. Past that room, a full bucket is
 * compacted first: it then holds each (subscriber, counterpart) once plus at most as many appends as it held after
 * its last compaction, and doubles only when compaction leaves it more than half full, so it never exceeds about
 * four entries of 8 bytes per distinct pair: memory is bounded by that room or grows with distinct pairs, never
 * with calls.
 *
 * <p>An entry is one long: the subscriber's id without its bucket bits (19 bits, so ids below 2^27), the
 * counterpart's code (43 bits) and a flag, which in the callee buckets marks a counterpart called at least twice.
 * A code numbers counterpart keys ({@link RecordBatch#key}) densely: numbers of up to {@link #CODED_DIGITS} digits
 * by their length and value ({@link #code}), then tokens by their dictionary id, then longer numbers by an id in
 * {@link #longNumbers}. Sorted, a bucket lists each subscriber's counterparts together and in code order: numbers
 * by length and value, then tokens, then the longer numbers; both directions sort alike, so a merge of a
 * subscriber's two runs finds the callees who also called.
 */
final class ContactLists {

    static final int BUCKET_BITS = 8;
    /** Subscriber ids must lie below this: what is left of an entry after the code and the flag. */
    static final int MAX_SUBSCRIBERS = 1 << (63 - 44 + BUCKET_BITS);

    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int CODE_BITS = 43;
    private static final long CODE_MASK = (1L << CODE_BITS) - 1;
    private static final int SUB_SHIFT = CODE_BITS + 1;
    /** Numbers of up to this many digits are coded by length and value; longer ones get an id. */
    static final int CODED_DIGITS = 12;
    /** {@code FIRST_CODE[n]}: the code of the first number of {@code n} digits, the count of all shorter ones. */
    private static final long[] FIRST_CODE = new long[CODED_DIGITS + 2];

    static {
        long first = 0;
        long power = 1;
        for (int digits = 1; digits <= CODED_DIGITS + 1; digits++) {
            FIRST_CODE[digits] = first;
            power *= 10;
            first += power;
        }
    }

    /** Codes from here on are tokens (their dictionary id added), and from {@link #LONG_NUMBERS} longer numbers. */
    private static final long TOKENS = FIRST_CODE[CODED_DIGITS + 1];

    private static final long LONG_NUMBERS = TOKENS + (1L << 31);
    private static final int FIRST_LENGTH = 64;
    private static final long[] EMPTY = new long[0];

    private final Buckets callees = new Buckets(true);
    private final Buckets callers = new Buckets(false);
    private final LongIndex longNumbers = new LongIndex();
    private final RadixSort sorter = new RadixSort();
    private long[] scratch = EMPTY;
    private int subscribers;
    /** Entries the buckets' arrays hold in all, and how many they may hold before full buckets are compacted. */
    private long entries;

    private long uncompacted;

    /** Makes room for subscribers with ids below {@code size}. */
    void allocate(int size) {
        if (size > MAX_SUBSCRIBERS) {
            throw new IllegalStateException("more than " + MAX_SUBSCRIBERS + " subscribers in one shard");
        }
        subscribers = size;
    }

    /**
     * Lets the buckets grow without compacting while their arrays take at most {@code maxBytes}: each entry is then
     * sorted once, at the end, with no merges on the way. Past that, a full bucket is compacted before it grows, so
     * memory is at most that or about four entries per distinct pair, whichever is more. 0 (the default) compacts
     * every full bucket.
     */
    void growUncompacted(long maxBytes) {
        uncompacted = maxBytes / 8;
    }

    void called(int sub, long counterpart) {
        callees.add(sub, code(counterpart));
    }

    void calledBy(int sub, long counterpart) {
        callers.add(sub, code(counterpart));
    }

    /** The code of a counterpart key: see the class comment. */
    private long code(long key) {
        if ((key & RecordBatch.TOKEN) != 0) {
            return TOKENS + (key & ~RecordBatch.TOKEN);
        }
        int digits = (int) (key >>> 57);
        if (digits <= CODED_DIGITS) {
            return FIRST_CODE[digits] + RecordBatch.number(key);
        }
        return LONG_NUMBERS + longNumbers.intern(key);
    }

    /**
     * Sorts the entries from {@code sorted} to {@code count} of {@code list}, keeps one per (subscriber,
     * counterpart) and merges them into the first {@code sorted}, which are sorted and distinct already: each entry
     * is sorted once, in a run about as long as the bucket was before. With {@code markRepeats} an entry is marked
     * as repeated when any of its pair's entries was or when there were several. Returns how many entries are left.
     */
    private int compact(long[] list, int sorted, int count, boolean markRepeats) {
        int tail = distinct(list, sorted, count, markRepeats);
        if (sorted == 0 || tail == sorted) {
            return tail;
        }
        if (scratch.length < sorted) {
            scratch = new long[Math.max(sorted, scratch.length * 2)];
        }
        long[] head = scratch;
        System.arraycopy(list, 0, head, 0, sorted);
        // Written from the start: the write position never passes the next unread entry of the tail.
        int i = 0;
        int j = sorted;
        int kept = 0;
        while (i < sorted && j < tail) {
            long a = head[i];
            long b = list[j];
            if (a >> 1 == b >> 1) {
                list[kept++] = markRepeats ? a | 1 : a;
                i++;
                j++;
            } else if (a < b) {
                list[kept++] = a;
                i++;
            } else {
                list[kept++] = b;
                j++;
            }
        }
        while (i < sorted) {
            list[kept++] = head[i++];
        }
        while (j < tail) {
            list[kept++] = list[j++];
        }
        return kept;
    }

    /** Sorts {@code list[from..to)} and keeps one entry per pair there; returns where they end. */
    private int distinct(long[] list, int from, int to, boolean markRepeats) {
        if (to - from < 2) {
            return to;
        }
        sorter.sort(list, from, to);
        int kept = from;
        int i = from;
        while (i < to) {
            long entry = list[i];
            long pair = entry >>> 1;
            long flag = entry & 1;
            int j = i + 1;
            while (j < to && list[j] >>> 1 == pair) {
                flag = 1;
                j++;
            }
            list[kept++] = markRepeats ? (pair << 1) | flag : pair << 1;
            i = j;
        }
        return kept;
    }

    /**
     * Sorts and deduplicates every bucket and finds each subscriber's entries there; call once after the last
     * update, before the readers below.
     */
    void finish() {
        callees.finish();
        callers.finish();
    }

    int distinctCallees(int sub) {
        return callees.count(sub);
    }

    int distinctCallers(int sub) {
        return callers.count(sub);
    }

    /** Callees called at least twice. */
    int repeatCallees(int sub) {
        long[] list = callees.lists[sub & (BUCKETS - 1)];
        int repeated = 0;
        for (int i = callees.start[sub], end = callees.end[sub]; i < end; i++) {
            repeated += (int) (list[i] & 1);
        }
        return repeated;
    }

    /** Callees who also called the subscriber: a merge of the two sorted runs. */
    int callbackCallees(int sub) {
        long[] out = callees.lists[sub & (BUCKETS - 1)];
        long[] in = callers.lists[sub & (BUCKETS - 1)];
        int i = callees.start[sub];
        int j = callers.start[sub];
        int outEnd = callees.end[sub];
        int inEnd = callers.end[sub];
        int both = 0;
        while (i < outEnd && j < inEnd) {
            long a = out[i] >> 1;
            long b = in[j] >> 1;
            if (a == b) {
                both++;
                i++;
                j++;
            } else if (a < b) {
                i++;
            } else {
                j++;
            }
        }
        return both;
    }

    /**
     * Writes the values of the distinct callees that are numbers into {@code into} (room for
     * {@link #distinctCallees} values) and returns how many: numbers of up to {@link #CODED_DIGITS} digits by
     * length and then value, then the longer ones.
     */
    int numericCallees(int sub, long[] into) {
        long[] list = callees.lists[sub & (BUCKETS - 1)];
        int n = 0;
        int digits = 1;
        for (int i = callees.start[sub], end = callees.end[sub]; i < end; i++) {
            long code = list[i] >>> 1 & CODE_MASK;
            if (code < TOKENS) {
                while (FIRST_CODE[digits + 1] <= code) {
                    digits++;
                }
                into[n++] = code - FIRST_CODE[digits];
            } else if (code >= LONG_NUMBERS) {
                into[n++] = RecordBatch.number(longNumbers.key((int) (code - LONG_NUMBERS)));
            }
        }
        return n;
    }

    long footprint() {
        return 8 * entries
                + callees.footprint()
                + callers.footprint()
                + longNumbers.footprint()
                + sorter.footprint()
                + 8L * scratch.length;
    }

    /**
     * The buckets of one direction, callees (whose entries mark repeats) or callers: per bucket its array, its
     * entries and how many at its start are sorted and distinct (as of its last compaction). After
     * {@link #finish}, a subscriber's entries lie from {@code start[sub]} to {@code end[sub]} in its bucket.
     */
    private final class Buckets {
        final boolean markRepeats;
        final long[][] lists = new long[BUCKETS][];
        final int[] count = new int[BUCKETS];
        final int[] sorted = new int[BUCKETS];
        int[] start;
        int[] end;

        Buckets(boolean markRepeats) {
            this.markRepeats = markRepeats;
            Arrays.fill(lists, EMPTY);
        }

        void add(int sub, long code) {
            int bucket = sub & (BUCKETS - 1);
            long[] list = lists[bucket];
            int n = count[bucket];
            if (n == list.length) {
                list = makeRoom(bucket);
                n = count[bucket];
            }
            list[n] = ((long) (sub >>> BUCKET_BITS) << SUB_SHIFT) | (code << 1);
            count[bucket] = n + 1;
        }

        /**
         * Doubles a full bucket while all buckets fit in {@link #uncompacted} entries; past that, compacts it and
         * doubles it only when that leaves it more than half full. Returns its array.
         */
        private long[] makeRoom(int bucket) {
            long[] list = lists[bucket];
            int length = list.length;
            if (entries + length > uncompacted && length > 0) {
                int n = compact(list, sorted[bucket], count[bucket], markRepeats);
                sorted[bucket] = n;
                count[bucket] = n;
                if (2 * n <= length) {
                    return list;
                }
            }
            int grown = Math.max(FIRST_LENGTH, 2 * length);
            entries += grown - length;
            list = Arrays.copyOf(list, grown);
            lists[bucket] = list;
            return list;
        }

        void finish() {
            start = new int[subscribers];
            end = new int[subscribers];
            for (int bucket = 0; bucket < BUCKETS; bucket++) {
                long[] list = lists[bucket];
                int n = compact(list, sorted[bucket], count[bucket], markRepeats);
                sorted[bucket] = n;
                count[bucket] = n;
                int i = 0;
                while (i < n) {
                    long high = list[i] >>> SUB_SHIFT;
                    int sub = (int) high << BUCKET_BITS | bucket;
                    start[sub] = i;
                    while (i < n && list[i] >>> SUB_SHIFT == high) {
                        i++;
                    }
                    end[sub] = i;
                }
            }
        }

        int count(int sub) {
            return end[sub] - start[sub];
        }

        long footprint() {
            return start == null ? 0 : 8L * subscribers;
        }
    }
}

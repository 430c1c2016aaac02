package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * Counts per (subscriber, key) of one shard — a subscriber's callees, callers, clock hours — kept as entries in
 * {@link #BUCKETS} buckets that are sorted and merged when they fill up (or only at the end), then read per
 * subscriber in key order.
 *
 * <p>A subscriber's entries go to the bucket of its id's low {@link #BUCKET_BITS} bits. An update writes to the end
 * of its bucket, one of a few hundred array ends that stay in the processor's cache, where a hash table of pairs
 * cost a cache miss per update and a list per subscriber wrote to the end of one of tens of thousands; and a full
 * bucket holds thousands of entries, which the {@link RadixSort radix sort} sorts at a few nanoseconds each. While
 * all buckets of a shard fit in the room they share ({@link Room}), a full bucket just doubles and each entry is
 * sorted once, at the end. Past that room, a full bucket is compacted first: the entries appended since its last
 * compaction are sorted, those of one pair added up, and merged into the sorted part; the bucket doubles only when
 * that leaves it more than half full, so it never exceeds about four entries of 8 bytes per distinct pair. Memory
 * is bounded by the room or grows with distinct pairs, never with updates.
 *
 * <p>An entry is one long: the subscriber's id without its bucket bits (19 bits, so ids below
 * {@link #MAX_SUBSCRIBERS}), the key and the count, in {@code 44 - valueBits} and {@code valueBits} bits. Counts
 * of one pair add up and stop at the largest the bits hold.
 */
final class PairBuckets {

    static final int BUCKET_BITS = 8;
    /** Bits of an entry's key and count together; the subscriber's id (without its bucket bits) lies above. */
    private static final int PAIR_BITS = 44;
    /** Subscriber ids must lie below this: what is left of an entry after key and count. */
    static final int MAX_SUBSCRIBERS = 1 << (63 - PAIR_BITS + BUCKET_BITS);

    private static final int BUCKETS = 1 << BUCKET_BITS;
    private static final int FIRST_LENGTH = 64;
    private static final long[] EMPTY = new long[0];

    private final int valueBits;
    private final long maxValue;
    private final Room room;
    private final long[][] lists = new long[BUCKETS][];
    private final int[] count = new int[BUCKETS];
    /** How many entries at the start of each bucket are sorted and distinct, as of its last compaction. */
    private final int[] sorted = new int[BUCKETS];
    /** After {@link #finish}: where each subscriber's entries lie in its bucket. */
    private int[] start;

    private int[] end;

    /** Buckets whose entries hold a key of {@code 44 - valueBits} bits and a count of {@code valueBits}. */
    PairBuckets(Room room, int valueBits) {
        this.room = room;
        this.valueBits = valueBits;
        this.maxValue = (1L << valueBits) - 1;
        Arrays.fill(lists, EMPTY);
    }

    /**
     * What the buckets of one shard share: the entries they may hold in all before full buckets are compacted
     * (0, the default, compacts every full bucket), the entries they hold, the sorter and the merge's scratch.
     */
    static final class Room {
        private long uncompacted;
        private long entries;
        private final RadixSort sorter = new RadixSort();
        private long[] scratch = EMPTY;

        /** Lets the buckets grow without compacting while their arrays take at most {@code maxBytes}. */
        void growUncompacted(long maxBytes) {
            uncompacted = maxBytes / 8;
        }

        long footprint() {
            return 8 * entries + sorter.footprint() + 8L * scratch.length;
        }
    }

    /**
     * Sizes the empty buckets for about {@code entries} in all, so that they do not double their way there (each
     * doubling copies the bucket); does nothing when that would not fit in the room.
     */
    void reserve(long entries) {
        int length = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(FIRST_LENGTH, (entries + BUCKETS - 1) / BUCKETS));
        if (room.entries + (long) length * BUCKETS > room.uncompacted) {
            return;
        }
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            if (lists[bucket].length < length && count[bucket] == 0) {
                room.entries += length - lists[bucket].length;
                lists[bucket] = new long[length];
            }
        }
    }

    /** Adds {@code value} (at least 1) to the count of ({@code sub}, {@code key}). */
    void add(int sub, long key, long value) {
        int bucket = sub & (BUCKETS - 1);
        long[] list = lists[bucket];
        int n = count[bucket];
        if (n == list.length) {
            list = makeRoom(bucket);
            n = count[bucket];
        }
        list[n] = ((long) (sub >>> BUCKET_BITS) << PAIR_BITS) | (key << valueBits) | Math.min(value, maxValue);
        count[bucket] = n + 1;
    }

    /**
     * Doubles a full bucket while all buckets fit in the room; past that, compacts it and doubles it only when that
     * leaves it more than half full. Returns its array.
     */
    private long[] makeRoom(int bucket) {
        long[] list = lists[bucket];
        int length = list.length;
        if (room.entries + length > room.uncompacted && length > 0) {
            int n = compact(list, sorted[bucket], count[bucket]);
            sorted[bucket] = n;
            count[bucket] = n;
            if (2 * n <= length) {
                return list;
            }
        }
        int grown = Math.max(FIRST_LENGTH, 2 * length);
        room.entries += grown - length;
        list = Arrays.copyOf(list, grown);
        lists[bucket] = list;
        return list;
    }

    /**
     * Sorts the entries from {@code sorted} to {@code count} of {@code list}, adds up those of one pair and merges
     * them into the first {@code sorted}, which are sorted and distinct already: each entry is sorted once, in a run
     * about as long as the bucket was before. Returns how many entries are left.
     */
    private int compact(long[] list, int sorted, int count) {
        int tail = distinct(list, sorted, count);
        if (sorted == 0 || tail == sorted) {
            return tail;
        }
        if (room.scratch.length < sorted) {
            room.scratch = new long[Math.max(sorted, room.scratch.length * 2)];
        }
        long[] head = room.scratch;
        System.arraycopy(list, 0, head, 0, sorted);
        // Written from the start: the write position never passes the next unread entry of the tail.
        int i = 0;
        int j = sorted;
        int kept = 0;
        while (i < sorted && j < tail) {
            long a = head[i];
            long b = list[j];
            if (a >>> valueBits == b >>> valueBits) {
                list[kept++] = sum(a, b);
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

    /** Sorts {@code list[from..to)} and keeps one entry per pair there, with their counts added up. */
    private int distinct(long[] list, int from, int to) {
        if (to - from < 2) {
            return to;
        }
        room.sorter.sort(list, from, to);
        int kept = from;
        int i = from;
        while (i < to) {
            long entry = list[i];
            int j = i + 1;
            while (j < to && list[j] >>> valueBits == list[i] >>> valueBits) {
                entry = sum(entry, list[j]);
                j++;
            }
            list[kept++] = entry;
            i = j;
        }
        return kept;
    }

    /** The entry of a pair with both entries' counts, added up as far as the bits go. */
    private long sum(long a, long b) {
        return (a & ~maxValue) | Math.min((a & maxValue) + (b & maxValue), maxValue);
    }

    /**
     * Sorts and merges every bucket and finds each subscriber's entries there; call once after the last update,
     * before the readers below. {@code subscribers}: the ids are below it.
     */
    void finish(int subscribers) {
        start = new int[subscribers];
        end = new int[subscribers];
        for (int bucket = 0; bucket < BUCKETS; bucket++) {
            long[] list = lists[bucket];
            int n = compact(list, sorted[bucket], count[bucket]);
            sorted[bucket] = n;
            count[bucket] = n;
            int i = 0;
            while (i < n) {
                long high = list[i] >>> PAIR_BITS;
                int sub = (int) high << BUCKET_BITS | bucket;
                start[sub] = i;
                while (i < n && list[i] >>> PAIR_BITS == high) {
                    i++;
                }
                end[sub] = i;
            }
        }
    }

    /** How many distinct keys {@code sub} has. */
    int count(int sub) {
        return end[sub] - start[sub];
    }

    /** The array holding {@code sub}'s entries, from {@link #start} to {@link #end}, in key order. */
    long[] entries(int sub) {
        return lists[sub & (BUCKETS - 1)];
    }

    int start(int sub) {
        return start[sub];
    }

    int end(int sub) {
        return end[sub];
    }

    /** The key of an entry. */
    long key(long entry) {
        return entry >>> valueBits & ((1L << (PAIR_BITS - valueBits)) - 1);
    }

    /** The count of an entry. */
    long value(long entry) {
        return entry & maxValue;
    }

    /** The entry without its count: equal for the same subscriber and key, ordered as the keys. */
    long pair(long entry) {
        return entry >>> valueBits;
    }

    long footprint() {
        return start == null ? 0 : 8L * start.length;
    }
}

package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * The distinct callees and callers of each subscriber of a shard, as two lists of counterpart keys per subscriber
 * that are sorted and deduplicated whenever they fill up.
 *
 * <p>Kept in the shared pair table, every call to a new counterpart cost a cache and TLB miss in a table of
 * gigabytes: an append here writes to the end of the subscriber's own list, a line that is usually still in the
 * last-level cache, and the sort when the list fills up runs in cache. A list holds each counterpart once plus at
 * most as many appends as it held after its last compaction, and doubles only when compaction leaves it more than
 * half full, so it never exceeds about four entries of 8 bytes per distinct counterpart: memory grows with
 * distinct pairs, not with calls.
 *
 * <p>An entry is the counterpart's key (63 bits: see {@link RecordBatch}) shifted left by one; in a callee list
 * the low bit marks a counterpart called at least twice. Both lists thus sort in the same order, and a merge of
 * the two finds the callees who also called.
 *
 * <p>The lists live in a few large shared arrays (chunks), each list a region of a power-of-two length, and a region
 * a list outgrows goes to a free list for the next list of that length. The lists are the result under construction
 * and live until the end: held in tens of thousands of arrays of their own, they were what the garbage collector
 * copied in every young collection (most of a scan's pause time with the JVM's default initial heap, and about a
 * sixth of its peak memory). A chunk is allocated once and, from half a G1 region on (1 MB with 2 MB regions, 2 MB
 * with the 4 MB regions of a 6 GB heap), is a humongous object: never copied.
 */
final class ContactLists {

    private static final int FIRST_LENGTH = 8;
    /** Chunks start at this many entries and double up to {@link #LAST_CHUNK} (32 MB). */
    private static final int FIRST_CHUNK = 1 << 12;

    private static final int LAST_CHUNK = 1 << 22;
    /** A list longer than this has an array of its own. */
    private static final int OWN_ARRAY = LAST_CHUNK / 4;

    private static final long[] EMPTY = new long[0];

    private final Lists callees = new Lists(true);
    private final Lists callers = new Lists(false);
    private long[] scratch = new long[FIRST_LENGTH];
    private final RadixSort sorter = new RadixSort();

    private long[][] chunks = new long[0][];
    private long[] chunk;
    private int chunkUsed;
    /**
     * Free regions by length class (length {@code FIRST_LENGTH << k}): chunk index times 2^32 plus the region's start.
     */
    private long[][] free = new long[Integer.numberOfTrailingZeros(OWN_ARRAY / FIRST_LENGTH) + 1][];

    private final int[] freeCount = new int[free.length];
    /** Entries allocated: chunks and lists' own arrays. */
    private long allocated;
    /** Where {@link #region} put a region: its array and start. */
    private long[] regionArray;

    private int regionBase;

    /** Makes room for subscribers with ids below {@code size}. */
    void allocate(int size) {
        callees.allocate(size);
        callers.allocate(size);
    }

    void called(int sub, long counterpart) {
        callees.add(sub, counterpart);
    }

    void calledBy(int sub, long counterpart) {
        callers.add(sub, counterpart);
    }

    /**
     * Reads the line of the callee ({@code type} 1) or caller (2) list of {@code sub} that the next call of that
     * type will write to, so that it is in cache by then; returns what it read.
     */
    long end(int sub, int type) {
        return (type == 1 ? callees : callers).end(sub);
    }

    /**
     * Moves a list's {@code count} entries to a region twice as long ({@link #regionArray}, {@link #regionBase}) and
     * frees the old one.
     */
    private void grow(long[] array, int base, int length, int count) {
        region(Math.max(FIRST_LENGTH, 2 * length));
        System.arraycopy(array, base, regionArray, regionBase, count);
        if (length > 0) {
            release(array, base, length);
        }
    }

    /** A region of {@code length} entries (a power of two from {@link #FIRST_LENGTH}). */
    private void region(int length) {
        if (length > OWN_ARRAY) {
            regionArray = new long[length];
            regionBase = 0;
            allocated += length;
            return;
        }
        int k = Integer.numberOfTrailingZeros(length / FIRST_LENGTH);
        if (freeCount[k] > 0) {
            long region = free[k][--freeCount[k]];
            regionArray = chunks[(int) (region >>> 32)];
            regionBase = (int) region;
            return;
        }
        if (chunk == null || chunkUsed + length > chunk.length) {
            newChunk(length);
        }
        regionArray = chunk;
        regionBase = chunkUsed;
        chunkUsed += length;
    }

    private void release(long[] array, int base, int length) {
        if (length > OWN_ARRAY) {
            allocated -= length;
            return;
        }
        int index = chunks.length - 1;
        while (chunks[index] != array) {
            index--;
        }
        push(Integer.numberOfTrailingZeros(length / FIRST_LENGTH), ((long) index << 32) | base);
    }

    private void push(int k, long region) {
        if (free[k] == null || freeCount[k] == free[k].length) {
            free[k] = free[k] == null ? new long[16] : Arrays.copyOf(free[k], 2 * freeCount[k]);
        }
        free[k][freeCount[k]++] = region;
    }

    /** Starts a chunk with room for a region of {@code length}; the old chunk's rest goes to the free lists. */
    private void newChunk(int length) {
        if (chunk != null) {
            int index = chunks.length - 1;
            int size = OWN_ARRAY;
            while (chunk.length - chunkUsed >= FIRST_LENGTH) {
                while (size > chunk.length - chunkUsed) {
                    size /= 2;
                }
                push(Integer.numberOfTrailingZeros(size / FIRST_LENGTH), ((long) index << 32) | chunkUsed);
                chunkUsed += size;
            }
        }
        int size = chunk == null ? FIRST_CHUNK : Math.min(LAST_CHUNK, 2 * chunk.length);
        chunk = new long[Math.max(size, length)];
        chunkUsed = 0;
        allocated += chunk.length;
        chunks = Arrays.copyOf(chunks, chunks.length + 1);
        chunks[chunks.length - 1] = chunk;
    }

    /**
     * Sorts the entries from {@code sorted} to {@code count} of the list at {@code list[base…]}, keeps one per
     * counterpart and merges them into the first {@code sorted}, which are sorted and distinct already: each entry is
     * sorted once, in a run about as long as the list was before. In a callee list an entry is marked as repeated
     * when any of its counterpart's entries was or when there were several. Returns how many entries are left.
     */
    private int compact(long[] list, int base, int sorted, int count, boolean markRepeats) {
        int tail = distinct(list, base + sorted, base + count, markRepeats) - base;
        if (sorted == 0 || tail == sorted) {
            return tail;
        }
        if (scratch.length < sorted) {
            scratch = new long[Math.max(sorted, scratch.length * 2)];
        }
        long[] head = scratch;
        System.arraycopy(list, base, head, 0, sorted);
        // Written from the start: the write position never passes the next unread entry of the tail.
        int i = 0;
        int j = base + sorted;
        int end = base + tail;
        int kept = base;
        while (i < sorted && j < end) {
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
        while (j < end) {
            list[kept++] = list[j++];
        }
        return kept - base;
    }

    /** Sorts {@code list[from..to)} and keeps one entry per counterpart there; returns where they end. */
    private int distinct(long[] list, int from, int to, boolean markRepeats) {
        if (to - from < 2) {
            return to;
        }
        sorter.sort(list, from, to);
        int kept = from;
        int i = from;
        while (i < to) {
            long entry = list[i];
            long key = entry >>> 1;
            long flag = entry & 1;
            int j = i + 1;
            while (j < to && list[j] >>> 1 == key) {
                flag = 1;
                j++;
            }
            list[kept++] = markRepeats ? (key << 1) | flag : key << 1;
            i = j;
        }
        return kept;
    }

    /** Sorts and deduplicates every list; call once after the last update, before the readers below. */
    void finish() {
        callees.finish();
        callers.finish();
    }

    int distinctCallees(int sub) {
        return callees.count[sub];
    }

    int distinctCallers(int sub) {
        return callers.count[sub];
    }

    /** Callees called at least twice. */
    int repeatCallees(int sub) {
        long[] list = callees.arrays[sub];
        int repeated = 0;
        for (int i = callees.base[sub], end = i + callees.count[sub]; i < end; i++) {
            repeated += (int) (list[i] & 1);
        }
        return repeated;
    }

    /** Callees who also called the subscriber: a merge of the two sorted lists. */
    int callbackCallees(int sub) {
        long[] out = callees.arrays[sub];
        long[] in = callers.arrays[sub];
        int i = callees.base[sub];
        int j = callers.base[sub];
        int outEnd = i + callees.count[sub];
        int inEnd = j + callers.count[sub];
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

    /** The {@code i}th distinct callee's key. */
    long callee(int sub, int i) {
        return callees.arrays[sub][callees.base[sub] + i] >>> 1;
    }

    long footprint() {
        return 8 * allocated + 48L * callees.arrays.length + sorter.footprint();
    }

    /**
     * The lists of one direction, callees (whose entries mark repeats) or callers: per subscriber the array holding
     * the list, where it starts there, its length (capacity), its entries, and how many at its start are sorted and
     * distinct (as of its last compaction).
     */
    private final class Lists {
        final boolean markRepeats;
        long[][] arrays = new long[0][];
        int[] base = new int[0];
        int[] length = new int[0];
        int[] count = new int[0];
        int[] sorted = new int[0];

        Lists(boolean markRepeats) {
            this.markRepeats = markRepeats;
        }

        void allocate(int size) {
            int old = arrays.length;
            arrays = Arrays.copyOf(arrays, size);
            base = Arrays.copyOf(base, size);
            length = Arrays.copyOf(length, size);
            count = Arrays.copyOf(count, size);
            sorted = Arrays.copyOf(sorted, size);
            Arrays.fill(arrays, old, size, EMPTY);
        }

        void add(int sub, long counterpart) {
            int n = count[sub];
            if (n == length[sub]) {
                n = compact(arrays[sub], base[sub], sorted[sub], n, markRepeats);
                sorted[sub] = n;
                if (n * 2 > length[sub] || length[sub] == 0) {
                    grow(arrays[sub], base[sub], length[sub], n);
                    arrays[sub] = regionArray;
                    base[sub] = regionBase;
                    length[sub] = Math.max(FIRST_LENGTH, 2 * length[sub]);
                }
            }
            arrays[sub][base[sub] + n] = counterpart << 1;
            count[sub] = n + 1;
        }

        long end(int sub) {
            if (length[sub] == 0) {
                return 0;
            }
            return arrays[sub][base[sub] + Math.min(count[sub], length[sub] - 1)];
        }

        void finish() {
            for (int sub = 0; sub < arrays.length; sub++) {
                count[sub] = compact(arrays[sub], base[sub], sorted[sub], count[sub], markRepeats);
                sorted[sub] = count[sub];
            }
        }
    }
}

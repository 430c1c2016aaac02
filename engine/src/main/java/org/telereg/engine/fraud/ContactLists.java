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
 */
final class ContactLists {

    private static final long[] EMPTY = new long[0];
    private static final int FIRST_LENGTH = 8;

    private long[][] callees = new long[0][];
    private long[][] callers = new long[0][];
    private int[] calleeCount = new int[0];
    private int[] callerCount = new int[0];
    /** How many entries at the start of each list are sorted and distinct (as of its last compaction). */
    private int[] calleeSorted = new int[0];

    private int[] callerSorted = new int[0];
    private long[] scratch = new long[FIRST_LENGTH];
    private final RadixSort sorter = new RadixSort();
    private long entries;

    /** Makes room for subscribers with ids below {@code size}. */
    void allocate(int size) {
        int old = callees.length;
        callees = Arrays.copyOf(callees, size);
        callers = Arrays.copyOf(callers, size);
        calleeCount = Arrays.copyOf(calleeCount, size);
        callerCount = Arrays.copyOf(callerCount, size);
        calleeSorted = Arrays.copyOf(calleeSorted, size);
        callerSorted = Arrays.copyOf(callerSorted, size);
        Arrays.fill(callees, old, size, EMPTY);
        Arrays.fill(callers, old, size, EMPTY);
    }

    void called(int sub, long counterpart) {
        long[] list = callees[sub];
        int count = calleeCount[sub];
        if (count == list.length) {
            count = compact(list, calleeSorted[sub], count, true);
            calleeSorted[sub] = count;
            list = room(list, count);
            callees[sub] = list;
        }
        list[count] = counterpart << 1;
        calleeCount[sub] = count + 1;
    }

    void calledBy(int sub, long counterpart) {
        long[] list = callers[sub];
        int count = callerCount[sub];
        if (count == list.length) {
            count = compact(list, callerSorted[sub], count, false);
            callerSorted[sub] = count;
            list = room(list, count);
            callers[sub] = list;
        }
        list[count] = counterpart << 1;
        callerCount[sub] = count + 1;
    }

    /**
     * Reads the line of the callee ({@code type} 1) or caller (2) list of {@code sub} that the next call of that
     * type will write to, so that it is in cache by then; returns what it read.
     */
    long end(int sub, int type) {
        long[] list = type == 1 ? callees[sub] : callers[sub];
        int i = Math.min(type == 1 ? calleeCount[sub] : callerCount[sub], list.length - 1);
        return i >= 0 ? list[i] : 0;
    }

    /** {@code list} with room for one more entry after {@code count}: doubled when compaction left it half full. */
    private long[] room(long[] list, int count) {
        if (count * 2 <= list.length && list.length > 0) {
            return list;
        }
        long[] grown = Arrays.copyOf(list, Math.max(FIRST_LENGTH, list.length * 2));
        entries += grown.length - list.length;
        return grown;
    }

    /**
     * Sorts the entries from {@code sorted} to {@code count}, keeps one per counterpart and merges them into the
     * first {@code sorted}, which are sorted and distinct already: each entry is sorted once, in a run about as
     * long as the list was before. In a callee list an entry is marked as repeated when any of its counterpart's
     * entries was or when there were several. Returns how many entries are left.
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
        for (int sub = 0; sub < callees.length; sub++) {
            calleeCount[sub] = compact(callees[sub], calleeSorted[sub], calleeCount[sub], true);
            calleeSorted[sub] = calleeCount[sub];
            callerCount[sub] = compact(callers[sub], callerSorted[sub], callerCount[sub], false);
            callerSorted[sub] = callerCount[sub];
        }
    }

    int distinctCallees(int sub) {
        return calleeCount[sub];
    }

    int distinctCallers(int sub) {
        return callerCount[sub];
    }

    /** Callees called at least twice. */
    int repeatCallees(int sub) {
        long[] list = callees[sub];
        int repeated = 0;
        for (int i = 0, count = calleeCount[sub]; i < count; i++) {
            repeated += (int) (list[i] & 1);
        }
        return repeated;
    }

    /** Callees who also called the subscriber: a merge of the two sorted lists. */
    int callbackCallees(int sub) {
        long[] out = callees[sub];
        long[] in = callers[sub];
        int outCount = calleeCount[sub];
        int inCount = callerCount[sub];
        int both = 0;
        int i = 0;
        int j = 0;
        while (i < outCount && j < inCount) {
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
        return callees[sub][i] >>> 1;
    }

    long footprint() {
        return 8 * entries + 40L * callees.length + sorter.footprint();
    }
}

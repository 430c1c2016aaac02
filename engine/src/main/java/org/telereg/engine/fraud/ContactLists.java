package org.telereg.engine.fraud;

/**
 * The distinct callees and callers of each subscriber of a shard, with how often each callee was called: two
 * {@link PairBuckets} keyed by the counterpart's code.
 *
 * <p>A code numbers counterpart keys ({@link RecordBatch#key}) densely in 42 bits: numbers of up to
 * {@link #CODED_DIGITS} digits by their length and value ({@link #code}), then tokens by their dictionary id, then
 * longer numbers by an id in {@link #longNumbers}. A subscriber's counterparts are therefore read in code order —
 * numbers by length and value, then tokens, then the longer numbers — the same in both directions, so a merge of
 * its two runs finds the callees who also called. A callee's count stops at 3: only "called at least twice" is
 * asked of it.
 */
final class ContactLists {

    /** Numbers of up to this many digits are coded by length and value; longer ones get an id. */
    private static final int CODED_DIGITS = 12;

    private static final int COUNT_BITS = 2;
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

    private final PairBuckets callees;
    private final PairBuckets callers;
    private final LongIndex longNumbers = new LongIndex();

    /** Contacts whose buckets share {@code room} (with each other and with the shard's other buckets). */
    ContactLists(PairBuckets.Room room) {
        callees = new PairBuckets(room, COUNT_BITS);
        callers = new PairBuckets(room, COUNT_BITS);
    }

    /** Sizes the buckets for about {@code calls} calls in and out ({@link PairBuckets#reserve}). */
    void reserve(long calls) {
        callees.reserve(calls / 2);
        callers.reserve(calls / 2);
    }

    void called(int sub, long counterpart) {
        callees.add(sub, code(counterpart), 1);
    }

    void calledBy(int sub, long counterpart) {
        callers.add(sub, code(counterpart), 1);
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
     * Sorts and merges both directions' buckets for subscribers with ids below {@code subscribers}; call once after
     * the last update, before the readers below.
     */
    void finish(int subscribers) {
        callees.finish(subscribers);
        callers.finish(subscribers);
    }

    int distinctCallees(int sub) {
        return callees.count(sub);
    }

    int distinctCallers(int sub) {
        return callers.count(sub);
    }

    /** Callees called at least twice. */
    int repeatCallees(int sub) {
        long[] list = callees.entries(sub);
        int repeated = 0;
        for (int i = callees.start(sub), end = callees.end(sub); i < end; i++) {
            repeated += callees.value(list[i]) > 1 ? 1 : 0;
        }
        return repeated;
    }

    /** Callees who also called the subscriber: a merge of the two runs, both in code order. */
    int callbackCallees(int sub) {
        long[] out = callees.entries(sub);
        long[] in = callers.entries(sub);
        int i = callees.start(sub);
        int j = callers.start(sub);
        int outEnd = callees.end(sub);
        int inEnd = callers.end(sub);
        int both = 0;
        while (i < outEnd && j < inEnd) {
            long a = callees.pair(out[i]);
            long b = callers.pair(in[j]);
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
        long[] list = callees.entries(sub);
        int n = 0;
        int digits = 1;
        for (int i = callees.start(sub), end = callees.end(sub); i < end; i++) {
            long code = callees.key(list[i]);
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
        return callees.footprint() + callers.footprint() + longNumbers.footprint();
    }
}

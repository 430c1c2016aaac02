package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * A least-significant-digit radix sort of longs in signed order, for the buckets of (subscriber, key, count)
 * entries that {@link PairBuckets} sorts when one fills up or at the end.
 *
 * <p>A comparison sort spends about log2(n) mispredicted-half-the-time comparisons per key; here a key costs a few
 * increments and one scattered store per pass, and the passes cover only the bits in which the run's keys
 * differ: each pass's digit starts at the lowest differing bit not yet covered, so bits that are equal in every key
 * — the top bits of eleven-digit numbers, the unused bits between a contact entry's counterpart and its
 * subscriber — cost nothing. A bucket's entries differ in about 35 bits of counterpart and a few of subscriber:
 * four passes of 12-bit digits. The counts of all passes are taken in one read of the keys before the first pass
 * moves one.
 */
final class RadixSort {

    /** Digits of runs shorter than {@link #WIDE_LENGTH}: 256 counts per pass, cheap to clear and sum. */
    private static final int NARROW_BITS = 8;
    /**
     * Digits of longer runs: fewer passes for 4,096 counts per pass. On a bucket's entries (about 45 bits that
     * differ, 7,000 keys), 6.7 ns a key against 10 with 8-bit digits; the wider digit costs more below 2,000.
     */
    private static final int WIDE_BITS = 12;

    private static final int WIDE_LENGTH = 2_048;
    private static final int MAX_PASSES = 64 / NARROW_BITS;

    /**
     * Below this length {@link Arrays#sort(long[], int, int)} is as fast or faster: on random eleven-digit numbers
     * 6 against 14 ns a key at 128 keys, 23 against 12 at 256.
     */
    static final int MIN_LENGTH = 192;

    private final int[] counts = new int[MAX_PASSES << WIDE_BITS];
    private final int[] shifts = new int[MAX_PASSES];
    private long[] buffer = new long[0];

    /** Sorts {@code a[from, to)} in ascending signed order, as {@link Arrays#sort(long[], int, int)} would. */
    void sort(long[] a, int from, int to) {
        int n = to - from;
        if (n < MIN_LENGTH) {
            Arrays.sort(a, from, to);
            return;
        }
        // Keys are compared with their sign bit flipped, which makes unsigned digit order the signed order.
        long any = 0;
        long all = -1;
        for (int i = from; i < to; i++) {
            long x = a[i] ^ Long.MIN_VALUE;
            any |= x;
            all &= x;
        }
        long differ = any ^ all;
        if (differ == 0) {
            return;
        }
        int bits = n < WIDE_LENGTH ? NARROW_BITS : WIDE_BITS;
        int radix = 1 << bits;
        int mask = radix - 1;
        int[] shifts = this.shifts;
        int passes = 0;
        for (long rest = differ; rest != 0; ) {
            int shift = Long.numberOfTrailingZeros(rest);
            shifts[passes++] = shift;
            rest = shift + bits >= 64 ? 0 : rest & (-1L << (shift + bits));
        }
        int[] counts = this.counts;
        Arrays.fill(counts, 0, passes << bits, 0);
        // Four passes' counts per read of the keys; a pass beyond the last counts into the next, unused range.
        for (int first = 0; first < passes; first += 4) {
            int s0 = shifts[first];
            int s1 = first + 1 < passes ? shifts[first + 1] : 0;
            int s2 = first + 2 < passes ? shifts[first + 2] : 0;
            int s3 = first + 3 < passes ? shifts[first + 3] : 0;
            int b0 = first << bits;
            int b1 = Math.min(first + 1, MAX_PASSES - 1) << bits;
            int b2 = Math.min(first + 2, MAX_PASSES - 1) << bits;
            int b3 = Math.min(first + 3, MAX_PASSES - 1) << bits;
            for (int i = from; i < to; i++) {
                long x = a[i] ^ Long.MIN_VALUE;
                counts[b0 + ((int) (x >>> s0) & mask)]++;
                counts[b1 + ((int) (x >>> s1) & mask)]++;
                counts[b2 + ((int) (x >>> s2) & mask)]++;
                counts[b3 + ((int) (x >>> s3) & mask)]++;
            }
        }
        if (buffer.length < n) {
            buffer = new long[Math.max(n, 2 * buffer.length)];
        }
        long[] source = a;
        int sourceFrom = from;
        long[] target = buffer;
        int targetFrom = 0;
        for (int p = 0; p < passes; p++) {
            int base = p << bits;
            int shift = shifts[p];
            if (counts[base + ((int) ((source[sourceFrom] ^ Long.MIN_VALUE) >>> shift) & mask)] == n) {
                continue;
            }
            int sum = targetFrom;
            for (int d = base; d < base + radix; d++) {
                int c = counts[d];
                counts[d] = sum;
                sum += c;
            }
            for (int i = sourceFrom; i < sourceFrom + n; i++) {
                long x = source[i];
                target[counts[base + ((int) ((x ^ Long.MIN_VALUE) >>> shift) & mask)]++] = x;
            }
            long[] swap = source;
            source = target;
            target = swap;
            int swapFrom = sourceFrom;
            sourceFrom = targetFrom;
            targetFrom = swapFrom;
        }
        if (source != a) {
            System.arraycopy(source, sourceFrom, a, from, n);
        }
    }

    long footprint() {
        return 4L * counts.length + 8L * buffer.length;
    }
}

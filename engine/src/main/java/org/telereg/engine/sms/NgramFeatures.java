package org.telereg.engine.sms;

/**
 * Character 1-, 2- and 3-grams of normalised text, hashed into {@code 2^bits} buckets.
 *
 * <p>Digits are folded to {@code 0} first, so that every phone number, price and code shares its n-grams. A
 * gram is packed into a long (16 bits per character plus its order) and hashed by a Fibonacci multiply whose top
 * bits are the bucket: one multiply and one shift per gram, no strings.
 */
final class NgramFeatures {

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    private static final long BIGRAM = 1L << 48;
    private static final long TRIGRAM = 2L << 48;

    private NgramFeatures() {}

    /** The number of features {@code length} characters give. */
    static int count(int length) {
        return length <= 0 ? 0 : length == 1 ? 1 : 3 * length - 3;
    }

    /** Writes the buckets of every gram of {@code text[0, length)} into {@code out}; returns how many. */
    static int buckets(char[] text, int length, int bits, int[] out) {
        final int shift = 64 - bits;
        long previous = 0;
        long beforePrevious = 0;
        int n = 0;
        for (int i = 0; i < length; i++) {
            long c = fold(text[i]);
            out[n++] = (int) ((c * GOLDEN) >>> shift);
            if (i >= 1) {
                out[n++] = (int) (((BIGRAM | previous << 16 | c) * GOLDEN) >>> shift);
            }
            if (i >= 2) {
                out[n++] = (int) (((TRIGRAM | beforePrevious << 32 | previous << 16 | c) * GOLDEN) >>> shift);
            }
            beforePrevious = previous;
            previous = c;
        }
        return n;
    }

    /**
     * Adds the weights, in steps, of every gram of {@code text[0, length)} for the three classes into {@code sums}
     * (see {@link SmsModel#lanes}); the same sums as looking up each bucket {@link #buckets} writes, without writing
     * them.
     */
    static void sumSteps(char[] text, int length, int bits, int[] lanes, long[] sums) {
        final int shift = 64 - bits;
        long normal = 0;
        long ad = 0;
        long fraud = 0;
        // The parts of a packed gram do not overlap, so its product with GOLDEN is the sum of the parts' products
        // (mod 2^64): (BIGRAM | p << 16 | c) * G = BIGRAM * G + (p * G << 16) + c * G. One multiply per character
        // then gives all three grams' hashes, the very buckets buckets() computes with three.
        final long bigram = BIGRAM * GOLDEN;
        final long trigram = TRIGRAM * GOLDEN;
        long previous = 0;
        long beforePrevious = 0;
        int i = 0;
        while (i < length) {
            // Five characters are at most 15 grams, within what a lane can sum; then the lanes are moved out. A
            // bucket's int is read as unsigned (the top lane fills its top bits), which costs no instruction.
            final int end = Math.min(length, i + 5);
            long packed = 0;
            for (; i < end; i++) {
                long c = fold(text[i]) * GOLDEN;
                packed += lanes[(int) (c >>> shift)] & 0xFFFFFFFFL;
                if (i >= 1) {
                    packed += lanes[(int) ((bigram + (previous << 16) + c) >>> shift)] & 0xFFFFFFFFL;
                }
                if (i >= 2) {
                    packed += lanes[(int) ((trigram + (beforePrevious << 32) + (previous << 16) + c) >>> shift)]
                            & 0xFFFFFFFFL;
                }
                beforePrevious = previous;
                previous = c;
            }
            normal += packed & SmsModel.LANE_MASK;
            ad += (packed >>> SmsModel.LANE_BITS) & SmsModel.LANE_MASK;
            fraud += packed >>> (2 * SmsModel.LANE_BITS);
        }
        long bias = SmsModel.LANE_BIAS * count(length);
        sums[0] = normal - bias;
        sums[1] = ad - bias;
        sums[2] = fraud - bias;
    }

    /** Adds the weights, in steps, of the given buckets for the three classes into {@code sums}. */
    static void sumSteps(int[] buckets, int count, int[] lanes, long[] sums) {
        long normal = 0;
        long ad = 0;
        long fraud = 0;
        for (int i = 0; i < count; ) {
            final int end = Math.min(count, i + SmsModel.LANE_ADDS);
            long packed = 0;
            for (; i < end; i++) {
                packed += lanes[buckets[i]] & 0xFFFFFFFFL;
            }
            normal += packed & SmsModel.LANE_MASK;
            ad += (packed >>> SmsModel.LANE_BITS) & SmsModel.LANE_MASK;
            fraud += packed >>> (2 * SmsModel.LANE_BITS);
        }
        long bias = SmsModel.LANE_BIAS * count;
        sums[0] = normal - bias;
        sums[1] = ad - bias;
        sums[2] = fraud - bias;
    }

    /**
     * The gram whose feature is {@code feature}, i.e. the {@code feature}-th bucket {@link #buckets} wrote, as
     * text with digits folded.
     */
    static String gram(char[] text, int feature) {
        // Features come in the order c0 | c1 b01 | c2 b12 t012 | c3 b23 t123 ...
        int position;
        int order;
        if (feature == 0) {
            position = 0;
            order = 1;
        } else if (feature <= 2) {
            position = 1;
            order = feature;
        } else {
            position = 2 + (feature - 3) / 3;
            order = 1 + (feature - 3) % 3;
        }
        StringBuilder gram = new StringBuilder(order);
        for (int i = position - order + 1; i <= position; i++) {
            gram.append(fold(text[i]));
        }
        return gram.toString();
    }

    private static char fold(char c) {
        return c >= '0' && c <= '9' ? '0' : c;
    }
}

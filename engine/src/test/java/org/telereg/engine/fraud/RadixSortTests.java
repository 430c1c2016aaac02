package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RadixSortTests {

    private final RadixSort sorter = new RadixSort();

    @Test
    void leavesAnEmptyRangeAndASingleKeyAsTheyAre() {
        long[] keys = {5, 3};
        sorter.sort(keys, 1, 1);
        assertThat(keys).containsExactly(5, 3);
        sorter.sort(keys, 0, 1);
        assertThat(keys).containsExactly(5, 3);
        sorter.sort(new long[0], 0, 0);
    }

    @ParameterizedTest
    @ValueSource(ints = {2, RadixSort.MIN_LENGTH - 1, RadixSort.MIN_LENGTH, 1_000})
    void keepsEqualKeys(int length) {
        long[] keys = new long[length];
        Arrays.fill(keys, 0x1234_5678_9abcL);
        sorter.sort(keys, 0, length);
        assertThat(keys).containsOnly(0x1234_5678_9abcL).hasSize(length);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, RadixSort.MIN_LENGTH, 300})
    void ordersKeysThatDifferOnlyInTheirHighBitsSignedAsArraysSortDoes(int length) {
        long[] keys = new long[length];
        for (int i = 0; i < length; i++) {
            // Bits 60 to 63 only, sign included: tokens' entries in a contact list are negative.
            keys[i] = (long) ((i * 7) % 16) << 60;
        }
        long[] expected = keys.clone();
        Arrays.sort(expected);
        sorter.sort(keys, 0, length);
        assertThat(keys).containsExactly(expected);
        assertThat(keys[0]).as("a negative key first").isNegative();
    }

    @Test
    void sortsOnlyTheRangeItIsGiven() {
        long[] keys = new long[200];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = keys.length - i;
        }
        long[] expected = keys.clone();
        Arrays.sort(expected, 20, 180);
        sorter.sort(keys, 20, 180);
        assertThat(keys).containsExactly(expected);
    }

    @Test
    void sortsRandomRunsAsArraysSortDoes() {
        Random random = new Random(42);
        for (int round = 0; round < 400; round++) {
            // Every kind in short runs and in long ones, which take the wider digits.
            int length = random.nextInt(round / 6 % 2 == 0 ? 5_000 : 300);
            long[] keys = new long[length + 10];
            int kind = round % 6;
            for (int i = 0; i < keys.length; i++) {
                keys[i] = switch (kind) {
                    // Keys of 11-digit numbers (length 11 above bit 57), shifted left by one.
                    case 0 -> ((11L << 57) | (13_000_000_000L + random.nextInt(1_000_000))) << 1;
                    case 1 -> random.nextLong();
                    case 2 -> random.nextInt(4);
                    case 3 -> ((long) random.nextInt(1 << 20) << 1) | (1L << 63) * random.nextInt(2);
                    // Bucket entries: a few subscribers above bit 44, counterparts' codes from bit 1, a gap between.
                    case 4 -> ((long) random.nextInt(50) << 44) | ((24_000_000_000L + random.nextInt(1 << 30)) << 1);
                    default -> ((random.nextBoolean() ? 5L : 11L) << 58) | random.nextInt(100);
                };
            }
            long[] expected = keys.clone();
            Arrays.sort(expected, 5, 5 + length);
            sorter.sort(keys, 5, 5 + length);
            assertThat(keys)
                    .as("round %d, %d keys of kind %d", round, length, kind)
                    .containsExactly(expected);
        }
    }
}

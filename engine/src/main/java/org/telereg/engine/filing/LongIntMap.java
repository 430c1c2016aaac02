package org.telereg.engine.filing;

import java.util.Arrays;

/**
 * An open-addressing map from non-negative longs to ints: the builders' store of keys, a few times
 * smaller and faster than a {@code HashMap<Long, Integer>} at millions of entries.
 */
final class LongIntMap {

    private static final long EMPTY = -1;

    private long[] keys = filled(16);
    private int[] values = new int[16];
    private int size;

    int size() {
        return size;
    }

    /** Puts the value under the key (≥ 0), replacing any value it had. */
    void put(long key, int value) {
        if (2 * (size + 1) > keys.length) {
            grow();
        }
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != EMPTY && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        if (keys[slot] == EMPTY) {
            keys[slot] = key;
            size++;
        }
        values[slot] = value;
    }

    /** The value under the key; the key must be present. */
    int get(long key) {
        int mask = keys.length - 1;
        int slot = slot(key, mask);
        while (keys[slot] != key) {
            if (keys[slot] == EMPTY) {
                throw new IllegalStateException("no key " + key);
            }
            slot = (slot + 1) & mask;
        }
        return values[slot];
    }

    /** The keys, in no particular order. */
    long[] keys() {
        long[] present = new long[size];
        int n = 0;
        for (long key : keys) {
            if (key != EMPTY) {
                present[n++] = key;
            }
        }
        return present;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = filled(oldKeys.length * 2);
        values = new int[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != EMPTY) {
                put(oldKeys[i], oldValues[i]);
            }
        }
    }

    private static int slot(long key, int mask) {
        // Fibonacci hashing spreads keys that differ only in high bits (prefix lengths, aligned networks).
        long hash = key * 0x9E3779B97F4A7C15L;
        return (int) (hash ^ (hash >>> 32)) & mask;
    }

    private static long[] filled(int length) {
        long[] array = new long[length];
        Arrays.fill(array, EMPTY);
        return array;
    }
}

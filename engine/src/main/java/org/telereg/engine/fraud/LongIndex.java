package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * Numbers long keys (never 0) into dense int ids 0, 1, 2, … in order of first appearance: the subscribers and
 * IMEIs of a shard, keyed by {@link RecordBatch#key}. Open addressing with linear probing at a load factor of at
 * most one half; a slot is two longs side by side, the key and its id, so a probe compares longs within one cache
 * line and never leaves the table for bytes.
 */
final class LongIndex {

    private long[] slots = new long[2 * 512];
    private int mask = 511;
    private long[] keys = new long[256];
    private int size;

    int size() {
        return size;
    }

    long key(int id) {
        return keys[id];
    }

    /** The id of {@code key}, adding it when new. */
    int intern(long key) {
        int slot = slot(key);
        while (true) {
            long there = slots[2 * slot];
            if (there == key) {
                return (int) slots[2 * slot + 1];
            }
            if (there == 0) {
                return add(key, slot);
            }
            slot = (slot + 1) & mask;
        }
    }

    /** The id of {@code key}, or -1. */
    int find(long key) {
        int slot = slot(key);
        while (true) {
            long there = slots[2 * slot];
            if (there == key) {
                return (int) slots[2 * slot + 1];
            }
            if (there == 0) {
                return -1;
            }
            slot = (slot + 1) & mask;
        }
    }

    private int slot(long key) {
        // Digits of phone numbers differ mostly in their low bits; the mix spreads them over the whole table.
        return (int) Bytes.mix(key) & mask;
    }

    private int add(long key, int slot) {
        int id = size++;
        if (id == keys.length) {
            keys = Arrays.copyOf(keys, id * 2);
        }
        keys[id] = key;
        slots[2 * slot] = key;
        slots[2 * slot + 1] = id;
        if (2 * size > mask + 1) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new long[2 * 2 * (mask + 1)];
        mask = 2 * mask + 1;
        for (int id = 0; id < size; id++) {
            int slot = slot(keys[id]);
            while (slots[2 * slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = keys[id];
            slots[2 * slot + 1] = id;
        }
    }

    long footprint() {
        return 8L * slots.length + 8L * keys.length;
    }
}

package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * Numbers long keys (never 0) into dense int ids 0, 1, 2, … in order of first appearance: the subscribers and
 * IMEIs of a shard, keyed by {@link RecordBatch#key}. Open addressing with linear probing at a load factor of at
 * most one half; a slot holds the key and the slot's id sits in a parallel array, so a probe compares longs and
 * never leaves the table for bytes.
 */
final class LongIndex {

    private long[] slots = new long[512];
    private int[] slotIds = new int[512];
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
            long there = slots[slot];
            if (there == key) {
                return slotIds[slot];
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
            long there = slots[slot];
            if (there == key) {
                return slotIds[slot];
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
        slots[slot] = key;
        slotIds[slot] = id;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        slots = new long[slots.length * 2];
        slotIds = new int[slots.length];
        mask = slots.length - 1;
        for (int id = 0; id < size; id++) {
            int slot = slot(keys[id]);
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = keys[id];
            slotIds[slot] = id;
        }
    }

    long footprint() {
        return 12L * slots.length + 8L * keys.length;
    }
}

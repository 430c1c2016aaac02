package org.telereg.engine.fraud;

import java.util.Arrays;

/**
 * An open-addressing map from a (kind, subscriber, other id) triple to an int, holding what is kept per
 * distinct pair: the contact flags of each (subscriber, counterpart), each (subscriber, IMEI) and (subscriber,
 * place), and the outgoing count of each (subscriber, day) and (subscriber, hour).
 *
 * <p>One table for all kinds keeps one growth policy and one memory figure: 12 bytes per slot at a load factor
 * of at most 5/8, so 14–38 bytes per pair. The kind takes the top 4 bits of the key and is never 0, so the key 0
 * marks an empty slot; subscriber ids take the next 28 bits (268 million per shard) and the other id the low
 * 32.
 */
final class PairCounts {

    static final int CONTACT = 1;
    static final int IMEI = 2;
    static final int PLACE = 3;
    static final int DAY = 4;
    static final int HOUR = 5;

    static final int MAX_SUBSCRIBERS = 1 << 28;

    private long[] keys = new long[1 << 10];
    private int[] values = new int[1 << 10];
    private int shift = 64 - 10;
    private int size;
    private int limit = (1 << 10) * 5 / 8;
    /** Slot of the last {@link #slotOf} call, so that the caller can read and write its value in place. */
    private int lastSlot;

    static long key(int kind, int subscriber, int other) {
        return ((long) kind << 60) | ((long) subscriber << 32) | (other & 0xFFFF_FFFFL);
    }

    static int kind(long key) {
        return (int) (key >>> 60);
    }

    static int subscriber(long key) {
        return (int) (key >>> 32) & (MAX_SUBSCRIBERS - 1);
    }

    static int other(long key) {
        return (int) key;
    }

    int size() {
        return size;
    }

    /**
     * Finds or adds {@code key}; returns true when it was added (with value 0). {@link #value()} and {@link
     * #value(int)} then read and write its value.
     */
    boolean add(long key) {
        // Fibonacci hashing: the top bits of key × 2^64/φ depend on every bit of the key.
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        int slotMask = keys.length - 1;
        while (true) {
            long existing = keys[slot];
            if (existing == key) {
                lastSlot = slot;
                return false;
            }
            if (existing == 0) {
                keys[slot] = key;
                values[slot] = 0;
                if (++size > limit) {
                    grow();
                    lastSlot = find(key);
                } else {
                    lastSlot = slot;
                }
                return true;
            }
            slot = (slot + 1) & slotMask;
        }
    }

    int value() {
        return values[lastSlot];
    }

    void value(int value) {
        values[lastSlot] = value;
    }

    private int find(long key) {
        int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
        int slotMask = keys.length - 1;
        while (keys[slot] != key) {
            slot = (slot + 1) & slotMask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        keys = new long[oldKeys.length * 2];
        values = new int[oldKeys.length * 2];
        shift--;
        limit = keys.length / 8 * 5;
        int slotMask = keys.length - 1;
        for (int i = 0; i < oldKeys.length; i++) {
            long key = oldKeys[i];
            if (key != 0) {
                int slot = (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
                while (keys[slot] != 0) {
                    slot = (slot + 1) & slotMask;
                }
                keys[slot] = key;
                values[slot] = oldValues[i];
            }
        }
    }

    /** Calls {@code visitor} once per pair, in table order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < keys.length; i++) {
            long key = keys[i];
            if (key != 0) {
                visitor.visit(key, values[i]);
            }
        }
    }

    long footprint() {
        return 12L * keys.length;
    }

    void clear() {
        Arrays.fill(keys, 0);
        size = 0;
    }

    interface Visitor {
        void visit(long key, int value);
    }
}

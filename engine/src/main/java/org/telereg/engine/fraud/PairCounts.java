package org.telereg.engine.fraud;

/**
 * An open-addressing map from a (kind, subscriber, other) triple to an int, holding what is kept per distinct
 * pair: the contact flags of each (subscriber, counterpart), each (subscriber, IMEI) and (subscriber, place),
 * and the outgoing count of each (subscriber, day) and (subscriber, hour).
 *
 * <p>A slot is two longs side by side, so that a hit costs one cache line: the other part of the key (64 bits:
 * a counterpart's digits and length, or an id), then the kind (4 bits), subscriber (28 bits) and value (32
 * bits). Because a counterpart written as digits is its own key, the hot path needs no dictionary of
 * counterparts. 16 bytes per slot at a load factor of at most 5/8: 26 to 51 bytes per pair. The kind is never
 * 0, so a second long of 0 marks an empty slot.
 */
final class PairCounts {

    static final int CONTACT = 1;
    static final int IMEI = 2;
    static final int PLACE = 3;
    static final int DAY = 4;
    static final int HOUR = 5;

    static final int MAX_SUBSCRIBERS = 1 << 28;

    private long[] table = new long[2 << 10];
    private int shift = 64 - 10;
    private int size;
    private int limit = (1 << 10) * 5 / 8;
    /** Index of the second long of the last {@link #add}'s slot, whose low half is the value. */
    private int last;

    /** The kind and subscriber as the high half of a slot's second long. */
    static int owner(int kind, int subscriber) {
        return (kind << 28) | subscriber;
    }

    static int kind(int owner) {
        return owner >>> 28;
    }

    static int subscriber(int owner) {
        return owner & (MAX_SUBSCRIBERS - 1);
    }

    int size() {
        return size;
    }

    /** The slot where the pair is or would go, to read it ahead of {@link #add} and overlap cache misses. */
    int slotOf(int owner, long other) {
        return (int) ((Bytes.mix(other + owner * 0x9E3779B97F4A7C15L)) >>> shift);
    }

    /** Reads a slot so that it is in cache when {@link #add} needs it. */
    long touch(int slot) {
        return table[(slot << 1) & (table.length - 1)];
    }

    /**
     * Finds or adds the pair; returns true when it was added (with value 0). {@link #value()} and {@link
     * #value(int)} then read and write its value.
     */
    boolean add(int owner, long other) {
        int slot = slotOf(owner, other);
        int mask = (table.length >> 1) - 1;
        while (true) {
            long second = table[(slot << 1) + 1];
            if (second == 0) {
                table[slot << 1] = other;
                table[(slot << 1) + 1] = (long) owner << 32;
                if (++size > limit) {
                    grow();
                    last = find(owner, other);
                } else {
                    last = (slot << 1) + 1;
                }
                return true;
            }
            if ((int) (second >>> 32) == owner && table[slot << 1] == other) {
                last = (slot << 1) + 1;
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    int value() {
        return (int) table[last];
    }

    void value(int value) {
        table[last] = (table[last] & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
    }

    private int find(int owner, long other) {
        int slot = slotOf(owner, other);
        int mask = (table.length >> 1) - 1;
        while ((int) (table[(slot << 1) + 1] >>> 32) != owner || table[slot << 1] != other) {
            slot = (slot + 1) & mask;
        }
        return (slot << 1) + 1;
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        shift--;
        limit = (table.length >> 1) / 8 * 5;
        int mask = (table.length >> 1) - 1;
        for (int i = 0; i < old.length; i += 2) {
            long second = old[i + 1];
            if (second != 0) {
                int slot = slotOf((int) (second >>> 32), old[i]);
                while (table[(slot << 1) + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot << 1] = old[i];
                table[(slot << 1) + 1] = second;
            }
        }
    }

    /** Calls {@code visitor} once per pair, in table order. */
    void forEach(Visitor visitor) {
        for (int i = 0; i < table.length; i += 2) {
            long second = table[i + 1];
            if (second != 0) {
                int owner = (int) (second >>> 32);
                visitor.visit(kind(owner), subscriber(owner), table[i], (int) second);
            }
        }
    }

    long footprint() {
        return 8L * table.length;
    }

    interface Visitor {
        void visit(int kind, int subscriber, long other, int value);
    }
}

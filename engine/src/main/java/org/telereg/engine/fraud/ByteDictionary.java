package org.telereg.engine.fraud;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Interns byte strings (tokens that are not digits: subscribers, counterparts, IMEIs; places; cities) into
 * dense int ids 0, 1, 2, … in order of first appearance.
 *
 * <p>The keys live back to back in one byte arena, so an entry costs its own length plus 4 bytes (start offset)
 * plus 16–32 bytes of open-addressing table at a load factor of at most one half: about 36 bytes for a
 * 32-character token, with no object per key. A slot holds the key's 32-bit hash and {@code id + 1} in one
 * long, so a probe compares hashes without leaving the table and touches the key bytes only on a likely hit.
 */
final class ByteDictionary {

    private byte[] arena = new byte[1 << 12];
    private int arenaSize;
    /** Start of key {@code id} in the arena; {@code starts[id + 1]} is its end. */
    private int[] starts = new int[257];

    private long[] slots = new long[512];
    private int mask = 511;
    private int size;

    int size() {
        return size;
    }

    /** The id of {@code [from, to)}, adding it when new; {@code hash} must be {@link Bytes#hash} of the same bytes. */
    int intern(byte[] bytes, int from, int to, long hash) {
        int id = find(bytes, from, to, hash);
        return id >= 0 ? id : add(bytes, from, to, (int) hash, ~id);
    }

    /**
     * The id of {@code [from, to)}, or {@code -(slot + 1)}: the bitwise complement of the empty slot where it
     * would go.
     */
    int find(byte[] bytes, int from, int to, long hash) {
        int h = (int) hash;
        int slot = h & mask;
        int length = to - from;
        while (true) {
            long entry = slots[slot];
            if (entry == 0) {
                return ~slot;
            }
            // The slot holds the key's hash next to its id, so a probe reads the key bytes only on a likely hit.
            if ((int) (entry >>> 32) == h) {
                int id = (int) entry - 1;
                int start = starts[id];
                if (starts[id + 1] - start == length && Arrays.equals(arena, start, start + length, bytes, from, to)) {
                    return id;
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /**
     * Whether {@code id}'s key is the two ranges joined by {@code separator}, compared in place without building
     * the joined key.
     */
    boolean is(int id, byte[] bytes, int firstFrom, int firstTo, byte separator, int secondFrom, int secondTo) {
        int start = starts[id];
        int firstLength = firstTo - firstFrom;
        return starts[id + 1] - start == firstLength + 1 + secondTo - secondFrom
                && arena[start + firstLength] == separator
                && Arrays.equals(arena, start, start + firstLength, bytes, firstFrom, firstTo)
                && Arrays.equals(arena, start + firstLength + 1, starts[id + 1], bytes, secondFrom, secondTo);
    }

    private int add(byte[] bytes, int from, int to, int hash, int slot) {
        int id = size;
        int length = to - from;
        if (arenaSize + length > arena.length) {
            long wanted = Math.max((long) arena.length * 2, (long) arenaSize + length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("more than 2 GB of distinct keys in one dictionary");
            }
            arena = Arrays.copyOf(arena, (int) wanted);
        }
        System.arraycopy(bytes, from, arena, arenaSize, length);
        arenaSize += length;
        if (id + 2 == starts.length) {
            starts = Arrays.copyOf(starts, 2 * starts.length - 1);
        }
        starts[id + 1] = arenaSize;
        slots[slot] = ((long) hash << 32) | (id + 1);
        size++;
        if (size * 2 > slots.length) {
            rehash();
        }
        return id;
    }

    private void rehash() {
        long[] grown = new long[slots.length * 2];
        int grownMask = grown.length - 1;
        for (long entry : slots) {
            if (entry != 0) {
                int slot = (int) (entry >>> 32) & grownMask;
                while (grown[slot] != 0) {
                    slot = (slot + 1) & grownMask;
                }
                grown[slot] = entry;
            }
        }
        slots = grown;
        mask = grownMask;
    }

    /** The key of {@code id} as text (UTF-8). */
    String text(int id) {
        return new String(arena, starts[id], starts[id + 1] - starts[id], StandardCharsets.UTF_8);
    }

    byte[] arena() {
        return arena;
    }

    int start(int id) {
        return starts[id];
    }

    int end(int id) {
        return starts[id + 1];
    }

    /** Bytes held, for the memory report. */
    long footprint() {
        return (long) arena.length + 4L * starts.length + 8L * slots.length;
    }
}

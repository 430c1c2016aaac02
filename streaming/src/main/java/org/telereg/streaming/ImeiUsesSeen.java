package org.telereg.streaming;

import java.util.Arrays;

/**
 * The (day, IMEI, subscriber) uses a parse task has sent to the IMEI stage lately, so that it sends each once: the
 * IMEI stage learns nothing from a subscriber's second call with a handset on a day. A subscriber makes dozens of
 * calls a day, nearly all with one handset, so this spares the IMEI stage, and the batches to it, most of their
 * records.
 *
 * <p>Forgetting is always safe: a use sent twice is absorbed downstream, as before. So the set is cleared whenever
 * it fills, and whenever the task sends a watermark or a checkpoint barrier, so that it never spans either: a use
 * left out here was sent, earlier on the same channel, since the last barrier, and a restore from that barrier
 * replays both.
 */
final class ImeiUsesSeen {

    /** At most this many uses, then the set starts over: 12 MB of slots at most per task. */
    static final int MAX_USES = 1 << 18;

    // Three longs per slot: IMEI key (0 marks an empty slot; keys of numbers are positive), subscriber key, day.
    private long[] slots = new long[3 * 64];
    private int size;

    /**
     * Whether the use is new, recording it if so. Uses of a number read as a token (key 0) are always new: they
     * are rare, and their texts are not kept here.
     */
    boolean add(long day, long imeiKey, long subscriberKey) {
        if (imeiKey == 0 || subscriberKey == 0) {
            return true;
        }
        int mask = slots.length / 3 - 1;
        int slot = hash(day, imeiKey, subscriberKey) & mask;
        while (slots[3 * slot] != 0) {
            if (slots[3 * slot] == imeiKey && slots[3 * slot + 1] == subscriberKey && slots[3 * slot + 2] == day) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
        if (size == MAX_USES) {
            clear();
            return add(day, imeiKey, subscriberKey);
        }
        slots[3 * slot] = imeiKey;
        slots[3 * slot + 1] = subscriberKey;
        slots[3 * slot + 2] = day;
        if (++size > slots.length / 6) {
            grow();
        }
        return true;
    }

    void clear() {
        if (size > 0) {
            Arrays.fill(slots, 0);
            size = 0;
        }
    }

    int size() {
        return size;
    }

    private void grow() {
        long[] old = slots;
        slots = new long[2 * old.length];
        int mask = slots.length / 3 - 1;
        for (int from = 0; from < old.length; from += 3) {
            if (old[from] != 0) {
                int slot = hash(old[from + 2], old[from], old[from + 1]) & mask;
                while (slots[3 * slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                System.arraycopy(old, from, slots, 3 * slot, 3);
            }
        }
    }

    private static int hash(long day, long imeiKey, long subscriberKey) {
        long h = (imeiKey * 0x9E3779B97F4A7C15L) ^ (subscriberKey * 0xC2B2AE3D27D4EB4FL) ^ day;
        h ^= h >>> 29;
        h *= 0xBF58476D1CE4E5B9L;
        return (int) (h ^ (h >>> 32));
    }
}

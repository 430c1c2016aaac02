package org.telereg.engine.fraud;

/**
 * What is kept per distinct pair — each (subscriber, IMEI) and (subscriber, place), the outgoing count of each
 * (subscriber, day) — as a map from (kind, subscriber, other) to an int, updated by commutative operations.
 * Contacts and hours, the pairs that come with nearly every call, are kept in {@link PairBuckets}.
 *
 * <p>The map is one open-addressing table whose slot is given by the top bits of the key's hash, so the keys
 * whose hashes share their top 10 bits live in one contiguous 1/1,024 of the table. Updates do not touch the
 * table at once: each is appended to the buffer of its 1/1,024, and a full buffer is applied in one go, its
 * slots all within a few pages that stay in cache and TLB — where updating a huge table record by record
 * would wait for main memory on nearly every record. This works because every update commutes (OR of flags,
 * addition): the order in which they are applied does not change the result. One
 * table rather than 1,024 small ones also keeps the garbage collector from copying it: a large array is
 * allocated outside the young generation.
 *
 * <p>A slot is two longs side by side: the other part of the key (an id or a day), then the kind (4 bits),
 * subscriber (28 bits) and value (32 bits). 16 bytes per slot at a load factor of at most 5/8: 26 to 51 bytes per
 * pair, plus 2 MB of buffers.
 */
final class PairCounts {

    static final int IMEI = 2;
    static final int PLACE = 3;
    static final int DAY = 4;

    static final int MAX_SUBSCRIBERS = 1 << 28;

    private static final int OR = 0;
    private static final int ADD = 1;
    private static final int MAX_AMOUNT = (1 << 30) - 1;

    private static final int PARTITION_BITS = 10;
    private static final int PARTITIONS = 1 << PARTITION_BITS;
    private static final int BUFFER = 128;

    private long[] table = new long[2 << PARTITION_BITS];
    private int shift = 64 - PARTITION_BITS;
    private int size;
    private int limit = (1 << PARTITION_BITS) * 5 / 8;

    /** Per partition, BUFFER updates of two longs side by side (the other part of the key, then the rest). */
    private final long[] buffers = new long[2 * PARTITIONS * BUFFER];

    private final int[] buffered = new int[PARTITIONS];
    private final int[] firstSlots = new int[BUFFER];
    /** Keeps the reads of {@link #drain}'s first pass from being optimised away. */
    long sink;

    /**
     * Sizes the empty table for {@code pairs} pairs at once, so that it does not grow through every power of two
     * on the way (each growth allocates a new table and rehashes every pair); no more than {@code maxBytes}.
     */
    void reserve(long pairs, long maxBytes) {
        long slots = Long.highestOneBit(Math.max(pairs * 8 / 5, 1)) << 1;
        while (slots > 1 << PARTITION_BITS && 16 * slots > maxBytes) {
            slots >>= 1;
        }
        slots = Math.min(slots, 1L << 29);
        if (size > 0 || 2 * slots <= table.length) {
            return;
        }
        table = new long[(int) (2 * slots)];
        shift = 64 - Long.numberOfTrailingZeros(slots);
        limit = (int) (slots / 8 * 5);
    }

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

    private static long hash(int owner, long other) {
        return Bytes.mix(other + owner * 0x9E3779B97F4A7C15L);
    }

    /** ORs {@code bits} into the pair's value (adding the pair with value 0 first when new). */
    void or(int owner, long other, int bits) {
        update(owner, other, OR, bits);
    }

    /** Adds {@code amount} (0 or more) to the pair's value, adding the pair when new. */
    void add(int owner, long other, int amount) {
        if (amount > MAX_AMOUNT) {
            apply(owner, other, ADD, amount);
        } else {
            update(owner, other, ADD, amount);
        }
    }

    private void update(int owner, long other, int operation, int amount) {
        int p = (int) (hash(owner, other) >>> (64 - PARTITION_BITS));
        // The two longs of an update share a cache line: one miss per buffered update, not two.
        int at = 2 * (p * BUFFER + buffered[p]);
        buffers[at] = other;
        buffers[at + 1] = ((long) owner << 32) | ((long) operation << 30) | amount;
        if (++buffered[p] == BUFFER) {
            drain(p);
        }
    }

    /**
     * Applies partition {@code p}'s buffer in two passes: the first reads the first slot of every update, loads
     * that do not depend on each other and so wait for memory together; the second applies the updates to slots
     * now in cache. Applied one by one, each update would wait for its own slot.
     */
    private void drain(int p) {
        int from = 2 * p * BUFFER;
        int count = buffered[p];
        long[] slots = this.table;
        int tableShift = shift;
        long touched = 0;
        for (int i = 0; i < count; i++) {
            long update = buffers[from + 2 * i + 1];
            int slot = (int) (hash((int) (update >>> 32), buffers[from + 2 * i]) >>> tableShift);
            firstSlots[i] = slot;
            touched += slots[(slot << 1) + 1];
        }
        sink += touched;
        for (int i = 0; i < count; i++) {
            long update = buffers[from + 2 * i + 1];
            int owner = (int) (update >>> 32);
            long other = buffers[from + 2 * i];
            // A growing table moves every slot: the slots of the first pass no longer hold.
            int slot = shift == tableShift ? firstSlots[i] : (int) (hash(owner, other) >>> shift);
            apply(owner, other, (int) (update >>> 30) & 3, (int) update & MAX_AMOUNT, slot);
        }
        buffered[p] = 0;
    }

    /** Applies every buffered update; call before reading. */
    void flush() {
        for (int p = 0; p < PARTITIONS; p++) {
            drain(p);
        }
    }

    private void apply(int owner, long other, int operation, int amount) {
        apply(owner, other, operation, amount, (int) (hash(owner, other) >>> shift));
    }

    private void apply(int owner, long other, int operation, int amount, int slot) {
        int mask = (table.length >> 1) - 1;
        while (true) {
            int at = slot << 1;
            long second = table[at + 1];
            if (second == 0) {
                table[at] = other;
                table[at + 1] = (long) owner << 32;
                if (++size > limit) {
                    grow();
                    at = find(owner, other);
                }
                update(at + 1, operation, amount);
                return;
            }
            if ((int) (second >>> 32) == owner && table[at] == other) {
                update(at + 1, operation, amount);
                return;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void update(int at, int operation, int amount) {
        long second = table[at];
        int value = (int) second;
        value = operation == OR ? value | amount : value + amount;
        table[at] = (second & 0xFFFF_FFFF_0000_0000L) | (value & 0xFFFF_FFFFL);
    }

    private int find(int owner, long other) {
        int slot = (int) (hash(owner, other) >>> shift);
        int mask = (table.length >> 1) - 1;
        while ((int) (table[(slot << 1) + 1] >>> 32) != owner || table[slot << 1] != other) {
            slot = (slot + 1) & mask;
        }
        return slot << 1;
    }

    private void grow() {
        if (table.length > Integer.MAX_VALUE / 2 - 16) {
            throw new IllegalStateException("more than 1.3 billion distinct pairs in one shard; use more threads");
        }
        long[] old = table;
        table = new long[old.length * 2];
        shift--;
        limit = (table.length >> 1) / 8 * 5;
        int mask = (table.length >> 1) - 1;
        for (int i = 0; i < old.length; i += 2) {
            long second = old[i + 1];
            if (second != 0) {
                int slot = (int) (hash((int) (second >>> 32), old[i]) >>> shift);
                while (table[(slot << 1) + 1] != 0) {
                    slot = (slot + 1) & mask;
                }
                table[slot << 1] = old[i];
                table[(slot << 1) + 1] = second;
            }
        }
    }

    /** Calls {@code visitor} once per pair; {@link #flush} first. */
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
        return 8L * table.length + 16L * PARTITIONS * BUFFER + 4L * PARTITIONS;
    }

    interface Visitor {
        void visit(int kind, int subscriber, long other, int value);
    }
}

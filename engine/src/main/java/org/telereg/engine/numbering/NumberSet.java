package org.telereg.engine.numbering;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An immutable set of Chinese mobile numbers and the operator serving each one today: the holder of the
 * number's block, unless the number was ported to another operator.
 *
 * <p>Numbers are the eleven-digit national numbers as {@code long}s, {@code 10000000000} to {@code 19999999999}.
 * The set is indexed by the seven-digit prefix; the last four digits of the numbers under one prefix form a
 * container, either a sorted run of 16-bit entries (sparse) or a bitmap of the 10,000 suffixes (dense, from
 * 625 numbers up, where the bitmap becomes the smaller of the two). There is no object per number: a member
 * costs at most two bytes plus its share of a 3 MB prefix index, and a lookup reads three arrays without
 * allocating. {@link #sizeInBytes()} counts every array.
 *
 * <p>A port is kept in two spare bits of the number's own entry, so a ported number costs nothing extra in a
 * sparse container and two bytes in a dense one. Instances are safe to share between threads.
 */
public final class NumberSet {

    static final long FIRST_NUMBER = 10_000_000_000L;
    static final long NUMBER_RANGE = 10_000_000_000L;
    static final int PREFIXES = 1_000_000;
    static final int SUFFIXES = 10_000;
    /**
     * Chars of a bitmap container (10,000 bits); a container this long or longer is a bitmap followed by its
     * ported entries, a shorter one a sorted run.
     */
    static final int BITMAP_CHARS = SUFFIXES / Character.SIZE;

    private static final Carrier[] CARRIERS = Carrier.values();

    /**
     * The containers of all prefixes back to back, in prefix order, and one padding char, so that the bulk
     * lookups may read the first entry of any container, even an empty last one, without a bounds branch.
     */
    final char[] containers;
    /** Start in {@link #containers} of the container of prefix {@code b << shift}, for every block b. */
    final int[] blockStarts;
    /** Start of each prefix's container relative to its block's start; one more than there are prefixes. */
    final char[] offsets;
    /**
     * Prefixes per block as a power of two, the largest up to 64 that keeps every relative offset within a
     * char: two bytes per prefix instead of four.
     */
    final int shift;
    /** Holder of each prefix's block: {@link Carrier#ordinal()} + 1, or 0 when no operator holds it. */
    final byte[] holders;

    private final long size;
    private final long ported;

    NumberSet(char[] containers, int[] blockStarts, char[] offsets, int shift, byte[] holders, long size, long ported) {
        this.containers = containers;
        this.blockStarts = blockStarts;
        this.offsets = offsets;
        this.shift = shift;
        this.holders = holders;
        this.size = size;
        this.ported = ported;
    }

    /**
     * A builder whose block holders are the carriers of the engine's reference tables (see {@link PhoneNumbers}).
     */
    public static Builder builder() {
        return new Builder(PhoneNumbers.standard().carrierByPrefix());
    }

    /**
     * The set of these numbers, none ported; duplicates count once.
     *
     * @throws IllegalArgumentException naming the first number that is not an eleven-digit mobile number
     */
    public static NumberSet of(long... numbers) {
        return builder().addAll(numbers).build();
    }

    /** Whether the number is a member; false for anything that is not an eleven-digit mobile number. */
    public boolean contains(long number) {
        long index = number - FIRST_NUMBER;
        if (index < 0 || index >= NUMBER_RANGE) {
            return false;
        }
        int prefix = (int) (index / SUFFIXES);
        int suffix = (int) (index - (long) prefix * SUFFIXES);
        int start = containerStart(prefix);
        int length = containerStart(prefix + 1) - start;
        if (length >= BITMAP_CHARS) {
            return (containers[start + (suffix >>> 4)] & (1 << (suffix & 15))) != 0;
        }
        return length > 0 && entry(start, length, suffix) >= 0;
    }

    /**
     * The operator serving a member today: the operator it was ported to, else the holder of its block ({@link
     * Carrier#UNKNOWN} when no operator holds the block); null when the number is not a member.
     */
    public Carrier carrier(long number) {
        int code = carrierCode(number);
        return code < 0 ? null : CARRIERS[code];
    }

    /**
     * Answers {@link #contains(long)} for {@code numbers[i]} into {@code results[i]}; returns how many are
     * members. Faster than one call per number on sets larger than the CPU caches (about two to three times
     * in TeleReg's benchmark): see {@link Batch}.
     */
    public int contains(long[] numbers, boolean[] results) {
        checkLengths(numbers.length, results.length);
        Batch batch = new Batch();
        int members = 0;
        for (int from = 0; from < numbers.length; from += Batch.SIZE) {
            int n = Math.min(Batch.SIZE, numbers.length - from);
            batch.search(this, numbers, from, n);
            for (int i = 0; i < n; i++) {
                boolean member = batch.entries[i] >= 0;
                results[from + i] = member;
                members += member ? 1 : 0;
            }
        }
        return members;
    }

    /**
     * Answers {@link #carrier(long)} for {@code numbers[i]} into {@code results[i]}; returns how many are
     * members. Faster than one call per number in the same way as {@link #contains(long[], boolean[])}.
     */
    public int carriers(long[] numbers, Carrier[] results) {
        checkLengths(numbers.length, results.length);
        Batch batch = new Batch();
        int members = 0;
        for (int from = 0; from < numbers.length; from += Batch.SIZE) {
            int n = Math.min(Batch.SIZE, numbers.length - from);
            batch.search(this, numbers, from, n);
            for (int i = 0; i < n; i++) {
                int entry = batch.entries[i];
                int code;
                if (entry < 0) {
                    code = -1;
                } else if (batch.lengths[i] >= BITMAP_CHARS) {
                    code = bitmapMemberCode(batch.starts[i], batch.lengths[i], batch.suffixes[i]);
                } else {
                    code = containers[entry] & 3;
                }
                results[from + i] = code < 0 ? null : CARRIERS[operatorOf(batch.holders[i], code)];
                members += code < 0 ? 0 : 1;
            }
        }
        return members;
    }

    /**
     * The bulk lookups for up to {@link #SIZE} numbers at a time, every step a loop over the whole batch: find
     * the containers, then run all the binary searches side by side, one halving per loop.
     *
     * <p>One lookup at a time waits for the prefix index to come from memory, then for each new cache line of
     * its container, with nothing else to do meanwhile. Within one of these loops no read depends on another,
     * so the CPU sends a whole batch's reads to memory together and waits roughly once per step instead of
     * once per lookup: a software prefetch, with the loads Java can express. The halving is written so that a
     * finished or empty search repeats its last read instead of branching, as the searches end at different
     * steps.
     */
    private static final class Batch {
        static final int SIZE = 64;

        final int[] starts = new int[SIZE];
        final int[] lengths = new int[SIZE];
        final int[] suffixes = new int[SIZE];
        final byte[] holders = new byte[SIZE];
        /** Where each search stands, then the member's entry (its bitmap word for a bitmap), or -1. */
        final int[] entries = new int[SIZE];

        private final int[] remaining = new int[SIZE];

        void search(NumberSet set, long[] numbers, int from, int n) {
            int longest = 0;
            for (int i = 0; i < n; i++) {
                long index = numbers[from + i] - FIRST_NUMBER;
                // A number outside the range reads prefix 0 as an empty container.
                boolean mobile = index >= 0 && index < NUMBER_RANGE;
                int prefix = mobile ? (int) (index / SUFFIXES) : 0;
                int start = set.containerStart(prefix);
                int length = mobile ? set.containerStart(prefix + 1) - start : 0;
                starts[i] = start;
                lengths[i] = length;
                suffixes[i] = (int) (index - (long) prefix * SUFFIXES);
                holders[i] = set.holders[prefix];
                entries[i] = start;
                remaining[i] = length >= BITMAP_CHARS ? 0 : length;
                longest = Math.max(longest, remaining[i]);
            }
            char[] containers = set.containers;
            while (longest > 1) {
                longest = 0;
                for (int i = 0; i < n; i++) {
                    int left = remaining[i];
                    int half = left >>> 1;
                    int base = entries[i];
                    entries[i] = containers[base + half] <= (suffixes[i] << 2 | 3) ? base + half : base;
                    left -= half;
                    remaining[i] = left;
                    longest = Math.max(longest, left);
                }
            }
            for (int i = 0; i < n; i++) {
                int length = lengths[i];
                int suffix = suffixes[i];
                int found;
                if (length >= BITMAP_CHARS) {
                    int word = starts[i] + (suffix >>> 4);
                    found = (containers[word] & (1 << (suffix & 15))) != 0 ? word : -1;
                } else {
                    found = length > 0 && containers[entries[i]] >>> 2 == suffix ? entries[i] : -1;
                }
                entries[i] = found;
            }
        }
    }

    /** How many numbers are members. */
    public long size() {
        return size;
    }

    /** How many members are served by an operator other than the holder of their block. */
    public long portedCount() {
        return ported;
    }

    /**
     * The bytes of every array the set holds (containers, prefix index, block holders), without the few dozen
     * bytes of object and array headers.
     */
    public long sizeInBytes() {
        return (long) containers.length * Character.BYTES
                + (long) offsets.length * Character.BYTES
                + (long) blockStarts.length * Integer.BYTES
                + holders.length;
    }

    /**
     * Writes the set in TeleReg's binary number-set format (version 1), from which {@link #readFrom(InputStream)}
     * restores it without sorting anything. The stream is flushed, not closed.
     */
    public void writeTo(OutputStream out) throws IOException {
        NumberSetFormat.write(this, out);
    }

    /**
     * Reads a set written by {@link #writeTo(OutputStream)}.
     *
     * @throws IOException when the stream ends early or does not hold a valid number set
     */
    public static NumberSet readFrom(InputStream in) throws IOException {
        return NumberSetFormat.read(in);
    }

    @Override
    public String toString() {
        return "NumberSet[" + size + " numbers, " + ported + " ported, " + sizeInBytes() + " bytes]";
    }

    /** {@link Carrier#ordinal()} of the member's operator, or -1 when the number is not a member. */
    private int carrierCode(long number) {
        long index = number - FIRST_NUMBER;
        if (index < 0 || index >= NUMBER_RANGE) {
            return -1;
        }
        int prefix = (int) (index / SUFFIXES);
        int suffix = (int) (index - (long) prefix * SUFFIXES);
        int start = containerStart(prefix);
        int length = containerStart(prefix + 1) - start;
        int portCode;
        if (length >= BITMAP_CHARS) {
            if ((containers[start + (suffix >>> 4)] & (1 << (suffix & 15))) == 0) {
                return -1;
            }
            portCode = bitmapMemberCode(start, length, suffix);
        } else {
            int entry = length == 0 ? -1 : entry(start, length, suffix);
            if (entry < 0) {
                return -1;
            }
            portCode = containers[entry] & 3;
        }
        return operatorOf(holders[prefix], portCode);
    }

    /** The port code of a member of a bitmap container: that of its entry after the bitmap, or 0 without one. */
    private int bitmapMemberCode(int start, int length, int suffix) {
        int portedEntries = length - BITMAP_CHARS;
        int entry = portedEntries == 0 ? -1 : entry(start + BITMAP_CHARS, portedEntries, suffix);
        return entry < 0 ? 0 : containers[entry] & 3;
    }

    /**
     * The operator ordinal for a block holder code and a port code: the port code counts on from the holder
     * round the four operators, so three codes reach every operator but the holder and 0 is the holder itself.
     */
    static int operatorOf(int holder, int portCode) {
        return holder == 0 ? Carrier.UNKNOWN.ordinal() : (holder - 1 + portCode) & 3;
    }

    int containerStart(int prefix) {
        return blockStarts[prefix >>> shift] + offsets[prefix];
    }

    /**
     * Index of the entry for {@code suffix} in the sorted run {@code [start, start + length)}, or -1.
     *
     * <p>An entry is the suffix shifted left by two, its port code in the low bits, so entries sort as their
     * suffixes do. The search keeps the last entry at most {@code suffix << 2 | 3} and halves the range with a
     * select the JIT can compile to a conditional move instead of a branch: the outcome of each step is a
     * coin toss the CPU cannot predict, and a mispredicted branch costs more than the step.
     */
    private int entry(int start, int length, int suffix) {
        char[] entries = containers;
        int highest = suffix << 2 | 3;
        int base = start;
        int remaining = length;
        while (remaining > 1) {
            int half = remaining >>> 1;
            base = entries[base + half] <= highest ? base + half : base;
            remaining -= half;
        }
        return entries[base] >>> 2 == suffix ? base : -1;
    }

    private static void checkLengths(int numbers, int results) {
        if (results < numbers) {
            throw new IllegalArgumentException(
                    "results has room for " + results + " answers but " + numbers + " numbers were given");
        }
    }

    /**
     * Collects numbers, ports and block holders and builds a {@link NumberSet}. Not thread-safe; may be used
     * for one build only.
     */
    public static final class Builder {

        private final byte[] holders;
        private long[] numbers = new long[1024];
        private int count;
        /** Each port as {@code number * 8 + operator ordinal}, so sorting them sorts by number. */
        private long[] ports = new long[16];

        private int portCount;
        private boolean built;

        Builder(byte[] referenceHolders) {
            this.holders = referenceHolders.clone();
        }

        /**
         * Adds a number.
         *
         * @throws IllegalArgumentException when it is not an eleven-digit mobile number (10000000000 to
         *     19999999999)
         */
        public Builder add(long number) {
            checkMobile(number);
            ensureRoom(1);
            numbers[count++] = number;
            return this;
        }

        /** Adds every number; see {@link #add(long)}. Nothing is added when one of them is refused. */
        public Builder addAll(long... numbers) {
            for (long number : numbers) {
                checkMobile(number);
            }
            ensureRoom(numbers.length);
            System.arraycopy(numbers, 0, this.numbers, count, numbers.length);
            count += numbers.length;
            return this;
        }

        /**
         * Adds a number that an operator other than its block's holder now serves. Porting a number to its
         * block's holder (ported back) leaves it served by the holder.
         *
         * @throws IllegalArgumentException when the number is not an eleven-digit mobile number or the operator
         *     is {@link Carrier#UNKNOWN}
         */
        public Builder port(long number, Carrier to) {
            checkMobile(number);
            if (to == null || to == Carrier.UNKNOWN) {
                throw new IllegalArgumentException("Number " + number + " must be ported to a named operator, not "
                        + (to == null ? "null" : to.name()));
            }
            add(number);
            if (portCount == ports.length) {
                ports = Arrays.copyOf(ports, portCount * 2);
            }
            ports[portCount++] = number * 8 + to.ordinal();
            return this;
        }

        /**
         * Names the holder of a number block given by its first 3 to 7 digits (such as {@code 192} or {@code
         * 1349000}), in place of what the reference tables say; a later call wins where blocks overlap.
         *
         * @throws IllegalArgumentException when the prefix is not 3 to 7 digits starting with 1
         */
        public Builder holder(String blockPrefix, Carrier carrier) {
            if (blockPrefix == null
                    || blockPrefix.length() < 3
                    || blockPrefix.length() > 7
                    || blockPrefix.charAt(0) != '1'
                    || !blockPrefix.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException(
                        "Block prefix " + blockPrefix + " must be 3 to 7 digits starting with 1");
            }
            int scale = 1;
            for (int i = blockPrefix.length(); i < 7; i++) {
                scale *= 10;
            }
            int from = Integer.parseInt(blockPrefix) * scale - PREFIXES;
            byte code = carrier == null || carrier == Carrier.UNKNOWN ? 0 : (byte) (carrier.ordinal() + 1);
            Arrays.fill(holders, from, from + scale, code);
            return this;
        }

        /**
         * Builds the set.
         *
         * @throws IllegalArgumentException when a number is ported to two different operators, or a ported
         *     number lies in a block no operator holds (name one with {@link #holder(String, Carrier)})
         * @throws IllegalStateException when called a second time
         */
        public NumberSet build() {
            if (built) {
                throw new IllegalStateException("This builder has already built its set");
            }
            built = true;
            NumberSet set = new NumberSetAssembly(numbers, count, ports, portCount, holders).assemble();
            numbers = null;
            ports = null;
            return set;
        }

        private void ensureRoom(int more) {
            if (built) {
                throw new IllegalStateException("This builder has already built its set");
            }
            long needed = (long) count + more;
            if (needed > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException(
                        "A number set holds at most " + (Integer.MAX_VALUE - 8) + " numbers per build");
            }
            if (needed > numbers.length) {
                long grown = Math.max(needed, numbers.length + (numbers.length >> 1));
                numbers = Arrays.copyOf(numbers, (int) Math.min(grown, Integer.MAX_VALUE - 8));
            }
        }

        private static void checkMobile(long number) {
            if (number < FIRST_NUMBER || number >= FIRST_NUMBER + NUMBER_RANGE) {
                throw new IllegalArgumentException(
                        "Number " + number + " is not an eleven-digit mobile number (10000000000 to 19999999999)");
            }
        }
    }
}

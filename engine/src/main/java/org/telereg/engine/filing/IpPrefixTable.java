package org.telereg.engine.filing;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Longest-prefix matching over IPv4 and IPv6 prefixes, each carrying an int value (typically the
 * index of a filing in the caller's arrays). A lookup answers the value of the most specific prefix
 * that covers the address, or {@link #NONE}. Built once, then read by any number of threads.
 *
 * <p>Two prefixes are either disjoint or one contains the other, so the prefixes cut the address
 * space into segments, each answered by the innermost prefix covering it. The table keeps those
 * segments sorted by first address with their answers: a lookup is a binary search. A radix index
 * narrows the search to a few segments: for IPv4 a table on the address's top bits, for IPv6 a small
 * tree of such tables on the high 64 bits (IPv6 prefixes cluster under a few allocations; see
 * {@code Ipv6Index}). A lookup reads a few cache lines and allocates nothing. There are at most two
 * segments per prefix, however long or short the prefixes are, and a filing's range split into
 * prefixes collapses back into one segment. Memory: 8 bytes per IPv4 segment plus 4–8 bytes of index;
 * 20 bytes per IPv6 segment plus its index (at most 16 bytes per segment per level, usually far less).
 */
public final class IpPrefixTable {

    /** What a lookup answers when no prefix covers the address. */
    public static final int NONE = -1;

    /** What {@link #find} answers for text that is not an address. */
    static final int INVALID = -2;

    private final int size;

    // IPv4 segments, one long each: the first address with its sign bit flipped (so that signed comparison
    // orders addresses as unsigned) in the high half, the answer in the low half, so that the comparison
    // that finds a segment has already brought its answer into the cache. ipv4Index[b] is the segment
    // holding the first address of bucket b (the top 32 - ipv4Shift bits of an address).
    private final long[] ipv4Segments;
    private final int[] ipv4Index;
    private final int ipv4Shift;

    // IPv6 segments: first addresses as two longs with their sign bits flipped, side by side so that one
    // cache line holds both halves, and answers.
    private final long[] ipv6Starts;
    private final int[] ipv6Values;
    // A radix tree on the high 64 bits that narrows a lookup to a few segments; see Ipv6Index.
    private final int[] ipv6Index;

    private IpPrefixTable(Builder builder) {
        this.size = builder.ipv4.size() + builder.ipv6.size();
        Segments v4 = builder.ipv4Segments();
        this.ipv4Segments = new long[v4.count];
        for (int i = 0; i < v4.count; i++) {
            ipv4Segments[i] = (long) ((int) v4.low[i] ^ Integer.MIN_VALUE) << 32 | (v4.values[i] & 0xFFFFFFFFL);
        }
        int bits = Math.max(8, Math.min(22, 32 - Integer.numberOfLeadingZeros(v4.count)));
        this.ipv4Shift = 32 - bits;
        this.ipv4Index = new int[(1 << bits) + 1];
        int segment = 0;
        for (int bucket = 0; bucket < 1 << bits; bucket++) {
            long first = (long) bucket << ipv4Shift;
            while (segment + 1 < v4.count && v4.low[segment + 1] <= first) {
                segment++;
            }
            ipv4Index[bucket] = segment;
        }
        ipv4Index[1 << bits] = v4.count - 1;
        Segments v6 = builder.ipv6Segments();
        this.ipv6Starts = new long[2 * v6.count];
        for (int i = 0; i < v6.count; i++) {
            ipv6Starts[2 * i] = v6.high[i] ^ Long.MIN_VALUE;
            ipv6Starts[2 * i + 1] = v6.low[i] ^ Long.MIN_VALUE;
        }
        this.ipv6Values = Arrays.copyOf(v6.values, v6.count);
        this.ipv6Index = Ipv6Index.build(v6.high, v6.count);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** How many distinct prefixes the table holds. */
    public int size() {
        return size;
    }

    /**
     * The value of the most specific prefix covering the address, or {@link #NONE}.
     *
     * @throws IllegalArgumentException when the text is not an IP address literal
     */
    public int lookup(String address) {
        int found = find(address);
        if (found == INVALID) {
            throw new IllegalArgumentException(
                    address == null ? "IP address is empty" : "not an IP address: " + address);
        }
        return found;
    }

    /** As {@link #lookup(String)}, but {@link #INVALID} instead of an exception (exceptions are slow). */
    int find(String address) {
        if (address == null) {
            return INVALID;
        }
        long v4 = IpAddresses.ipv4(address, 0, address.length());
        if (v4 >= 0) {
            return lookupIpv4((int) v4);
        }
        byte[] bytes = IpAddresses.parseOrNull(address);
        return bytes == null ? INVALID : lookup(bytes);
    }

    /**
     * The value of the most specific prefix covering the address (4 or 16 bytes), or {@link #NONE}.
     * An IPv4-mapped IPv6 address is looked up as its IPv4 address.
     */
    public int lookup(byte[] address) {
        if (address.length == 4) {
            return lookupIpv4(IpAddresses.toInt(address));
        }
        if (address.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
        }
        if (IpAddresses.isIpv4Mapped(address)) {
            return lookupIpv4(IpAddresses.toInt(Arrays.copyOfRange(address, 12, 16)));
        }
        return lookupIpv6(IpAddresses.toLong(address, 0), IpAddresses.toLong(address, 8));
    }

    /** The value of the most specific prefix covering the IPv4 address, or {@link #NONE}. */
    public int lookupIpv4(int address) {
        int bucket = address >>> ipv4Shift;
        int low = ipv4Index[bucket];
        int high = ipv4Index[bucket + 1];
        int key = address ^ Integer.MIN_VALUE;
        // The last segment starting at or before the address; segment low always does.
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if ((int) (ipv4Segments[middle] >> 32) <= key) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return (int) ipv4Segments[low];
    }

    /**
     * The value of the most specific prefix covering the IPv6 address given as its first and last 64
     * bits, or {@link #NONE}. The table does not translate IPv4-mapped addresses on this path.
     */
    public int lookupIpv6(long high64, long low64) {
        int[] index = ipv6Index;
        int node = 0;
        int entry;
        while (true) {
            // Which of the node's buckets the high 64 bits fall in; an address below or above the bits the
            // node spans goes to its first or last bucket, whose segment ranges also answer it.
            long base = (long) index[node] << 32 | (index[node + 1] & 0xFFFFFFFFL);
            int buckets = index[node + 3];
            int bucket;
            if (Long.compareUnsigned(high64, base) < 0) {
                bucket = 0;
            } else {
                long offset = (high64 - base) >>> index[node + 2];
                bucket = Long.compareUnsigned(offset, buckets - 1) > 0 ? buckets - 1 : (int) offset;
            }
            entry = node + Ipv6Index.HEADER + 2 * bucket;
            int child = index[entry + 1];
            if (child < 0) {
                break;
            }
            node = child;
        }
        return ipv6Values[
                lastAtOrBefore(
                        ipv6Starts, index[entry], index[entry + 2], high64 ^ Long.MIN_VALUE, low64 ^ Long.MIN_VALUE)];
    }

    /**
     * The last index in {@code [low, high]} of the (high, low) pairs in {@code starts} that is at or before
     * the key; the pair at {@code low} must be.
     */
    private static int lastAtOrBefore(long[] starts, int low, int high, long keyHigh, long keyLow) {
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            long startHigh = starts[2 * middle];
            if (startHigh < keyHigh || (startHigh == keyHigh && starts[2 * middle + 1] <= keyLow)) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** Collects prefixes; adding the same prefix again replaces its value. */
    public static final class Builder {

        // IPv4 prefix key: the network address (32 bits, unsigned) above the length (6 bits), so that
        // sorting the keys orders prefixes by address and, on one address, shortest (outermost) first.
        private final LongIntMap ipv4 = new LongIntMap();
        private final Map<Ipv6Prefix, Integer> ipv6 = new HashMap<>();

        private Builder() {}

        /**
         * Adds a prefix written {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or a single address. An
         * IPv4-mapped prefix ({@code ::ffff:10.0.0.0/104}) is added as its IPv4 prefix.
         *
         * @throws IllegalArgumentException naming the text when it is not a prefix
         */
        public Builder add(String prefix, int value) {
            if (prefix == null) {
                throw new IllegalArgumentException("IP prefix is empty");
            }
            String text = prefix.strip();
            int slash = text.indexOf('/');
            byte[] address = IpAddresses.parseOrNull(slash < 0 ? text : text.substring(0, slash));
            if (address == null) {
                throw new IllegalArgumentException("not an IP prefix: " + prefix);
            }
            int length = address.length * 8;
            if (slash >= 0) {
                String digits = text.substring(slash + 1);
                if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    throw new IllegalArgumentException("not a prefix length in " + prefix);
                }
                length = Integer.parseInt(digits);
                if (address.length == 4 && text.indexOf(':') >= 0) {
                    if (length < 96) {
                        throw new IllegalArgumentException("prefix " + prefix + " is wider than the IPv4-mapped block");
                    }
                    length -= 96;
                }
            }
            return add(address, length, value);
        }

        /** Adds the prefix of the address's first {@code length} bits; the host bits are ignored. */
        public Builder add(byte[] address, int length, int value) {
            if (address.length != 4 && address.length != 16) {
                throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
            }
            if (length < 0 || length > address.length * 8) {
                throw new IllegalArgumentException("prefix length " + length + " outside 0.." + address.length * 8);
            }
            if (address.length == 4) {
                addIpv4(IpAddresses.toInt(address) & 0xFFFFFFFFL, length, value);
            } else {
                addIpv6(IpAddresses.toLong(address, 0), IpAddresses.toLong(address, 8), length, value);
            }
            return this;
        }

        /**
         * Adds an inclusive range such as an IP filing's {@code 192.0.2.0 – 192.0.2.255}, as the fewest
         * prefixes that cover exactly that range.
         *
         * @throws IllegalArgumentException when an end is not an address, the two differ in family, or
         *     the first comes after the last
         */
        public Builder addRange(String first, String last, int value) {
            byte[] from = IpAddresses.parse(first);
            byte[] to = IpAddresses.parse(last);
            if (from.length != to.length) {
                throw new IllegalArgumentException("range " + first + " – " + last + " mixes IPv4 and IPv6");
            }
            if (from.length == 4) {
                long start = IpAddresses.toInt(from) & 0xFFFFFFFFL;
                long end = IpAddresses.toInt(to) & 0xFFFFFFFFL;
                if (start > end) {
                    throw new IllegalArgumentException("range " + first + " – " + last + " ends before it starts");
                }
                addIpv4Range(start, end, value);
                return this;
            }
            long startHigh = IpAddresses.toLong(from, 0);
            long startLow = IpAddresses.toLong(from, 8);
            long endHigh = IpAddresses.toLong(to, 0);
            long endLow = IpAddresses.toLong(to, 8);
            if (compare(startHigh, startLow, endHigh, endLow) > 0) {
                throw new IllegalArgumentException("range " + first + " – " + last + " ends before it starts");
            }
            addIpv6Range(startHigh, startLow, endHigh, endLow, value);
            return this;
        }

        public IpPrefixTable build() {
            return new IpPrefixTable(this);
        }

        private void addIpv4Range(long start, long end, int value) {
            while (start <= end) {
                // The largest aligned block starting here that does not pass the end.
                int hostBits = start == 0 ? 32 : Math.min(32, Long.numberOfTrailingZeros(start));
                while (start + (1L << hostBits) - 1 > end) {
                    hostBits--;
                }
                addIpv4(start, 32 - hostBits, value);
                start += 1L << hostBits;
            }
        }

        /** As {@link #addIpv4Range}, with 128-bit addresses as two unsigned longs. */
        private void addIpv6Range(long startHigh, long startLow, long endHigh, long endLow, int value) {
            while (true) {
                int hostBits = startLow != 0
                        ? Long.numberOfTrailingZeros(startLow)
                        : startHigh != 0 ? 64 + Long.numberOfTrailingZeros(startHigh) : 128;
                long blockHigh;
                long blockLow;
                while (true) {
                    // The start is aligned on 2^hostBits, so the block's last address is the start with the
                    // host bits set.
                    blockHigh = hostBits <= 64 ? startHigh : startHigh | (-1L >>> (128 - hostBits));
                    blockLow = hostBits >= 64 ? -1L : startLow | ((1L << hostBits) - 1);
                    if (compare(blockHigh, blockLow, endHigh, endLow) <= 0) {
                        break;
                    }
                    hostBits--;
                }
                addIpv6(startHigh, startLow, 128 - hostBits, value);
                if (blockHigh == endHigh && blockLow == endLow) {
                    return;
                }
                startLow = blockLow + 1;
                startHigh = startLow == 0 ? blockHigh + 1 : blockHigh;
            }
        }

        private void addIpv4(long address, int length, int value) {
            long network = length == 0 ? 0 : address & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
            ipv4.put(network << 6 | length, value);
        }

        private void addIpv6(long high, long low, int length, int value) {
            long highMask = length == 0 ? 0 : length >= 64 ? -1L : -1L << (64 - length);
            long lowMask = length <= 64 ? 0 : length == 128 ? -1L : -1L << (128 - length);
            ipv6.put(new Ipv6Prefix(high & highMask, low & lowMask, length), value);
        }

        /** The IPv4 segments: the prefixes, sorted, swept with a stack of the prefixes still open. */
        private Segments ipv4Segments() {
            long[] keys = ipv4.keys();
            Arrays.sort(keys);
            Segments segments = new Segments(keys.length * 2 + 1);
            segments.emit(0, 0, NONE);
            long[] openEnds = new long[33];
            int[] openValues = new int[33];
            int open = 0;
            for (long key : keys) {
                long start = key >>> 6;
                int length = (int) (key & 63);
                while (open > 0 && openEnds[open - 1] < start) {
                    open--;
                    segments.emit(0, openEnds[open] + 1, open > 0 ? openValues[open - 1] : NONE);
                }
                int value = ipv4.get(key);
                segments.emit(0, start, value);
                openEnds[open] = start + (1L << (32 - length)) - 1;
                openValues[open++] = value;
            }
            while (open > 0) {
                open--;
                if (openEnds[open] < 0xFFFFFFFFL) {
                    segments.emit(0, openEnds[open] + 1, open > 0 ? openValues[open - 1] : NONE);
                }
            }
            return segments;
        }

        /** The IPv6 segments, swept as for IPv4 with 128-bit addresses as two unsigned longs. */
        private Segments ipv6Segments() {
            Ipv6Prefix[] prefixes = ipv6.keySet().toArray(new Ipv6Prefix[0]);
            Arrays.sort(prefixes);
            Segments segments = new Segments(prefixes.length * 2 + 1);
            segments.emit(0, 0, NONE);
            long[] openHigh = new long[129];
            long[] openLow = new long[129];
            int[] openValues = new int[129];
            int open = 0;
            for (Ipv6Prefix prefix : prefixes) {
                while (open > 0 && compare(openHigh[open - 1], openLow[open - 1], prefix.high, prefix.low) < 0) {
                    open--;
                    emitAfter(segments, openHigh[open], openLow[open], open > 0 ? openValues[open - 1] : NONE);
                }
                int value = ipv6.get(prefix);
                segments.emit(prefix.high, prefix.low, value);
                int length = prefix.length;
                openHigh[open] = length >= 64 ? prefix.high : prefix.high | (-1L >>> length);
                openLow[open] = length <= 64 ? -1L : length == 128 ? prefix.low : prefix.low | (-1L >>> (length - 64));
                openValues[open++] = value;
            }
            while (open > 0) {
                open--;
                if (openHigh[open] != -1L || openLow[open] != -1L) {
                    emitAfter(segments, openHigh[open], openLow[open], open > 0 ? openValues[open - 1] : NONE);
                }
            }
            return segments;
        }

        private static void emitAfter(Segments segments, long endHigh, long endLow, int value) {
            long low = endLow + 1;
            segments.emit(low == 0 ? endHigh + 1 : endHigh, low, value);
        }

        private static int compare(long highA, long lowA, long highB, long lowB) {
            int byHigh = Long.compareUnsigned(highA, highB);
            return byHigh != 0 ? byHigh : Long.compareUnsigned(lowA, lowB);
        }
    }

    private record Ipv6Prefix(long high, long low, int length) implements Comparable<Ipv6Prefix> {

        @Override
        public int compareTo(Ipv6Prefix other) {
            int byAddress = Builder.compare(high, low, other.high, other.low);
            return byAddress != 0 ? byAddress : Integer.compare(length, other.length);
        }
    }

    /**
     * Segments as they are swept, in address order: a segment emitted at the start of the previous one
     * replaces it (an inner prefix starting where its outer one does), and one answering the same as
     * the previous one is merged into it.
     */
    private static final class Segments {

        long[] high;
        long[] low;
        int[] values;
        int count;

        Segments(int capacity) {
            high = new long[capacity];
            low = new long[capacity];
            values = new int[capacity];
        }

        void emit(long startHigh, long startLow, int value) {
            if (count > 0 && high[count - 1] == startHigh && low[count - 1] == startLow) {
                count--;
            }
            if (count > 0 && values[count - 1] == value) {
                return;
            }
            if (count == values.length) {
                high = Arrays.copyOf(high, count * 2);
                low = Arrays.copyOf(low, count * 2);
                values = Arrays.copyOf(values, count * 2);
            }
            high[count] = startHigh;
            low[count] = startLow;
            values[count++] = value;
        }
    }
}

package org.telereg.engine.filing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Longest-prefix matching over IPv4 and IPv6 prefixes, each carrying an int value (typically the
 * index of a filing in the caller's arrays). A lookup answers the value of the most specific prefix
 * that covers the address, or {@link #NONE}. Built once, then read by any number of threads.
 */
public final class IpPrefixTable {

    /** What a lookup answers when no prefix covers the address. */
    public static final int NONE = -1;

    private final List<Map<Integer, Integer>> ipv4ByLength;
    private final List<Map<BigInteger, Integer>> ipv6ByLength;
    private final int size;

    private IpPrefixTable(Builder builder) {
        this.ipv4ByLength = builder.ipv4ByLength;
        this.ipv6ByLength = builder.ipv6ByLength;
        this.size = builder.size;
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
        return lookup(IpAddresses.parse(address));
    }

    /** The value of the most specific prefix covering the address (4 or 16 bytes), or {@link #NONE}. */
    public int lookup(byte[] address) {
        if (address.length == 4) {
            return lookupIpv4(IpAddresses.toInt(address));
        }
        BigInteger value = new BigInteger(1, address);
        for (int length = 128; length >= 0; length--) {
            Map<BigInteger, Integer> prefixes = ipv6ByLength.get(length);
            if (!prefixes.isEmpty()) {
                Integer found = prefixes.get(maskIpv6(value, length));
                if (found != null) {
                    return found;
                }
            }
        }
        return NONE;
    }

    /** The value of the most specific prefix covering the IPv4 address, or {@link #NONE}. */
    public int lookupIpv4(int address) {
        for (int length = 32; length >= 0; length--) {
            Map<Integer, Integer> prefixes = ipv4ByLength.get(length);
            if (!prefixes.isEmpty()) {
                Integer found = prefixes.get(maskIpv4(address, length));
                if (found != null) {
                    return found;
                }
            }
        }
        return NONE;
    }

    private static int maskIpv4(int address, int length) {
        return length == 0 ? 0 : address & (-1 << (32 - length));
    }

    private static BigInteger maskIpv6(BigInteger address, int length) {
        return length == 0 ? BigInteger.ZERO : address.shiftRight(128 - length).shiftLeft(128 - length);
    }

    /** Collects prefixes; adding the same prefix again replaces its value. */
    public static final class Builder {

        private final List<Map<Integer, Integer>> ipv4ByLength = new ArrayList<>();
        private final List<Map<BigInteger, Integer>> ipv6ByLength = new ArrayList<>();
        private int size;

        private Builder() {
            for (int i = 0; i <= 32; i++) {
                ipv4ByLength.add(new HashMap<>());
            }
            for (int i = 0; i <= 128; i++) {
                ipv6ByLength.add(new HashMap<>());
            }
        }

        /**
         * Adds a prefix written {@code 10.0.0.0/8} or {@code 2001:db8::/32}, or a single address.
         *
         * @throws IllegalArgumentException naming the text when it is not a prefix
         */
        public Builder add(String prefix, int value) {
            String text = prefix.strip();
            int slash = text.indexOf('/');
            byte[] address = IpAddresses.parse(slash < 0 ? text : text.substring(0, slash));
            int length = address.length * 8;
            if (slash >= 0) {
                try {
                    length = Integer.parseInt(text.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a prefix length in " + prefix, e);
                }
            }
            return add(address, length, value);
        }

        /** Adds the prefix of the address's first {@code length} bits; the host bits are ignored. */
        public Builder add(byte[] address, int length, int value) {
            if (length < 0 || length > address.length * 8) {
                throw new IllegalArgumentException("prefix length " + length + " outside 0.." + address.length * 8);
            }
            if (address.length == 4) {
                if (ipv4ByLength.get(length).put(maskIpv4(IpAddresses.toInt(address), length), value) == null) {
                    size++;
                }
            } else if (address.length == 16) {
                if (ipv6ByLength.get(length).put(maskIpv6(new BigInteger(1, address), length), value) == null) {
                    size++;
                }
            } else {
                throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + address.length);
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
            int bits = from.length * 8;
            BigInteger start = new BigInteger(1, from);
            BigInteger end = new BigInteger(1, to);
            if (start.compareTo(end) > 0) {
                throw new IllegalArgumentException("range " + first + " – " + last + " ends before it starts");
            }
            while (start.compareTo(end) <= 0) {
                int hostBits = start.signum() == 0 ? bits : start.getLowestSetBit();
                while (hostBits > 0
                        && start.add(BigInteger.ONE.shiftLeft(hostBits))
                                        .subtract(BigInteger.ONE)
                                        .compareTo(end)
                                > 0) {
                    hostBits--;
                }
                add(toBytes(start, from.length), bits - hostBits, value);
                start = start.add(BigInteger.ONE.shiftLeft(hostBits));
            }
            return this;
        }

        public IpPrefixTable build() {
            return new IpPrefixTable(this);
        }

        private static byte[] toBytes(BigInteger value, int length) {
            byte[] raw = value.toByteArray();
            byte[] bytes = new byte[length];
            int copy = Math.min(raw.length, length);
            System.arraycopy(raw, raw.length - copy, bytes, length - copy, copy);
            return bytes;
        }
    }
}

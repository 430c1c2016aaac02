package org.telereg.engine.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IpPrefixTableTests {

    @Test
    void answersTheMostSpecificOfNestedPrefixes() {
        IpPrefixTable table = IpPrefixTable.builder()
                .add("10.0.0.0/8", 1)
                .add("10.1.0.0/16", 2)
                .add("10.1.2.0/24", 3)
                .add("10.1.2.3", 4)
                .build();

        assertThat(table.lookup("10.9.9.9")).isEqualTo(1);
        assertThat(table.lookup("10.1.9.9")).isEqualTo(2);
        assertThat(table.lookup("10.1.2.9")).isEqualTo(3);
        assertThat(table.lookup("10.1.2.3")).isEqualTo(4);
        assertThat(table.lookup("10.1.2.4")).isEqualTo(3);
        assertThat(table.lookup("10.1.3.0")).isEqualTo(2);
        assertThat(table.lookup("10.2.0.0")).isEqualTo(1);
        assertThat(table.lookup("11.0.0.0")).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.lookup("9.255.255.255")).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.size()).isEqualTo(4);
    }

    @Test
    void coversEverythingWithSlashZeroAndOneAddressWithSlash32Or128() {
        IpPrefixTable table = IpPrefixTable.builder()
                .add("0.0.0.0/0", 1)
                .add("255.255.255.255/32", 2)
                .add("0.0.0.0/32", 3)
                .add("::/0", 4)
                .add("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", 5)
                .add("2001:db8::1/128", 6)
                .build();

        assertThat(table.lookup("0.0.0.0")).isEqualTo(3);
        assertThat(table.lookup("0.0.0.1")).isEqualTo(1);
        assertThat(table.lookup("255.255.255.254")).isEqualTo(1);
        assertThat(table.lookup("255.255.255.255")).isEqualTo(2);
        assertThat(table.lookup("128.0.0.0")).isEqualTo(1);
        assertThat(table.lookup("::")).isEqualTo(4);
        assertThat(table.lookup("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff")).isEqualTo(5);
        assertThat(table.lookup("ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe")).isEqualTo(4);
        assertThat(table.lookup("2001:db8::1")).isEqualTo(6);
        assertThat(table.lookup("2001:db8::2")).isEqualTo(4);
        assertThat(table.lookup("2001:db8::")).isEqualTo(4);
    }

    @Test
    void ignoresHostBitsOfAPrefix() {
        IpPrefixTable table = IpPrefixTable.builder()
                .add("192.0.2.77/24", 1)
                .add("2001:db8::dead:beef/32", 2)
                .build();

        assertThat(table.lookup("192.0.2.0")).isEqualTo(1);
        assertThat(table.lookup("192.0.2.255")).isEqualTo(1);
        assertThat(table.lookup("2001:db8:ffff::")).isEqualTo(2);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void replacesTheValueOfAPrefixAddedAgain() {
        IpPrefixTable table = IpPrefixTable.builder()
                .add("10.0.0.0/8", 1)
                .add("10.9.9.9/8", 2)
                .add("2001:db8::/32", 3)
                .add("2001:DB8:0::/32", 4)
                .build();

        assertThat(table.lookup("10.0.0.1")).isEqualTo(2);
        assertThat(table.lookup("2001:db8::1")).isEqualTo(4);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void keepsIpv4AndIpv6Apart() {
        IpPrefixTable table = IpPrefixTable.builder()
                .add("0.0.0.0/0", 1)
                .add("::ffff:10.0.0.0/104", 2)
                .build();

        assertThat(table.lookup("2001:db8::1")).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.lookup("::1")).isEqualTo(IpPrefixTable.NONE);
        // A mapped address is its IPv4 address, whether written as a prefix or looked up.
        assertThat(table.lookup("10.1.1.1")).isEqualTo(2);
        assertThat(table.lookup("::ffff:10.1.1.1")).isEqualTo(2);
        assertThat(table.lookup("::ffff:11.1.1.1")).isEqualTo(1);
        assertThat(table.lookup(IpAddresses.parse("::ffff:10.1.1.1"))).isEqualTo(2);
    }

    @Test
    void answersNoneWhenEmpty() {
        IpPrefixTable table = IpPrefixTable.builder().build();

        assertThat(table.lookup("1.2.3.4")).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.lookup("::1")).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.lookupIpv4(0)).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.lookupIpv4(-1)).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.size()).isZero();
    }

    @Test
    void splitsARangeIntoTheFewestPrefixes() {
        IpPrefixTable table =
                IpPrefixTable.builder().addRange("192.0.2.1", "192.0.2.254", 7).build();

        // .1, .2/31, .4/30, .8/29, .16/28, .32/27, .64/26, .128/26, .192/27, … .252/31, .254
        assertThat(table.size()).isEqualTo(14);
        assertThat(table.lookup("192.0.2.0")).isEqualTo(IpPrefixTable.NONE);
        assertThat(table.lookup("192.0.2.1")).isEqualTo(7);
        assertThat(table.lookup("192.0.2.254")).isEqualTo(7);
        assertThat(table.lookup("192.0.2.255")).isEqualTo(IpPrefixTable.NONE);
    }

    @Test
    void acceptsRangesOverTheWholeSpaceAndOfOneAddress() {
        IpPrefixTable table = IpPrefixTable.builder()
                .addRange("0.0.0.0", "255.255.255.255", 1)
                .addRange("::", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", 2)
                .addRange("10.0.0.5", "10.0.0.5", 3)
                .addRange("2001:db8::5", "2001:db8::5", 4)
                .build();

        assertThat(table.size()).isEqualTo(4);
        assertThat(table.lookup("255.255.255.255")).isEqualTo(1);
        assertThat(table.lookup("10.0.0.5")).isEqualTo(3);
        assertThat(table.lookup("10.0.0.6")).isEqualTo(1);
        assertThat(table.lookup("2001:db8::5")).isEqualTo(4);
        assertThat(table.lookup("2001:db8::6")).isEqualTo(2);
    }

    @Test
    void refusesBadPrefixesAndRanges() {
        IpPrefixTable.Builder builder = IpPrefixTable.builder();

        assertThatThrownBy(() -> builder.add("10.0.0.0/33", 1)).hasMessageContaining("33");
        assertThatThrownBy(() -> builder.add("10.0.0.0/-1", 1)).hasMessageContaining("10.0.0.0/-1");
        assertThatThrownBy(() -> builder.add("10.0.0.0/", 1)).hasMessageContaining("10.0.0.0/");
        assertThatThrownBy(() -> builder.add("10.0.0.0/8/8", 1)).hasMessageContaining("10.0.0.0/8/8");
        assertThatThrownBy(() -> builder.add("10.0.0/8", 1)).hasMessageContaining("10.0.0/8");
        assertThatThrownBy(() -> builder.add("2001:db8::/129", 1)).hasMessageContaining("129");
        assertThatThrownBy(() -> builder.add("::ffff:10.0.0.0/95", 1)).hasMessageContaining("::ffff:10.0.0.0/95");
        assertThatThrownBy(() -> builder.add(null, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> builder.add(new byte[5], 8, 1)).hasMessageContaining("5");
        assertThatThrownBy(() -> builder.addRange("10.0.0.9", "10.0.0.1", 1)).hasMessageContaining("10.0.0.9");
        assertThatThrownBy(() -> builder.addRange("10.0.0.1", "::1", 1)).hasMessageContaining("mixes");
        assertThatThrownBy(() -> builder.addRange("2001:db8::9", "2001:db8::1", 1))
                .hasMessageContaining("ends before");
        assertThatThrownBy(() -> builder.addRange("10.0.0.1", "10.0.0.256", 1)).hasMessageContaining("10.0.0.256");
        assertThat(builder.build().size()).isZero();
    }

    @Test
    void refusesToLookUpWhatIsNotAnAddress() {
        IpPrefixTable table = IpPrefixTable.builder().add("0.0.0.0/0", 1).build();

        assertThatThrownBy(() -> table.lookup("10.0.0.01")).hasMessageContaining("10.0.0.01");
        assertThatThrownBy(() -> table.lookup("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> table.lookup((String) null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(table.lookup(" 10.0.0.1 ")).isEqualTo(1);
    }

    /**
     * Random nested and overlapping prefixes and ranges, checked address by address against a list
     * searched for the longest covering prefix, with ranges split by a recursive walk of the prefix tree.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 4L, 20261202L})
    void answersAsABruteForceSearchOnRandomIpv4PrefixesAndRanges(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Reference reference = new Reference(32);
        IpPrefixTable.Builder builder = IpPrefixTable.builder();
        // Addresses cluster under a few /12s so that prefixes nest and collide.
        int[] clusters = {0x0A000000, 0xC0A80000, 0x7F000000, 0xFFF00000, 0x00000000};
        List<Long> interesting = new ArrayList<>();
        for (int value = 0; value < 400; value++) {
            long base = clusters[random.nextInt(clusters.length)] & 0xFFFFFFFFL;
            long start = base + random.nextInt(1 << 20);
            if (random.nextInt(3) == 0) {
                long end = Math.min(0xFFFFFFFFL, start + random.nextInt(1 << random.nextInt(1, 18)));
                builder.addRange(text4(start), text4(end), value);
                reference.addRange(BigInteger.valueOf(start), BigInteger.valueOf(end), value);
                interesting.add(start);
                interesting.add(end);
            } else {
                int length = random.nextInt(random.nextInt(5) == 0 ? 0 : 8, 33);
                builder.add(text4(start) + "/" + length, value);
                long network = start & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
                reference.add(BigInteger.valueOf(network), length, value);
                interesting.add(network);
                interesting.add(network + (1L << (32 - length)) - 1);
            }
        }
        IpPrefixTable table = builder.build();

        assertThat(table.size()).isEqualTo(reference.size());
        List<Long> probes = new ArrayList<>();
        for (long address : interesting) {
            probes.add(address);
            probes.add(Math.max(0, address - 1));
            probes.add(Math.min(0xFFFFFFFFL, address + 1));
        }
        for (int n = 0; n < 20_000; n++) {
            long base = clusters[random.nextInt(clusters.length)] & 0xFFFFFFFFL;
            probes.add(
                    random.nextInt(4) == 0
                            ? random.nextLong(1L << 32)
                            : Math.min(0xFFFFFFFFL, base + random.nextInt(1 << 21)));
        }
        for (long address : probes) {
            int expected = reference.lookup(BigInteger.valueOf(address));
            assertThat(table.lookupIpv4((int) address))
                    .as("seed %d, %s", seed, text4(address))
                    .isEqualTo(expected);
            assertThat(table.lookup(text4(address)))
                    .as("seed %d, %s", seed, text4(address))
                    .isEqualTo(expected);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20261202L})
    void answersAsABruteForceSearchOnRandomIpv6PrefixesAndRanges(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Reference reference = new Reference(128);
        IpPrefixTable.Builder builder = IpPrefixTable.builder();
        BigInteger[] clusters = {
            new BigInteger("240e0000000000000000000000000000", 16),
            new BigInteger("20010db8000000000000000000000000", 16),
            new BigInteger("2001da8000000000ffffffffff000000", 16),
            BigInteger.ZERO,
            BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE.shiftLeft(70)),
        };
        List<BigInteger> interesting = new ArrayList<>();
        for (int value = 0; value < 300; value++) {
            BigInteger base = clusters[random.nextInt(clusters.length)];
            // Vary bits around 64, where the table splits the address into two longs.
            BigInteger start =
                    base.add(new BigInteger(random.nextInt(40, 70), new java.util.Random(random.nextLong())));
            start = start.min(Reference.ones(128));
            if (random.nextInt(3) == 0) {
                BigInteger end = start.add(BigInteger.valueOf(random.nextLong(1L << random.nextInt(1, 40))))
                        .min(Reference.ones(128));
                builder.addRange(text6(start), text6(end), value);
                reference.addRange(start, end, value);
                interesting.add(start);
                interesting.add(end);
            } else {
                int length = random.nextInt(random.nextInt(5) == 0 ? 0 : 48, 129);
                builder.add(text6(start) + "/" + length, value);
                BigInteger network = start.andNot(Reference.ones(128 - length));
                reference.add(network, length, value);
                interesting.add(network);
                interesting.add(network.or(Reference.ones(128 - length)));
            }
        }
        IpPrefixTable table = builder.build();

        assertThat(table.size()).isEqualTo(reference.size());
        List<BigInteger> probes = new ArrayList<>();
        for (BigInteger address : interesting) {
            probes.add(address);
            probes.add(address.subtract(BigInteger.ONE).max(BigInteger.ZERO));
            probes.add(address.add(BigInteger.ONE).min(Reference.ones(128)));
        }
        for (int n = 0; n < 5_000; n++) {
            BigInteger base = clusters[random.nextInt(clusters.length)];
            probes.add(base.add(new BigInteger(random.nextInt(1, 72), new java.util.Random(random.nextLong())))
                    .min(Reference.ones(128)));
        }
        for (BigInteger address : probes) {
            int expected = reference.lookup(address);
            String text = text6(address);
            if (IpAddresses.parse(text).length == 4) {
                continue;
            }
            assertThat(table.lookup(text)).as("seed %d, %s", seed, text).isEqualTo(expected);
            assertThat(table.lookupIpv6(address.shiftRight(64).longValue(), address.longValue()))
                    .as("seed %d, %s", seed, text)
                    .isEqualTo(expected);
        }
    }

    /**
     * Prefixes shaped like a register's, so that the IPv6 index builds nodes below its root: /32 allocations
     * each holding hundreds of /48, /56, /64 and /128 blocks and ranges and a single address just above its
     * first, one /64 holding hundreds of single
     * addresses (segments sharing their high 64 bits), and depending on the seed {@code ::/0}, {@code 8000::/1}
     * and the first and last addresses as /128. Probes: every boundary and its neighbours, addresses inside
     * filings and allocations, and misses anywhere.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20261203L})
    void answersAsABruteForceSearchOnRegisterShapedIpv6Filings(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Reference reference = new Reference(128);
        IpPrefixTable.Builder builder = IpPrefixTable.builder();
        List<BigInteger> interesting = new ArrayList<>();
        int value = 0;
        if (seed % 2 == 1) {
            builder.add("::/0", value);
            reference.add(BigInteger.ZERO, 0, value++);
        }
        if (seed % 3 != 0) {
            builder.add("8000::/1", value);
            reference.add(BigInteger.ONE.shiftLeft(127), 1, value++);
            builder.add("::/128", value);
            reference.add(BigInteger.ZERO, 128, value++);
            builder.add("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128", value);
            reference.add(Reference.ones(128), 128, value++);
        }
        long[] tops = {0x240eL, 0x2408L, 0x2409L, 0x2400L, 0x2001L};
        BigInteger[] allocations = new BigInteger[40];
        for (int a = 0; a < allocations.length; a++) {
            long high = tops[random.nextInt(tops.length)] << 48 | (long) random.nextInt(1 << 16) << 32;
            allocations[a] = BigInteger.valueOf(high).shiftLeft(64);
            builder.add(text6(allocations[a]) + "/32", value);
            reference.add(allocations[a], 32, value++);
            interesting.add(allocations[a]);
            interesting.add(allocations[a].or(Reference.ones(96)));
            // A single address a little above the allocation's first: its segment starts on an aligned
            // high word but not at low 0, where a bucket's first segment is easy to take one too far.
            BigInteger near = allocations[a].add(BigInteger.valueOf(random.nextInt(2, 1 << 16)));
            builder.add(text6(near), value);
            reference.add(near, 128, value++);
            interesting.add(near);
            interesting.add(allocations[a].add(BigInteger.ONE));
        }
        BigInteger crowded = allocations[0].or(BigInteger.valueOf(0x1234_5678L).shiftLeft(64));
        for (int n = 0; n < 300; n++) {
            BigInteger address = crowded.or(BigInteger.valueOf(random.nextLong(1L << 12)));
            builder.add(text6(address), value);
            reference.add(address, 128, value++);
            interesting.add(address);
        }
        for (int n = 0; n < 3_000; n++) {
            BigInteger allocation = allocations[random.nextInt(allocations.length)];
            BigInteger inside = allocation.or(new BigInteger(96, new java.util.Random(random.nextLong())));
            int kind = random.nextInt(5);
            if (kind == 4) {
                BigInteger start = inside.andNot(BigInteger.valueOf(0xFFFF_FFFFL));
                BigInteger end = start.add(BigInteger.valueOf(random.nextInt(1, 100_000)));
                builder.addRange(text6(start), text6(end), value);
                reference.addRange(start, end, value++);
                interesting.add(start);
                interesting.add(end);
            } else {
                int length = new int[] {48, 56, 64, 128}[kind];
                BigInteger network = inside.andNot(Reference.ones(128 - length));
                builder.add(text6(inside) + "/" + length, value);
                reference.add(network, length, value++);
                interesting.add(network);
                interesting.add(network.or(Reference.ones(128 - length)));
            }
        }
        IpPrefixTable table = builder.build();

        assertThat(table.size()).isEqualTo(reference.size());
        List<BigInteger> probes = new ArrayList<>();
        for (BigInteger address : interesting) {
            probes.add(address);
            probes.add(address.subtract(BigInteger.ONE).max(BigInteger.ZERO));
            probes.add(address.add(BigInteger.ONE).min(Reference.ones(128)));
        }
        for (int n = 0; n < 20_000; n++) {
            BigInteger noise = new BigInteger(128, new java.util.Random(random.nextLong()));
            int kind = random.nextInt(4);
            if (kind == 0) {
                probes.add(noise);
            } else if (kind == 1) {
                probes.add(interesting
                        .get(random.nextInt(interesting.size()))
                        .xor(BigInteger.ONE.shiftLeft(random.nextInt(128)))
                        .min(Reference.ones(128)));
            } else {
                probes.add(allocations[random.nextInt(allocations.length)].or(
                        noise.and(Reference.ones(random.nextInt(1, 97)))));
            }
        }
        for (BigInteger address : probes) {
            int expected = reference.lookup(address);
            assertThat(table.lookupIpv6(address.shiftRight(64).longValue(), address.longValue()))
                    .as("seed %d, %s", seed, text6(address))
                    .isEqualTo(expected);
        }
    }

    /** A single random range covers exactly its addresses with as few prefixes as the prefix tree allows. */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L})
    void splitsRandomRangesExactlyAndMinimally(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < 2_000; n++) {
            long start = random.nextLong(1L << 32);
            long end = n % 3 == 0
                    ? random.nextLong(start, 1L << 32)
                    : Math.min((1L << 32) - 1, start + random.nextInt(1 << 12));
            IpPrefixTable table = IpPrefixTable.builder()
                    .addRange(text4(start), text4(end), 1)
                    .build();
            Reference reference = new Reference(32);
            reference.addRange(BigInteger.valueOf(start), BigInteger.valueOf(end), 1);

            String range = text4(start) + " – " + text4(end);
            assertThat(table.size()).as(range).isEqualTo(reference.size());
            assertThat(table.lookupIpv4((int) start)).as(range).isEqualTo(1);
            assertThat(table.lookupIpv4((int) end)).as(range).isEqualTo(1);
            assertThat(table.lookupIpv4((int) random.nextLong(start, end + 1)))
                    .as(range)
                    .isEqualTo(1);
            if (start > 0) {
                assertThat(table.lookupIpv4((int) (start - 1))).as(range).isEqualTo(IpPrefixTable.NONE);
            }
            if (end < (1L << 32) - 1) {
                assertThat(table.lookupIpv4((int) (end + 1))).as(range).isEqualTo(IpPrefixTable.NONE);
            }
        }
    }

    private static String text4(long address) {
        return IpAddresses.format(IpAddresses.toBytes((int) address));
    }

    private static String text6(BigInteger address) {
        byte[] raw = address.toByteArray();
        byte[] bytes = new byte[16];
        int copy = Math.min(raw.length, 16);
        System.arraycopy(raw, raw.length - copy, bytes, 16 - copy, copy);
        return IpAddresses.format(bytes);
    }

    /**
     * Prefixes in a map keyed by their network bits and length, asked for every length from longest
     * to shortest: slow and obviously right. Ranges are split by a recursive walk of the prefix tree.
     */
    private static final class Reference {

        private final int bits;
        private final Map<List<Object>, Integer> prefixes = new HashMap<>();

        Reference(int bits) {
            this.bits = bits;
        }

        static BigInteger ones(int count) {
            return BigInteger.ONE.shiftLeft(count).subtract(BigInteger.ONE);
        }

        void add(BigInteger network, int length, int value) {
            prefixes.put(List.of(network.shiftRight(bits - length), length), value);
        }

        /** Splits the range by walking the prefix tree from the root: a node inside the range is one prefix. */
        void addRange(BigInteger start, BigInteger end, int value) {
            split(BigInteger.ZERO, 0, start, end, value);
        }

        private void split(BigInteger network, int length, BigInteger start, BigInteger end, int value) {
            BigInteger last = network.or(ones(bits - length));
            if (last.compareTo(start) < 0 || network.compareTo(end) > 0) {
                return;
            }
            if (network.compareTo(start) >= 0 && last.compareTo(end) <= 0) {
                add(network, length, value);
                return;
            }
            split(network, length + 1, start, end, value);
            split(network.setBit(bits - length - 1), length + 1, start, end, value);
        }

        int size() {
            return prefixes.size();
        }

        int lookup(BigInteger address) {
            for (int length = bits; length >= 0; length--) {
                Integer value = prefixes.get(List.of(address.shiftRight(bits - length), length));
                if (value != null) {
                    return value;
                }
            }
            return IpPrefixTable.NONE;
        }
    }
}

package org.telereg.bench;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv4.IPv4AddressAssociativeTrie;
import inet.ipaddr.ipv6.IPv6Address;
import inet.ipaddr.ipv6.IPv6AddressAssociativeTrie;
import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.engine.filing.IpPrefixTable;

/**
 * Longest-prefix matching over the same filed IP ranges with TeleReg's {@link IpPrefixTable} and with the
 * {@code com.github.seancfoley:ipaddress} associative trie ({@code longestPrefixMatchNode}, its fastest
 * lookup of a covering prefix with its value). Both sides get the same prefixes, in the same order (the
 * ranges split by ipaddress's own {@code spanWithPrefixBlocks} for the trie, by TeleReg's {@code addRange}
 * for the table), and the same probes; every answer is compared and disagreements are counted (must be 0).
 *
 * <p>Three measurements: IPv4 lookups of parsed addresses (an int for TeleReg, an {@code IPv4Address} built
 * outside the timer for the trie), IPv6 likewise, and lookups from text (parse + match on both sides).
 *
 * <p>Usage: {@code java -Xmx4g -cp ... org.telereg.bench.IpPrefixBenchmark [ipv4 ranges] [ipv4 probes]
 * [ipv6 ranges] [ipv6 probes] [text probes]}.
 */
public final class IpPrefixBenchmark {

    private static final long SEED = 20261202L;
    // Probes are handed to the trie in chunks of parsed addresses, built outside the timer, so that 10^7
    // IPv4Address objects never have to be on the heap at once.
    private static final int CHUNK = 1 << 20;

    private IpPrefixBenchmark() {}

    public static void main(String[] args) {
        int ipv4Ranges = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int ipv4Probes = args.length > 1 ? Integer.parseInt(args[1]) : 10_000_000;
        int ipv6Ranges = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
        int ipv6Probes = args.length > 3 ? Integer.parseInt(args[3]) : 2_000_000;
        int textProbes = args.length > 4 ? Integer.parseInt(args[4]) : 1_000_000;
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        Ipv4Filings v4 = Ipv4Filings.generate(new SplittableRandom(SEED), ipv4Ranges);
        Ipv6Filings v6 = Ipv6Filings.generate(new SplittableRandom(SEED + 1), ipv6Ranges);

        long heapBefore = usedHeapMb();
        long started = cpuNanos();
        IpPrefixTable.Builder builder = IpPrefixTable.builder();
        for (int i = 0; i < v4.count; i++) {
            builder.addRange(v4.text(v4.first[i]), v4.text(v4.last[i]), i);
        }
        for (int i = 0; i < v6.count; i++) {
            builder.addRange(v6.text(i, false), v6.text(i, true), i);
        }
        IpPrefixTable table = builder.build();
        double teleregBuild = seconds(started);
        // Dropped so that the heap figure counts the table alone, not the builder's maps.
        builder = null;
        System.out.printf(
                Locale.ROOT,
                "TeleReg IpPrefixTable: %,d IPv4 + %,d IPv6 ranges -> %,d prefixes, built in %.2f CPU-s, holding %,d MB%n",
                v4.count,
                v6.count,
                table.size(),
                teleregBuild,
                usedHeapMb() - heapBefore);
        heapBefore = usedHeapMb();

        started = cpuNanos();
        IPv4AddressAssociativeTrie<Integer> trie4 = new IPv4AddressAssociativeTrie<>();
        long triePrefixes = 0;
        for (int i = 0; i < v4.count; i++) {
            IPv4Address first = new IPv4Address((int) v4.first[i]);
            IPv4Address last = new IPv4Address((int) v4.last[i]);
            for (IPv4Address block : first.spanWithRange(last).spanWithPrefixBlocks()) {
                trie4.put(block, i);
                triePrefixes++;
            }
        }
        IPv6AddressAssociativeTrie<Integer> trie6 = new IPv6AddressAssociativeTrie<>();
        for (int i = 0; i < v6.count; i++) {
            IPv6Address first = new IPv6Address(v6.bytes(i, false));
            IPv6Address last = new IPv6Address(v6.bytes(i, true));
            for (IPv6Address block : first.spanWithRange(last).spanWithPrefixBlocks()) {
                trie6.put(block, i);
                triePrefixes++;
            }
        }
        double trieBuild = seconds(started);
        System.out.printf(
                Locale.ROOT,
                "ipaddress 5.5.1 tries: %,d prefixes (%,d + %,d nodes), built in %.2f CPU-s, holding %,d MB%n",
                triePrefixes,
                trie4.size(),
                trie6.size(),
                trieBuild,
                usedHeapMb() - heapBefore);

        System.out.printf(Locale.ROOT, "%n== IPv4: %,d probes ==%n", ipv4Probes);
        int[] probes4 = v4.probes(new SplittableRandom(SEED + 2), ipv4Probes);
        int[] ours = new int[ipv4Probes];
        int[] theirs = new int[ipv4Probes];
        // Warm-up on a tenth of the probes, then one timed pass over all of them, each side.
        lookupIpv4(table, probes4, ours, ipv4Probes / 10);
        double teleregSeconds = lookupIpv4(table, probes4, ours, ipv4Probes);
        trieIpv4(trie4, probes4, theirs, ipv4Probes / 10);
        double trieSeconds = trieIpv4(trie4, probes4, theirs, ipv4Probes);
        report(ours, theirs, teleregSeconds, trieSeconds);

        System.out.printf(Locale.ROOT, "%n== IPv6: %,d probes ==%n", ipv6Probes);
        long[][] probes6 = v6.probes(new SplittableRandom(SEED + 3), ipv6Probes);
        ours = new int[ipv6Probes];
        theirs = new int[ipv6Probes];
        lookupIpv6(table, probes6, ours, ipv6Probes / 10);
        teleregSeconds = lookupIpv6(table, probes6, ours, ipv6Probes);
        trieIpv6(trie6, probes6, theirs, ipv6Probes / 10);
        trieSeconds = trieIpv6(trie6, probes6, theirs, ipv6Probes);
        report(ours, theirs, teleregSeconds, trieSeconds);

        System.out.printf(Locale.ROOT, "%n== from text: %,d probes, 80%% IPv4, 20%% IPv6 ==%n", textProbes);
        String[] texts = new String[textProbes];
        SplittableRandom random = new SplittableRandom(SEED + 4);
        for (int i = 0; i < textProbes; i++) {
            texts[i] = random.nextInt(5) == 0
                    ? IpAddresses.format(v6.toBytes(probes6[0][i % ipv6Probes], probes6[1][i % ipv6Probes]))
                    : v4.text(probes4[random.nextInt(ipv4Probes)] & 0xFFFFFFFFL);
        }
        ours = new int[textProbes];
        theirs = new int[textProbes];
        lookupText(table, texts, ours);
        teleregSeconds = lookupText(table, texts, ours);
        trieText(trie4, trie6, texts, theirs);
        trieSeconds = trieText(trie4, trie6, texts, theirs);
        report(ours, theirs, teleregSeconds, trieSeconds);
    }

    private static double lookupIpv4(IpPrefixTable table, int[] probes, int[] answers, int count) {
        long started = cpuNanos();
        for (int i = 0; i < count; i++) {
            answers[i] = table.lookupIpv4(probes[i]);
        }
        return seconds(started);
    }

    private static double trieIpv4(IPv4AddressAssociativeTrie<Integer> trie, int[] probes, int[] answers, int count) {
        IPv4Address[] chunk = new IPv4Address[Math.min(CHUNK, count)];
        long nanos = 0;
        for (int from = 0; from < count; from += CHUNK) {
            int to = Math.min(count, from + CHUNK);
            for (int i = from; i < to; i++) {
                chunk[i - from] = new IPv4Address(probes[i]);
            }
            long started = cpuNanos();
            for (int i = from; i < to; i++) {
                var node = trie.longestPrefixMatchNode(chunk[i - from]);
                answers[i] = node == null ? IpPrefixTable.NONE : node.getValue();
            }
            nanos += cpuNanos() - started;
        }
        return nanos / 1e9;
    }

    private static double lookupIpv6(IpPrefixTable table, long[][] probes, int[] answers, int count) {
        long[] high = probes[0];
        long[] low = probes[1];
        long started = cpuNanos();
        for (int i = 0; i < count; i++) {
            answers[i] = table.lookupIpv6(high[i], low[i]);
        }
        return seconds(started);
    }

    private static double trieIpv6(
            IPv6AddressAssociativeTrie<Integer> trie, long[][] probes, int[] answers, int count) {
        IPv6Address[] chunk = new IPv6Address[Math.min(CHUNK, count)];
        long nanos = 0;
        for (int from = 0; from < count; from += CHUNK) {
            int to = Math.min(count, from + CHUNK);
            for (int i = from; i < to; i++) {
                chunk[i - from] = new IPv6Address(Ipv6Filings.toBytesStatic(probes[0][i], probes[1][i]));
            }
            long started = cpuNanos();
            for (int i = from; i < to; i++) {
                var node = trie.longestPrefixMatchNode(chunk[i - from]);
                answers[i] = node == null ? IpPrefixTable.NONE : node.getValue();
            }
            nanos += cpuNanos() - started;
        }
        return nanos / 1e9;
    }

    private static double lookupText(IpPrefixTable table, String[] texts, int[] answers) {
        long started = cpuNanos();
        for (int i = 0; i < texts.length; i++) {
            answers[i] = table.lookup(texts[i]);
        }
        return seconds(started);
    }

    private static double trieText(
            IPv4AddressAssociativeTrie<Integer> trie4,
            IPv6AddressAssociativeTrie<Integer> trie6,
            String[] texts,
            int[] answers) {
        long started = cpuNanos();
        for (int i = 0; i < texts.length; i++) {
            IPAddress address = new IPAddressString(texts[i]).getAddress();
            var node = address.isIPv4()
                    ? trie4.longestPrefixMatchNode(address.toIPv4())
                    : trie6.longestPrefixMatchNode(address.toIPv6());
            answers[i] = node == null ? IpPrefixTable.NONE : node.getValue();
        }
        return seconds(started);
    }

    private static void report(int[] ours, int[] theirs, double teleregSeconds, double trieSeconds) {
        long disagreements = 0;
        long hits = 0;
        for (int i = 0; i < ours.length; i++) {
            if (ours[i] != theirs[i]) {
                disagreements++;
            }
            if (ours[i] != IpPrefixTable.NONE) {
                hits++;
            }
        }
        int n = ours.length;
        System.out.printf(Locale.ROOT, "hits %,d (%.1f%%), disagreements %,d%n", hits, 100.0 * hits / n, disagreements);
        System.out.printf(
                Locale.ROOT,
                "TeleReg IpPrefixTable   %,14.0f lookups/s (%.1f CPU-ns each)%n",
                n / teleregSeconds,
                teleregSeconds * 1e9 / n);
        System.out.printf(
                Locale.ROOT,
                "ipaddress 5.5.1 trie    %,14.0f lookups/s (%.1f CPU-ns each)%n",
                n / trieSeconds,
                trieSeconds * 1e9 / n);
        System.out.printf(Locale.ROOT, "ratio TeleReg / ipaddress: %.1fx%n", trieSeconds / teleregSeconds);
        if (disagreements > 0) {
            throw new IllegalStateException(disagreements + " probes answered differently");
        }
    }

    private static long usedHeapMb() {
        System.gc();
        return (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) >> 20;
    }

    private static double seconds(long startedNanos) {
        return (cpuNanos() - startedNanos) / 1e9;
    }

    /**
     * The CPU time of this thread: on a machine shared with other work, wall-clock time counts the time
     * the thread waits for a core, CPU time does not.
     */
    private static long cpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /**
     * IPv4 filings shaped like a register's: ISPs' allocations (/10–/16) filed by the ISP, customer blocks
     * inside them (mostly aligned /24–/29, some /16–/23 and single addresses), and unaligned ranges as units
     * file them (192.0.2.10 – 192.0.2.73); sixteen large /8–/12 blocks elsewhere.
     */
    static final class Ipv4Filings {

        final int count;
        final long[] first;
        final long[] last;
        final long[] allocations;
        final int[] allocationLengths;

        private Ipv4Filings(int count, long[] allocations, int[] allocationLengths) {
            this.count = count;
            this.first = new long[count];
            this.last = new long[count];
            this.allocations = allocations;
            this.allocationLengths = allocationLengths;
        }

        static Ipv4Filings generate(SplittableRandom random, int count) {
            int allocationCount = Math.max(16, count / 500);
            long[] allocations = new long[allocationCount];
            int[] lengths = new int[allocationCount];
            for (int i = 0; i < allocationCount; i++) {
                lengths[i] = random.nextInt(10, 17);
                // Unicast space 1.0.0.0 – 223.255.255.255.
                long address = random.nextLong(1L << 24, 224L << 24);
                allocations[i] = address & (0xFFFFFFFFL << (32 - lengths[i])) & 0xFFFFFFFFL;
            }
            Ipv4Filings filings = new Ipv4Filings(count, allocations, lengths);
            for (int i = 0; i < count; i++) {
                int a = random.nextInt(allocationCount);
                long base = allocations[a];
                long size = 1L << (32 - lengths[a]);
                int kind = random.nextInt(100);
                long start;
                long end;
                if (i < allocationCount) {
                    start = base;
                    end = base + size - 1;
                } else if (i < allocationCount + 16) {
                    int length = random.nextInt(8, 13);
                    start = random.nextLong(1L << 24, 224L << 24) & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
                    end = start + (1L << (32 - length)) - 1;
                } else if (kind < 55) {
                    int length = random.nextInt(24, 30);
                    start = (base + random.nextLong(size)) & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
                    end = start + (1L << (32 - length)) - 1;
                } else if (kind < 65) {
                    int length = Math.max(lengths[a] + 1, random.nextInt(16, 24));
                    start = (base + random.nextLong(size)) & (0xFFFFFFFFL << (32 - length)) & 0xFFFFFFFFL;
                    end = start + (1L << (32 - length)) - 1;
                } else if (kind < 75) {
                    start = base + random.nextLong(size);
                    end = start;
                } else {
                    start = base + random.nextLong(size);
                    end = Math.min(base + size - 1, start + random.nextInt(1, 1024));
                }
                filings.first[i] = start;
                filings.last[i] = end;
            }
            return filings;
        }

        /** Half the probes inside a random filing, a quarter inside an allocation, a quarter anywhere. */
        int[] probes(SplittableRandom random, int n) {
            int[] probes = new int[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(4);
                if (kind < 2) {
                    int f = random.nextInt(count);
                    probes[i] = (int) random.nextLong(first[f], last[f] + 1);
                } else if (kind == 2) {
                    int a = random.nextInt(allocations.length);
                    probes[i] = (int) (allocations[a] + random.nextLong(1L << (32 - allocationLengths[a])));
                } else {
                    probes[i] = random.nextInt();
                }
            }
            return probes;
        }

        String text(long address) {
            return (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                    + (address & 255);
        }
    }

    /**
     * IPv6 filings: /32 allocations under 240e::/16-like space, customer /48, /56, /64 and single /128
     * addresses inside them, and a few unaligned ranges within a /64.
     */
    static final class Ipv6Filings {

        final int count;
        final long[] high;
        final long[] lowFirst;
        final long[] lowLast;
        final long[] highLast;
        final long[] allocations;

        private Ipv6Filings(int count, long[] allocations) {
            this.count = count;
            this.high = new long[count];
            this.highLast = new long[count];
            this.lowFirst = new long[count];
            this.lowLast = new long[count];
            this.allocations = allocations;
        }

        static Ipv6Filings generate(SplittableRandom random, int count) {
            int allocationCount = Math.max(8, count / 1000);
            long[] allocations = new long[allocationCount];
            long[] tops = {0x240eL, 0x2408L, 0x2409L, 0x2400L, 0x2001L};
            for (int i = 0; i < allocationCount; i++) {
                allocations[i] = (tops[random.nextInt(tops.length)] << 48) | ((long) random.nextInt(1 << 16) << 32);
            }
            Ipv6Filings filings = new Ipv6Filings(count, allocations);
            for (int i = 0; i < count; i++) {
                long base = allocations[random.nextInt(allocationCount)];
                int kind = random.nextInt(10);
                long high;
                long highLast;
                long lowFirst = 0;
                long lowLast = -1L;
                if (i < allocationCount) {
                    high = allocations[i];
                    highLast = high | 0xFFFFFFFFL;
                } else if (kind < 3) {
                    high = base | ((long) random.nextInt(1 << 16) << 16);
                    highLast = high | 0xFFFFL;
                } else if (kind < 5) {
                    high = base | ((long) random.nextInt(1 << 24) << 8);
                    highLast = high | 0xFFL;
                } else if (kind < 8) {
                    high = base | (random.nextLong(1L << 32));
                    highLast = high;
                } else if (kind < 9) {
                    high = base | (random.nextLong(1L << 32));
                    highLast = high;
                    lowFirst = random.nextLong(1L << 20);
                    lowLast = lowFirst;
                } else {
                    high = base | (random.nextLong(1L << 32));
                    highLast = high;
                    lowFirst = random.nextLong(1L << 20);
                    lowLast = lowFirst + random.nextInt(1, 100_000);
                }
                filings.high[i] = high;
                filings.highLast[i] = highLast;
                filings.lowFirst[i] = lowFirst;
                filings.lowLast[i] = lowLast;
            }
            return filings;
        }

        /** A third inside a random filing, a third inside an allocation, a third under 2400::/12; {high[], low[]}. */
        long[][] probes(SplittableRandom random, int n) {
            long[] high = new long[n];
            long[] low = new long[n];
            for (int i = 0; i < n; i++) {
                int kind = random.nextInt(3);
                if (kind == 0) {
                    int f = random.nextInt(count);
                    high[i] =
                            this.high[f] == highLast[f] ? this.high[f] : random.nextLong(this.high[f], highLast[f] + 1);
                    low[i] = lowLast[f] == -1L ? random.nextLong() : random.nextLong(lowFirst[f], lowLast[f] + 1);
                } else if (kind == 2) {
                    high[i] = (0x240L << 52) | random.nextLong(1L << 52);
                    low[i] = random.nextLong();
                } else {
                    high[i] = allocations[random.nextInt(allocations.length)] | random.nextLong(1L << 32);
                    low[i] = random.nextInt(3) == 0 ? random.nextLong(1L << 20) : random.nextLong();
                }
            }
            return new long[][] {high, low};
        }

        byte[] bytes(int filing, boolean last) {
            return toBytesStatic(last ? highLast[filing] : high[filing], last ? lowLast[filing] : lowFirst[filing]);
        }

        String text(int filing, boolean last) {
            return IpAddresses.format(bytes(filing, last));
        }

        byte[] toBytes(long high, long low) {
            return toBytesStatic(high, low);
        }

        static byte[] toBytesStatic(long high, long low) {
            byte[] bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (high >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (low >>> (56 - 8 * i));
            }
            return bytes;
        }
    }
}

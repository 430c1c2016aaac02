package org.telereg.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.roaringbitmap.longlong.Roaring64Bitmap;
import org.roaringbitmap.longlong.Roaring64NavigableMap;
import org.telereg.engine.numbering.Carrier;
import org.telereg.engine.numbering.NumberSet;
import org.telereg.engine.numbering.PhoneNumbers;

/**
 * Builds TeleReg's {@link NumberSet}, RoaringBitmap's {@link Roaring64NavigableMap} (and its {@link
 * Roaring64Bitmap}) and a {@code HashSet<Long>} from the same random mobile numbers, checks that all answer
 * every query alike, then times membership and carrier lookups over one query stream (half members, half not,
 * in random order) and prints lookups per second, bytes per number and the ratios.
 *
 * <p>Numbers are spread uniformly over the 7-digit prefixes an operator holds in the engine's reference
 * tables; a share of them is ported to another operator. Every side answers the carrier the same way: the
 * operator a member was ported to, else the holder of its block from one shared table (1 MB, counted for each
 * side); the peers keep ports as a bitmap (or map) of ported numbers beside the members.
 *
 * <p>Usage: {@code java -Xmx12g -cp benchmarks/target/telereg-benchmarks.jar org.telereg.bench.NumberSetComparison
 * [--numbers 10000000,100000000] [--queries 10000000] [--rounds 5] [--ported 0.03]}.
 */
public final class NumberSetComparison {

    private static final long SEED = 20261202L;
    private static final int WARM_UP_ROUNDS = 2;
    /** TeleReg's sides come first: one lookup per call, then the bulk calls over the whole query array. */
    private static final int TELEREG_SIDES = 2;

    private static final Carrier[] OPERATORS = {
        Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM, Carrier.CHINA_TELECOM, Carrier.CHINA_BROADNET
    };
    private static final Carrier[] CARRIERS = Carrier.values();

    private NumberSetComparison() {}

    public static void main(String[] args) {
        long[] sizes = {10_000_000L, 100_000_000L};
        int queryCount = 10_000_000;
        int rounds = 5;
        double portedShare = 0.03;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--numbers" ->
                    sizes = Arrays.stream(args[++i].split(","))
                            .mapToLong(Long::parseLong)
                            .toArray();
                case "--queries" -> queryCount = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--ported" -> portedShare = Double.parseDouble(args[++i]);
                default -> throw new IllegalArgumentException("Unknown argument " + args[i]);
            }
        }
        System.out.printf(
                Locale.ROOT,
                "java %s, %d processors, max heap %.1f GB%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() / 1e9);
        Holders holders = new Holders();
        System.out.printf(Locale.ROOT, "allocated 7-digit prefixes: %,d%n", holders.allocated.length);
        for (long size : sizes) {
            run(holders, Math.toIntExact(size), queryCount, rounds, portedShare);
        }
    }

    private static void run(Holders holders, int count, int queryCount, int rounds, double portedShare) {
        System.out.printf(Locale.ROOT, "%n== %,d numbers, %.1f%% ported ==%n", count, portedShare * 100);
        SplittableRandom random = new SplittableRandom(SEED + count);
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = holders.allocated[random.nextInt(holders.allocated.length)] * 10_000L + random.nextInt(10_000);
        }
        int portCount = (int) (count * portedShare);
        long[] portedNumbers = Arrays.copyOf(numbers, portCount);
        byte[] portedTo = new byte[portCount];
        for (int i = 0; i < portCount; i++) {
            portedTo[i] = (byte) holders.portTarget(portedNumbers[i]);
        }

        List<Side> sides = new ArrayList<>();
        System.out.println("numbers generated");
        TeleRegSide telereg = (TeleRegSide)
                build("TeleReg NumberSet", () -> new TeleRegSide(holders, numbers, portedNumbers, portedTo));
        sides.add(telereg);
        sides.add(build("TeleReg NumberSet bulk", () -> new TeleRegBulkSide(telereg.set, queryCount)));
        long[] sorted = numbers.clone();
        Arrays.parallelSort(sorted);
        sides.add(
                build("Roaring64NavigableMap", () -> new RoaringSide(holders, sorted, portedNumbers, portedTo, false)));
        sides.add(build("Roaring64Bitmap", () -> new RoaringSide(holders, sorted, portedNumbers, portedTo, true)));
        long distinct = sides.get(0).members();
        long hashSetBytes = HashSide.estimatedBytes(distinct, portCount);
        System.gc();
        long free = Runtime.getRuntime().maxMemory()
                - (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory());
        if (hashSetBytes * 3 / 2 < free) {
            sides.add(build("HashSet<Long>", () -> new HashSide(holders, sorted, portedNumbers, portedTo)));
        } else {
            System.out.printf(
                    Locale.ROOT,
                    "HashSet<Long> skipped: it would need about %.1f GB (estimated) and the heap has %.1f GB free%n",
                    hashSetBytes / 1e9,
                    free / 1e9);
        }

        long[] queries = queries(random, holders, numbers, telereg, queryCount);
        checkAnswers(sides, queries);

        // Rates are per second of this thread's CPU time: other builds share the machine, and while the
        // scheduler runs them this thread's wall-clock time grows but its CPU time does not. Wall-clock rates
        // are printed beside them.
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        double[][] containsRates = new double[sides.size()][rounds];
        double[][] carrierRates = new double[sides.size()][rounds];
        double[][] wallRates = new double[sides.size()][rounds];
        long sink = 0;
        for (int round = -WARM_UP_ROUNDS; round < rounds; round++) {
            for (int s = 0; s < sides.size(); s++) {
                Side side = sides.get(s);
                long wall = System.nanoTime();
                long start = cpu.getCurrentThreadCpuTime();
                sink += side.containsPass(queries);
                long containsCpu = cpu.getCurrentThreadCpuTime() - start;
                long containsWall = System.nanoTime() - wall;
                start = cpu.getCurrentThreadCpuTime();
                sink += side.carrierPass(queries);
                long carrierCpu = cpu.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    containsRates[s][round] = queries.length / (containsCpu / 1e9);
                    carrierRates[s][round] = queries.length / (carrierCpu / 1e9);
                    wallRates[s][round] = queries.length / (containsWall / 1e9);
                }
            }
            System.out.printf(Locale.ROOT, "round %d done%n", round);
        }

        System.out.printf(
                Locale.ROOT,
                "%,d distinct members, %,d ported; %,d queries, half members, %d warm-up and %d timed rounds"
                        + " (sink %d)%n",
                distinct,
                sides.get(0).ported(),
                queries.length,
                WARM_UP_ROUNDS,
                rounds,
                sink);
        System.out.printf(
                Locale.ROOT,
                "%-22s %14s %14s %11s %11s %12s %12s%n",
                "per CPU-second",
                "contains/s",
                "carrier/s",
                "bytes/num",
                "+carriers",
                "serialised",
                "build cpu-s");
        double[] containsMedians = new double[sides.size()];
        double[] carrierMedians = new double[sides.size()];
        for (int s = 0; s < sides.size(); s++) {
            Side side = sides.get(s);
            containsMedians[s] = median(containsRates[s]);
            carrierMedians[s] = median(carrierRates[s]);
            System.out.printf(
                    Locale.ROOT,
                    "%-22s %,14.0f %,14.0f %11.3f %11.3f %12s %12.1f%n",
                    side.name,
                    containsMedians[s],
                    carrierMedians[s],
                    (double) side.membershipBytes() / distinct,
                    (double) side.totalBytes() / distinct,
                    side.serialisedBytes() < 0
                            ? "-"
                            : String.format(Locale.ROOT, "%.3f", (double) side.serialisedBytes() / distinct),
                    side.buildSeconds);
        }
        for (int s = 0; s < sides.size(); s++) {
            System.out.printf(
                    Locale.ROOT,
                    "%-22s contains/s min %,.0f max %,.0f; carrier/s min %,.0f max %,.0f;"
                            + " contains/s by wall clock median %,.0f%n",
                    sides.get(s).name,
                    min(containsRates[s]),
                    max(containsRates[s]),
                    min(carrierRates[s]),
                    max(carrierRates[s]),
                    median(wallRates[s]));
        }
        for (int t = 0; t < TELEREG_SIDES; t++) {
            for (int s = TELEREG_SIDES; s < sides.size(); s++) {
                System.out.printf(
                        Locale.ROOT,
                        "%s / %s: contains %.1fx, carrier %.1fx; bytes per number with carriers %.2fx less%n",
                        sides.get(t).name,
                        sides.get(s).name,
                        containsMedians[t] / containsMedians[s],
                        carrierMedians[t] / carrierMedians[s],
                        (double) sides.get(s).totalBytes() / sides.get(t).totalBytes());
            }
        }
        if (sides.stream().noneMatch(side -> side instanceof HashSide)) {
            System.out.printf(
                    Locale.ROOT,
                    "HashSet<Long> estimate (not built): %.1f bytes per number%n",
                    (double) hashSetBytes / distinct);
        }
    }

    /** Half members, half non-members of the same allocated prefixes, in random order. */
    private static long[] queries(SplittableRandom random, Holders holders, long[] numbers, Side reference, int n) {
        long[] queries = new long[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                queries[i] = numbers[random.nextInt(numbers.length)];
            } else {
                long miss;
                do {
                    miss = holders.allocated[random.nextInt(holders.allocated.length)] * 10_000L
                            + random.nextInt(10_000);
                } while (reference.contains(miss));
                queries[i] = miss;
            }
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            long swap = queries[i];
            queries[i] = queries[j];
            queries[j] = swap;
        }
        return queries;
    }

    private static void checkAnswers(List<Side> sides, long[] queries) {
        Side reference = sides.get(0);
        boolean[] expectedMembers = new boolean[queries.length];
        Carrier[] expectedCarriers = new Carrier[queries.length];
        reference.answer(queries, expectedMembers, expectedCarriers);
        boolean[] members = new boolean[queries.length];
        Carrier[] carriers = new Carrier[queries.length];
        for (Side side : sides) {
            if (side.members() != reference.members()) {
                throw new IllegalStateException(
                        side.name + " holds " + side.members() + " numbers, TeleReg " + reference.members());
            }
            side.answer(queries, members, carriers);
            for (int i = 0; i < queries.length; i++) {
                if (members[i] != expectedMembers[i] || carriers[i] != expectedCarriers[i]) {
                    throw new IllegalStateException(side.name + " answers " + members[i] + "/" + carriers[i]
                            + " for " + queries[i] + ", " + reference.name + " " + expectedMembers[i] + "/"
                            + expectedCarriers[i]);
                }
            }
        }
        System.out.printf(Locale.ROOT, "all sides agree on %,d queries%n", queries.length);
    }

    private interface SideFactory {
        Side create();
    }

    private static Side build(String name, SideFactory factory) {
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        long start = cpu.getCurrentThreadCpuTime();
        Side side = factory.create();
        side.name = name;
        side.buildSeconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "%s built in %.1f CPU-seconds%n", name, side.buildSeconds);
        return side;
    }

    private static double median(double[] rates) {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double min(double[] rates) {
        return Arrays.stream(rates).min().orElse(0);
    }

    private static double max(double[] rates) {
        return Arrays.stream(rates).max().orElse(0);
    }

    /** The block holder of every 7-digit prefix, as the engine's reference tables say; shared by every side. */
    private static final class Holders {
        final byte[] ordinals = new byte[1_000_000];
        final int[] allocated;

        Holders() {
            PhoneNumbers reference = PhoneNumbers.standard();
            int[] prefixes = new int[1_000_000];
            int n = 0;
            for (int prefix = 1_000_000; prefix < 2_000_000; prefix++) {
                Carrier holder = reference.lookup(prefix + "0000").carrier();
                ordinals[prefix - 1_000_000] = (byte) holder.ordinal();
                if (holder != Carrier.UNKNOWN) {
                    prefixes[n++] = prefix;
                }
            }
            allocated = Arrays.copyOf(prefixes, n);
        }

        Carrier holder(long number) {
            return CARRIERS[ordinals[(int) (number / 10_000) - 1_000_000]];
        }

        /** One of the three other operators, chosen from the number itself so a repeated number agrees. */
        int portTarget(long number) {
            long mixed = number * 0x9E3779B97F4A7C15L;
            return (holder(number).ordinal() + 1 + (int) ((mixed >>> 33) % 3)) & 3;
        }
    }

    private abstract static class Side {
        String name;
        double buildSeconds;

        abstract boolean contains(long number);

        abstract Carrier carrier(long number);

        /** Membership and carrier of every query, one call per query unless the side has bulk calls. */
        void answer(long[] queries, boolean[] members, Carrier[] carriers) {
            for (int i = 0; i < queries.length; i++) {
                members[i] = contains(queries[i]);
                carriers[i] = carrier(queries[i]);
            }
        }

        abstract long containsPass(long[] queries);

        abstract long carrierPass(long[] queries);

        abstract long members();

        abstract long ported();

        /** Bytes of the members alone. */
        abstract long membershipBytes();

        /** Bytes of the members, the ports and the block holders. */
        abstract long totalBytes();

        /** Serialised bytes of the members and ports, or -1 when the side has no serialised form. */
        abstract long serialisedBytes();
    }

    private static final class TeleRegSide extends Side {
        final NumberSet set;

        TeleRegSide(Holders holders, long[] numbers, long[] portedNumbers, byte[] portedTo) {
            NumberSet.Builder builder = NumberSet.builder().addAll(numbers);
            for (int i = 0; i < portedNumbers.length; i++) {
                builder.port(portedNumbers[i], OPERATORS[portedTo[i]]);
            }
            set = builder.build();
        }

        @Override
        boolean contains(long number) {
            return set.contains(number);
        }

        @Override
        Carrier carrier(long number) {
            return set.carrier(number);
        }

        @Override
        long containsPass(long[] queries) {
            long hits = 0;
            for (long query : queries) {
                if (set.contains(query)) {
                    hits++;
                }
            }
            return hits;
        }

        @Override
        long carrierPass(long[] queries) {
            long sum = 0;
            for (long query : queries) {
                Carrier carrier = set.carrier(query);
                sum += carrier == null ? 7 : carrier.ordinal();
            }
            return sum;
        }

        @Override
        long members() {
            return set.size();
        }

        @Override
        long ported() {
            return set.portedCount();
        }

        @Override
        long membershipBytes() {
            return set.sizeInBytes();
        }

        @Override
        long totalBytes() {
            return set.sizeInBytes();
        }

        @Override
        long serialisedBytes() {
            // A header of 32 bytes, then the arrays as they are in memory.
            return set.sizeInBytes() + 32;
        }
    }

    /** The same set as {@link TeleRegSide}, asked through the bulk calls over the whole query array. */
    private static final class TeleRegBulkSide extends Side {
        private final NumberSet set;
        private final boolean[] members;
        private final Carrier[] carriers;

        TeleRegBulkSide(NumberSet set, int queryCount) {
            this.set = set;
            members = new boolean[queryCount];
            carriers = new Carrier[queryCount];
        }

        @Override
        boolean contains(long number) {
            return set.contains(number);
        }

        @Override
        Carrier carrier(long number) {
            return set.carrier(number);
        }

        @Override
        void answer(long[] queries, boolean[] members, Carrier[] carriers) {
            set.contains(queries, members);
            set.carriers(queries, carriers);
        }

        @Override
        long containsPass(long[] queries) {
            return set.contains(queries, members);
        }

        @Override
        long carrierPass(long[] queries) {
            return set.carriers(queries, carriers);
        }

        @Override
        long members() {
            return set.size();
        }

        @Override
        long ported() {
            return set.portedCount();
        }

        @Override
        long membershipBytes() {
            return set.sizeInBytes();
        }

        @Override
        long totalBytes() {
            return set.sizeInBytes();
        }

        @Override
        long serialisedBytes() {
            return set.sizeInBytes() + 32;
        }
    }

    /**
     * Members in one 64-bit Roaring bitmap, ported numbers in a second, and in one more per operator a number
     * was ported to: a member costs one lookup more than a non-member, a ported member up to four more.
     */
    private static final class RoaringSide extends Side {
        private final Holders holders;
        private final Members members;
        private final Members ported;
        private final Members[] portedTo = new Members[OPERATORS.length];

        RoaringSide(Holders holders, long[] sorted, long[] portedNumbers, byte[] portedTo, boolean art) {
            this.holders = holders;
            members = art ? new ArtMembers() : new NavigableMembers();
            ported = art ? new ArtMembers() : new NavigableMembers();
            for (int c = 0; c < OPERATORS.length; c++) {
                this.portedTo[c] = art ? new ArtMembers() : new NavigableMembers();
            }
            for (long number : sorted) {
                members.add(number);
            }
            for (int i = 0; i < portedNumbers.length; i++) {
                if (portedTo[i] != holders.holder(portedNumbers[i]).ordinal()) {
                    ported.add(portedNumbers[i]);
                    this.portedTo[portedTo[i]].add(portedNumbers[i]);
                }
            }
            members.optimise();
            ported.optimise();
            for (Members to : this.portedTo) {
                to.optimise();
            }
        }

        @Override
        boolean contains(long number) {
            return members.contains(number);
        }

        @Override
        Carrier carrier(long number) {
            if (!members.contains(number)) {
                return null;
            }
            if (ported.contains(number)) {
                for (int c = 0; c < OPERATORS.length; c++) {
                    if (portedTo[c].contains(number)) {
                        return OPERATORS[c];
                    }
                }
            }
            return holders.holder(number);
        }

        @Override
        long containsPass(long[] queries) {
            long hits = 0;
            for (long query : queries) {
                if (members.contains(query)) {
                    hits++;
                }
            }
            return hits;
        }

        @Override
        long carrierPass(long[] queries) {
            long sum = 0;
            for (long query : queries) {
                Carrier carrier = carrier(query);
                sum += carrier == null ? 7 : carrier.ordinal();
            }
            return sum;
        }

        @Override
        long members() {
            return members.cardinality();
        }

        @Override
        long ported() {
            return ported.cardinality();
        }

        @Override
        long membershipBytes() {
            return members.bytes();
        }

        @Override
        long totalBytes() {
            long bytes = members.bytes() + ported.bytes() + holders.ordinals.length;
            for (Members to : portedTo) {
                bytes += to.bytes();
            }
            return bytes;
        }

        @Override
        long serialisedBytes() {
            long bytes = members.serialisedBytes() + ported.serialisedBytes();
            for (Members to : portedTo) {
                bytes += to.serialisedBytes();
            }
            return bytes + holders.ordinals.length;
        }
    }

    /** The two 64-bit Roaring bitmaps behind one face, so one side class times both. */
    private interface Members {
        void add(long number);

        boolean contains(long number);

        void optimise();

        long cardinality();

        long bytes();

        long serialisedBytes();
    }

    private static final class NavigableMembers implements Members {
        private final Roaring64NavigableMap map = new Roaring64NavigableMap();

        @Override
        public void add(long number) {
            map.addLong(number);
        }

        @Override
        public boolean contains(long number) {
            return map.contains(number);
        }

        @Override
        public void optimise() {
            map.runOptimize();
        }

        @Override
        public long cardinality() {
            return map.getLongCardinality();
        }

        @Override
        public long bytes() {
            return map.getLongSizeInBytes();
        }

        @Override
        public long serialisedBytes() {
            return map.serializedSizeInBytes();
        }
    }

    private static final class ArtMembers implements Members {
        private final Roaring64Bitmap bitmap = new Roaring64Bitmap();

        @Override
        public void add(long number) {
            bitmap.addLong(number);
        }

        @Override
        public boolean contains(long number) {
            return bitmap.contains(number);
        }

        @Override
        public void optimise() {
            bitmap.runOptimize();
        }

        @Override
        public long cardinality() {
            return bitmap.getLongCardinality();
        }

        @Override
        public long bytes() {
            return bitmap.getLongSizeInBytes();
        }

        @Override
        public long serialisedBytes() {
            return bitmap.serializedSizeInBytes();
        }
    }

    /**
     * Members in a {@code HashSet<Long>}, ports in a {@code HashMap<Long, Carrier>}. Its bytes are estimated:
     * with compressed references, a map node of 32 bytes and a {@code Long} of 16 per entry, and a 4-byte table
     * slot per bucket at the default load factor of 0.75.
     */
    private static final class HashSide extends Side {
        private final Holders holders;
        private final HashSet<Long> members;
        private final Map<Long, Carrier> ports;

        HashSide(Holders holders, long[] sorted, long[] portedNumbers, byte[] portedTo) {
            this.holders = holders;
            members = new HashSet<>((int) (sorted.length / 0.75f) + 1);
            for (long number : sorted) {
                members.add(number);
            }
            ports = new HashMap<>();
            for (int i = 0; i < portedNumbers.length; i++) {
                if (portedTo[i] != holders.holder(portedNumbers[i]).ordinal()) {
                    ports.put(portedNumbers[i], OPERATORS[portedTo[i]]);
                }
            }
        }

        static long estimatedBytes(long members, long ports) {
            return entriesBytes(members) + entriesBytes(ports) + 1_000_000;
        }

        private static long entriesBytes(long entries) {
            long buckets = Long.highestOneBit(Math.max(1, (long) (entries / 0.75)) * 2 - 1);
            return entries * (32 + 16) + buckets * 4;
        }

        @Override
        boolean contains(long number) {
            return members.contains(number);
        }

        @Override
        Carrier carrier(long number) {
            if (!members.contains(number)) {
                return null;
            }
            Carrier to = ports.get(number);
            return to != null ? to : holders.holder(number);
        }

        @Override
        long containsPass(long[] queries) {
            long hits = 0;
            for (long query : queries) {
                if (members.contains(query)) {
                    hits++;
                }
            }
            return hits;
        }

        @Override
        long carrierPass(long[] queries) {
            long sum = 0;
            for (long query : queries) {
                Carrier carrier = carrier(query);
                sum += carrier == null ? 7 : carrier.ordinal();
            }
            return sum;
        }

        @Override
        long members() {
            return members.size();
        }

        @Override
        long ported() {
            return ports.size();
        }

        @Override
        long membershipBytes() {
            return entriesBytes(members.size());
        }

        @Override
        long totalBytes() {
            return estimatedBytes(members.size(), ports.size());
        }

        @Override
        long serialisedBytes() {
            return -1;
        }
    }
}

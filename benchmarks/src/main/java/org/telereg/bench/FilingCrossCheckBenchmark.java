package org.telereg.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.telereg.engine.filing.CrossCheck;
import org.telereg.engine.filing.HostingFinding;

/**
 * The access-provider cross-check at register scale: 10^6 domain filings and 10^6 IP-range filings spread
 * over access providers, then every provider's hosted lists (10^6 domains and 10^6 IPs in all) checked
 * against them. Each hosted entry is generated with the finding it must produce (none, unfiled, filed with
 * another provider or unit, invalid), and the findings reported are compared with those, entry by entry.
 *
 * <p>Usage: {@code java -Xmx4g -cp ... org.telereg.bench.FilingCrossCheckBenchmark [filings] [hosted]
 * [providers]}.
 */
public final class FilingCrossCheckBenchmark {

    private static final long SEED = 20261202L;
    private static final String[] SYLLABLES = {
        "bai", "du", "tao", "bao", "jing", "dong", "xin", "lang", "sou", "hu", "wang", "yi", "teng", "xun", "ali",
        "yun", "hua", "wei", "mi", "zhi", "hu", "dou", "yin", "kuai", "shou", "mei", "tuan", "pin", "duo", "bili", "ke",
        "ji", "shu", "ju", "ren", "min", "zheng", "fu", "gong", "si", "jiao", "yu", "yi", "liao", "lv", "you"
    };
    private static final String[] TOP_LEVELS = {"com", "cn", "com.cn", "net", "net.cn", "org.cn", "top", "vip"};
    private static final String[] HANZI = {"中", "国", "网", "科", "技", "北", "京", "上", "海", "广", "州", "云", "数", "据"};

    private FilingCrossCheckBenchmark() {}

    public static void main(String[] args) {
        int filings = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int hosted = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int providers = args.length > 2 ? Integer.parseInt(args[2]) : 40;
        SplittableRandom random = new SplittableRandom(SEED);
        System.out.printf(
                Locale.ROOT,
                "java %s, %d cores%n",
                System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());

        String[] domains = new String[filings];
        int[] domainProvider = new int[filings];
        for (int i = 0; i < filings; i++) {
            domains[i] = i % 50 == 0 ? chineseName(random, i) : asciiName(random, i);
            domainProvider[i] = random.nextInt(providers);
        }
        // Each unit's IP filing: an aligned block or an unaligned run inside one of the ISPs' /16s; the user
        // is an access provider (the first providers) or a sponsor (numbers past them); the ISP is 0–2.
        long[] first = new long[filings];
        long[] last = new long[filings];
        int[] rangeUser = new int[filings];
        int[] rangeIsp = new int[filings];
        long cursor = 36L << 24;
        for (int i = 0; i < filings; i++) {
            int length = random.nextInt(4) == 0 ? 32 : random.nextInt(24, 30);
            long size = 1L << (32 - length);
            cursor = (cursor + size - 1) / size * size + size * random.nextInt(0, 3);
            first[i] = cursor;
            last[i] = random.nextInt(5) == 0 ? cursor + random.nextLong(size) : cursor + size - 1;
            cursor = last[i] + 1;
            rangeUser[i] = random.nextInt(3) == 0 ? random.nextInt(providers) : providers + i;
            rangeIsp[i] = random.nextInt(3);
        }

        long heapBefore = usedHeapMb();
        long started = cpuNanos();
        CrossCheck.Builder builder = CrossCheck.builder();
        for (int i = 0; i < filings; i++) {
            builder.filedDomain(domains[i], domainProvider[i]);
        }
        for (int i = 0; i < filings; i++) {
            builder.filedIpRange(text(first[i]), text(last[i]), rangeUser[i], rangeIsp[i]);
        }
        CrossCheck check = builder.build();
        double buildSeconds = seconds(started);
        // Dropped so that the heap figure counts the cross-check alone, not the builder's maps.
        builder = null;
        System.out.printf(
                Locale.ROOT,
                "built from %,d domain and %,d IP-range filings in %.2f CPU-s (%,.0f filings/s), holding %,d MB of heap%n",
                filings,
                filings,
                buildSeconds,
                2 * filings / buildSeconds,
                usedHeapMb() - heapBefore);

        List<List<String>> hostedDomains = new ArrayList<>();
        List<List<HostingFinding.Kind>> expectedDomains = new ArrayList<>();
        List<List<String>> hostedIps = new ArrayList<>();
        List<List<HostingFinding.Kind>> expectedIps = new ArrayList<>();
        for (int p = 0; p < providers; p++) {
            hostedDomains.add(new ArrayList<>());
            expectedDomains.add(new ArrayList<>());
            hostedIps.add(new ArrayList<>());
            expectedIps.add(new ArrayList<>());
        }
        for (int n = 0; n < hosted; n++) {
            int f = random.nextInt(filings);
            int kind = random.nextInt(100);
            int provider;
            String domain;
            HostingFinding.Kind expected = null;
            if (kind < 75) {
                provider = domainProvider[f];
                domain = random.nextBoolean() ? domains[f] : "www." + domains[f];
            } else if (kind < 85) {
                provider = (domainProvider[f] + 1 + random.nextInt(providers - 1)) % providers;
                domain = "m." + domains[f];
                expected = HostingFinding.Kind.DOMAIN_FILED_WITH_OTHER_PROVIDER;
            } else if (kind < 98) {
                provider = random.nextInt(providers);
                // .org is never filed here, so these are unfiled by construction.
                domain = asciiName(random, n) + ".org";
                expected = HostingFinding.Kind.UNFILED_DOMAIN;
            } else {
                provider = random.nextInt(providers);
                domain = random.nextBoolean() ? "bad_name" + n + ".cn" : "http://" + domains[f];
                expected = HostingFinding.Kind.INVALID_DOMAIN;
            }
            hostedDomains.get(provider).add(domain);
            expectedDomains.get(provider).add(expected);

            int r = random.nextInt(filings);
            kind = random.nextInt(100);
            String ip;
            expected = null;
            if (kind < 60 && rangeUser[r] < providers) {
                provider = rangeUser[r];
                ip = text(random.nextLong(first[r], last[r] + 1));
            } else if (kind < 75) {
                provider = rangeIsp[r];
                ip = text(random.nextLong(first[r], last[r] + 1));
            } else if (kind < 85) {
                provider = 3 + random.nextInt(providers - 3);
                ip = text(random.nextLong(first[r], last[r] + 1));
                if (rangeUser[r] != provider) {
                    expected = HostingFinding.Kind.IP_FILED_BY_OTHER;
                }
            } else if (kind < 98) {
                provider = random.nextInt(providers);
                // 200.0.0.0/8 is below no filing.
                ip = text((200L << 24) + random.nextInt(1 << 24));
                expected = HostingFinding.Kind.UNFILED_IP;
            } else {
                provider = random.nextInt(providers);
                ip = text(random.nextLong(first[r], last[r] + 1)) + ".1";
                expected = HostingFinding.Kind.INVALID_IP;
            }
            if (expected == null && provider != rangeUser[r] && provider != rangeIsp[r]) {
                expected = HostingFinding.Kind.IP_FILED_BY_OTHER;
            }
            hostedIps.get(provider).add(ip);
            expectedIps.get(provider).add(expected);
        }

        // One untimed pass warms the code up and compares the findings with what each entry must produce.
        Tally domainTally = check(check, hostedDomains, expectedDomains, true);
        Tally ipTally = check(check, hostedIps, expectedIps, false);
        System.out.printf(Locale.ROOT, "domain findings %s, wrong %,d%n", domainTally.counts, domainTally.wrong);
        System.out.printf(Locale.ROOT, "IP findings %s, wrong %,d%n", ipTally.counts, ipTally.wrong);

        started = cpuNanos();
        check(check, hostedDomains, expectedDomains, true);
        double domainSeconds = seconds(started);
        started = cpuNanos();
        check(check, hostedIps, expectedIps, false);
        double ipSeconds = seconds(started);
        System.out.printf(
                Locale.ROOT,
                "checked %,d hosted domains in %.3f CPU-s: %,.0f entries/s%n",
                hosted,
                domainSeconds,
                hosted / domainSeconds);
        System.out.printf(
                Locale.ROOT,
                "checked %,d hosted IPs in %.3f CPU-s: %,.0f entries/s%n",
                hosted,
                ipSeconds,
                hosted / ipSeconds);
        if (domainTally.wrong + ipTally.wrong > 0) {
            throw new IllegalStateException((domainTally.wrong + ipTally.wrong) + " entries reported wrongly");
        }
    }

    private static Tally check(
            CrossCheck check, List<List<String>> hosted, List<List<HostingFinding.Kind>> expected, boolean domains) {
        Tally tally = new Tally();
        for (int provider = 0; provider < hosted.size(); provider++) {
            List<String> list = hosted.get(provider);
            List<HostingFinding.Kind> kinds = expected.get(provider);
            List<HostingFinding> findings = new ArrayList<>();
            if (domains) {
                check.checkDomains(provider, list, findings::add);
            } else {
                check.checkIps(provider, list, findings::add);
            }
            // Findings arrive in list order: walk both lists together.
            int next = 0;
            for (int i = 0; i < list.size(); i++) {
                HostingFinding finding =
                        next < findings.size() && findings.get(next).value() == list.get(i)
                                ? findings.get(next++)
                                : null;
                HostingFinding.Kind kind = finding == null ? null : finding.kind();
                if (kind != kinds.get(i)) {
                    tally.wrong++;
                }
                if (kind != null) {
                    tally.counts.merge(kind, 1L, Long::sum);
                }
            }
        }
        return tally;
    }

    private static final class Tally {
        final Map<HostingFinding.Kind, Long> counts = new EnumMap<>(HostingFinding.Kind.class);
        long wrong;
    }

    private static String asciiName(SplittableRandom random, int serial) {
        StringBuilder name = new StringBuilder();
        int syllables = random.nextInt(1, 4);
        for (int s = 0; s < syllables; s++) {
            name.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        }
        // The serial keeps names distinct, as the register's are.
        return name.append(Integer.toString(serial, 36))
                .append('.')
                .append(TOP_LEVELS[random.nextInt(TOP_LEVELS.length)])
                .toString();
    }

    private static String chineseName(SplittableRandom random, int serial) {
        StringBuilder name = new StringBuilder();
        for (int s = 0; s < 2; s++) {
            name.append(HANZI[random.nextInt(HANZI.length)]);
        }
        return name.append(serial).append(random.nextBoolean() ? ".中国" : ".cn").toString();
    }

    private static String text(long address) {
        return (address >>> 24) + "." + ((address >>> 16) & 255) + "." + ((address >>> 8) & 255) + "."
                + (address & 255);
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
}

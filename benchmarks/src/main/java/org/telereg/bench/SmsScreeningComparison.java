package org.telereg.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.telereg.engine.sms.KeywordGroup;
import org.telereg.engine.sms.KeywordMatcher;
import org.telereg.engine.sms.LabelledSms;
import org.telereg.engine.sms.SmsCategory;
import org.telereg.engine.sms.SmsModelTrainer;
import org.telereg.engine.sms.SmsScreener;
import org.telereg.engine.sms.TextNormaliser;

/**
 * Matches the same keyword set against the same messages with TeleReg's {@link KeywordMatcher} and with hankcs'
 * {@code AhoCorasickDoubleArrayTrie} ({@code parseText(char[], IHit)} with a collector that, like TeleReg, reports
 * each matched keyword once per message), checks that both find the same keywords in every message, and prints
 * messages per second, characters per second and their ratio; then measures whole screening (normalise, match the
 * shipped keyword groups, classify) on one thread.
 *
 * <p>Two keyword sets are compared, each keyword its own group, up to the requested number: (1) every keyword of
 * the shipped list plus substrings of 3 to 6 characters of the corpus, drawn with a fixed seed, which hit often
 * because they are cut from the same corpus as the messages; (2) every keyword of the shipped list plus phrases
 * joining keywords of two terms of one group, a list shaped like a regulator's that hits as rarely as one. Messages are 70-character windows
 * of corpus messages (short ones joined), drawn with a fixed seed; the matchers get them normalised, screening
 * gets them as written.
 *
 * <p>Usage: {@code java -cp benchmarks/target/telereg-benchmarks.jar org.telereg.bench.SmsScreeningComparison
 * [corpus.tsv ...] [--messages n] [--keywords n] [--passes n]}; the corpus defaults to {@code
 * ../shared/data/sms/zh-train.tsv} and {@code ../shared/data/sms/uci-SMSSpamCollection.tsv}.
 */
public final class SmsScreeningComparison {

    private static final long SEED = 20261128L;
    private static final int MESSAGE_LENGTH = 70;
    private static final int WARM_UP_PASSES = 2;
    // The machine may be shared: besides wall time, every figure is also given per second of this thread's CPU
    // time, which is what "per core" means when other processes take turns on the same cores.
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** The corpora when none are given, relative to the repository root. */
    static final List<Path> DEFAULT_CORPORA = List.of(
            Path.of("..", "shared", "data", "sms", "zh-train.tsv"),
            Path.of("..", "shared", "data", "sms", "uci-SMSSpamCollection.tsv"));

    private SmsScreeningComparison() {}

    /** The message texts of the labelled corpora, in order; a corpus that is not there is named. */
    static List<String> texts(List<Path> corpora) throws IOException {
        List<String> texts = new ArrayList<>();
        for (Path corpus : corpora) {
            if (!Files.isRegularFile(corpus)) {
                throw new NoSuchFileException(
                        corpus.toAbsolutePath().normalize().toString(),
                        null,
                        "corpus not found (relative paths are read from the repository root)");
            }
            for (LabelledSms m : SmsModelTrainer.readCorpus(corpus)) {
                texts.add(m.text());
            }
        }
        return texts;
    }

    /** The messages as the matchers get them: normalised. */
    static char[][] normalised(String[] raw) {
        TextNormaliser normaliser = TextNormaliser.standard();
        char[][] normalised = new char[raw.length][];
        for (int i = 0; i < raw.length; i++) {
            normalised[i] = normaliser.normalise(raw[i]).toCharArray();
        }
        return normalised;
    }

    public static void main(String[] args) throws IOException {
        List<Path> corpora = new ArrayList<>();
        int messageCount = 1_000_000;
        int keywordCount = 5_000;
        int passes = 5;
        boolean screeningOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--screening-only" -> screeningOnly = true;
                case "--messages" -> messageCount = Integer.parseInt(args[++i]);
                case "--keywords" -> keywordCount = Integer.parseInt(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> corpora.add(Path.of(args[i]));
            }
        }
        if (corpora.isEmpty()) {
            corpora.addAll(DEFAULT_CORPORA);
        }
        List<String> texts;
        try {
            texts = texts(corpora);
        } catch (NoSuchFileException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        String[] raw = messages(texts, messageCount);
        char[][] normalised = normalised(raw);
        long rawChars = 0;
        long normalisedChars = 0;
        for (int i = 0; i < raw.length; i++) {
            rawChars += raw[i].length();
            normalisedChars += normalised[i].length;
        }
        if (screeningOnly) {
            screen(raw, rawChars, passes);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%,d messages of %d characters (%,.1f after normalisation on average)%n%n",
                raw.length,
                MESSAGE_LENGTH,
                (double) normalisedChars / raw.length);
        compareMatchers(
                "keyword set 1: the shipped list plus random 3- to 6-character corpus substrings",
                keywords(texts, keywordCount, 3, 6),
                normalised,
                normalisedChars,
                passes);
        compareMatchers(
                "keyword set 2: the shipped list plus phrases joining keywords of two terms of one group",
                listPhrases(keywordCount),
                normalised,
                normalisedChars,
                passes);

        // Screening runs in a JVM of its own, as JMH forks each benchmark: in this one the matchers'
        // 5,000-keyword automata have already shaped what the JIT compiled for the shared automaton code.
        System.out.println();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                SmsScreeningComparison.class.getName(),
                "--screening-only"));
        command.addAll(List.of(args));
        try {
            int exit = new ProcessBuilder(command).inheritIO().start().waitFor();
            if (exit != 0) {
                System.err.println("screening run failed with exit code " + exit);
                System.exit(exit);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whole screening of the raw messages on one thread, then screening with reasons on the first 100,000. */
    private static void screen(String[] raw, long rawChars, int passes) {
        SmsScreener screener = SmsScreener.standard();
        double[][] screening = new double[2][passes];
        int[] counts = new int[SmsCategory.values().length];
        for (int pass = -WARM_UP_PASSES; pass < passes; pass++) {
            Arrays.fill(counts, 0);
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            for (String message : raw) {
                counts[screener.categoryOf(message).ordinal()]++;
            }
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            if (pass >= 0) {
                screening[0][pass] = (t1 - t0) / 1e9;
                screening[1][pass] = (c1 - c0) / 1e9;
            }
        }
        report("whole screening, one thread (normalise + match + classify)", raw.length, rawChars, screening);
        System.out.printf(Locale.ROOT, "  verdicts: normal %,d, ad %,d, fraud %,d%n", counts[0], counts[1], counts[2]);
        int withReasons = Math.min(raw.length, 100_000);
        for (int pass = -1; pass < 1; pass++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long reasonChars = 0;
            for (int i = 0; i < withReasons; i++) {
                reasonChars += screener.screen(raw[i]).reasons().length();
            }
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            if (pass == 0) {
                report(
                        "screening with reasons (entities, top n-grams), one thread",
                        withReasons,
                        (long) withReasons * MESSAGE_LENGTH,
                        new double[][] {{(t1 - t0) / 1e9}, {(c1 - c0) / 1e9}});
                System.out.printf(
                        Locale.ROOT, "  %.1f characters of reasons per message%n", (double) reasonChars / withReasons);
            }
        }
    }

    /** Checks both matchers on one keyword set and prints their rates and ratio. */
    private static void compareMatchers(
            String title, List<String> keywords, char[][] normalised, long normalisedChars, int passes) {
        System.out.printf(Locale.ROOT, "%s: %,d keywords%n", title, keywords.size());
        KeywordMatching matching = new KeywordMatching(keywords);
        matching.compare(normalised);

        double[][] teleReg = new double[2][passes];
        double[][] hankcs = new double[2][passes];
        for (int pass = -WARM_UP_PASSES; pass < passes; pass++) {
            long t0 = System.nanoTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long a = matching.teleRegPass(normalised);
            long t1 = System.nanoTime();
            long c1 = THREADS.getCurrentThreadCpuTime();
            long b = matching.hankcsPass(normalised);
            long t2 = System.nanoTime();
            long c2 = THREADS.getCurrentThreadCpuTime();
            if (a != b) {
                throw new AssertionError("Matchers disagree on the number of matches: " + a + " vs " + b);
            }
            if (pass >= 0) {
                teleReg[0][pass] = (t1 - t0) / 1e9;
                teleReg[1][pass] = (c1 - c0) / 1e9;
                hankcs[0][pass] = (t2 - t1) / 1e9;
                hankcs[1][pass] = (c2 - c1) / 1e9;
            }
        }
        report("TeleReg KeywordMatcher", normalised.length, normalisedChars, teleReg);
        report("hankcs AhoCorasickDoubleArrayTrie 1.2.3", normalised.length, normalisedChars, hankcs);
        System.out.printf(
                Locale.ROOT,
                "keyword matching, ratio TeleReg / hankcs: %.2fx wall, %.2fx CPU%n%n",
                median(hankcs[0]) / median(teleReg[0]),
                median(hankcs[1]) / median(teleReg[1]));
    }

    /**
     * The shipped list's keywords, then phrases made of two keywords from different terms of one group (e.g. {@code
     * 公安} and {@code 安全账户} of {@code auth.safe-account} give {@code 公安安全账户}), drawn with a fixed seed, up to
     * {@code count}: a list shaped like a regulator's, larger than the shipped one, whose keywords occur as rarely
     * in traffic as a list's do.
     */
    static List<String> listPhrases(int count) {
        TextNormaliser normaliser = TextNormaliser.standard();
        Set<String> keywords = new LinkedHashSet<>();
        List<KeywordGroup> multiTerm = new ArrayList<>();
        for (KeywordGroup group : KeywordMatcher.standard().groups()) {
            for (List<String> term : group.terms()) {
                for (String keyword : term) {
                    keywords.add(normaliser.normalise(keyword));
                }
            }
            if (group.terms().size() > 1) {
                multiTerm.add(group);
            }
        }
        SplittableRandom random = new SplittableRandom(SEED + 2);
        for (long attempts = 0; keywords.size() < count && attempts < 100L * count; attempts++) {
            KeywordGroup group = multiTerm.get(random.nextInt(multiTerm.size()));
            int first = random.nextInt(group.terms().size());
            int second = (first + 1 + random.nextInt(group.terms().size() - 1))
                    % group.terms().size();
            List<String> a = group.terms().get(first);
            List<String> b = group.terms().get(second);
            keywords.add(normaliser.normalise(a.get(random.nextInt(a.size())) + b.get(random.nextInt(b.size()))));
        }
        return new ArrayList<>(keywords).subList(0, Math.min(count, keywords.size()));
    }

    /** 70-character windows of random corpus messages; shorter messages are joined with the next drawn. */
    static String[] messages(List<String> texts, int count) {
        SplittableRandom random = new SplittableRandom(SEED);
        String[] messages = new String[count];
        StringBuilder message = new StringBuilder(2 * MESSAGE_LENGTH);
        for (int i = 0; i < count; i++) {
            message.setLength(0);
            while (message.length() < MESSAGE_LENGTH) {
                String text = texts.get(random.nextInt(texts.size()));
                if (message.length() == 0 && text.length() > MESSAGE_LENGTH) {
                    int start = random.nextInt(text.length() - MESSAGE_LENGTH + 1);
                    message.append(text, start, start + MESSAGE_LENGTH);
                } else {
                    message.append(text);
                }
            }
            message.setLength(MESSAGE_LENGTH);
            messages[i] = message.toString();
        }
        return messages;
    }

    /** The shipped list's keywords, then corpus substrings of 2 to 6 characters, normalised and distinct. */
    static List<String> keywords(List<String> texts, int count, int minLength, int maxLength) {
        TextNormaliser normaliser = TextNormaliser.standard();
        Set<String> keywords = new LinkedHashSet<>();
        for (KeywordGroup group : KeywordMatcher.standard().groups()) {
            for (List<String> term : group.terms()) {
                for (String keyword : term) {
                    keywords.add(normaliser.normalise(keyword));
                }
            }
        }
        SplittableRandom random = new SplittableRandom(SEED + 1);
        while (keywords.size() < count) {
            String text = normaliser.normalise(texts.get(random.nextInt(texts.size())));
            int length = minLength + random.nextInt(maxLength - minLength + 1);
            if (text.length() < length) {
                continue;
            }
            int start = random.nextInt(text.length() - length + 1);
            // Normalised again on its own, the form KeywordMatcher gives every keyword: "t i" cut out of "it is"
            // becomes "ti".
            String keyword = normaliser.normalise(text.substring(start, start + length));
            if (keyword.length() >= minLength) {
                keywords.add(keyword);
            }
        }
        return new ArrayList<>(keywords).subList(0, count);
    }

    /** Prints rates from the median wall seconds ({@code seconds[0]}) and CPU seconds ({@code seconds[1]}). */
    private static void report(String what, int messages, long chars, double[][] seconds) {
        double wall = median(seconds[0]);
        double cpu = median(seconds[1]);
        System.out.printf(
                Locale.ROOT,
                "%s%n  wall: %,12.0f messages/s %,14.0f chars/s%n  CPU:  %,12.0f messages/s %,14.0f chars/s%n",
                what,
                messages / wall,
                chars / wall,
                messages / cpu,
                chars / cpu);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}

package org.telereg.bench;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Keyword matching per message, TeleReg's {@code KeywordMatcher} against hankcs' trie, under JMH: the keyword sets
 * and 70-character messages of {@link SmsScreeningComparison} (5,000 keywords, {@value #MESSAGES} messages), both
 * matchers checked to find the same keywords in every message first. Reports nanoseconds per message; a forked JVM
 * per keyword set and matcher, so neither's compiled code is shaped by the other's.
 *
 * <p>Run from the repository root (the corpus is {@code ../shared/data/sms}): {@code java -jar
 * benchmarks/target/telereg-benchmarks.jar jmh KeywordMatching}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@OperationsPerInvocation(KeywordMatchingBenchmark.MESSAGES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KeywordMatchingBenchmark {

    static final int MESSAGES = 100_000;
    private static final int KEYWORDS = 5_000;

    /** Set 1 (corpus substrings, hits often) or set 2 (a list's phrases, hits rarely). */
    @Param({"corpus-substrings", "list-phrases"})
    public String keywords;

    private char[][] messages;
    private KeywordMatching matching;

    @Setup
    public void setUp() throws IOException {
        List<String> texts = SmsScreeningComparison.texts(SmsScreeningComparison.DEFAULT_CORPORA);
        messages = SmsScreeningComparison.normalised(SmsScreeningComparison.messages(texts, MESSAGES));
        matching = new KeywordMatching(
                switch (keywords) {
                    case "corpus-substrings" -> SmsScreeningComparison.keywords(texts, KEYWORDS, 3, 6);
                    case "list-phrases" -> SmsScreeningComparison.listPhrases(KEYWORDS);
                    default -> throw new IllegalArgumentException("Unknown keyword set: " + keywords);
                });
        matching.compare(messages);
    }

    @Benchmark
    public long teleReg() {
        return matching.teleRegPass(messages);
    }

    @Benchmark
    public long hankcs() {
        return matching.hankcsPass(messages);
    }
}

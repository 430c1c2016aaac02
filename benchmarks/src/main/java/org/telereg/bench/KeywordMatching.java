package org.telereg.bench;

import com.hankcs.algorithm.AhoCorasickDoubleArrayTrie;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import org.telereg.engine.sms.KeywordGroup;
import org.telereg.engine.sms.KeywordMatcher;
import org.telereg.engine.sms.SmsCategory;

/**
 * TeleReg's {@link KeywordMatcher} and hankcs' {@code AhoCorasickDoubleArrayTrie} over one keyword set, each keyword
 * its own group, both answering which keywords a message holds (each once); used by {@link SmsScreeningComparison}
 * and {@link KeywordMatchingBenchmark}.
 */
final class KeywordMatching {
    private final KeywordMatcher teleReg;
    private final AhoCorasickDoubleArrayTrie<Integer> hankcs = new AhoCorasickDoubleArrayTrie<>();
    private final int[] matched;
    // hankcs reports every occurrence; stamping each keyword with the message number reports it once per
    // message, as TeleReg does.
    private final int[] stamp;
    private int message;
    private int hankcsMatched;

    KeywordMatching(List<String> keywords) {
        List<KeywordGroup> groups = new ArrayList<>(keywords.size());
        TreeMap<String, Integer> values = new TreeMap<>();
        for (int k = 0; k < keywords.size(); k++) {
            groups.add(new KeywordGroup("k" + k, SmsCategory.FRAUD, "", 1, List.of(List.of(keywords.get(k)))));
            values.put(keywords.get(k), k);
        }
        long t0 = System.nanoTime();
        teleReg = KeywordMatcher.of(groups);
        long t1 = System.nanoTime();
        hankcs.build(values);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "build: TeleReg %.0f ms, hankcs %.0f ms%n", (t1 - t0) / 1e6, (t2 - t1) / 1e6);
        matched = new int[keywords.size()];
        stamp = new int[keywords.size()];
        Arrays.fill(stamp, -1);
    }

    /** Checks that both matchers find the same keywords in every message. */
    void compare(char[][] messages) {
        long total = 0;
        for (int i = 0; i < messages.length; i++) {
            int n = teleReg.match(messages[i], messages[i].length, matched);
            int[] a = Arrays.copyOf(matched, n);
            List<Integer> found = new ArrayList<>();
            message = i;
            hankcs.parseText(messages[i], (begin, end, value) -> {
                if (stamp[value] != message) {
                    stamp[value] = message;
                    found.add(value);
                }
            });
            int[] b = found.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(a);
            Arrays.sort(b);
            if (!Arrays.equals(a, b)) {
                throw new AssertionError("Matchers disagree on message " + i + ": " + new String(messages[i])
                        + "\nTeleReg " + Arrays.toString(a) + "\nhankcs " + Arrays.toString(b));
            }
            total += n;
        }
        Arrays.fill(stamp, -1);
        System.out.printf(
                Locale.ROOT,
                "both matchers find the same keywords in all %,d messages (%.2f distinct keywords per message)%n",
                messages.length,
                (double) total / messages.length);
    }

    long teleRegPass(char[][] messages) {
        long total = 0;
        for (char[] m : messages) {
            total += teleReg.match(m, m.length, matched);
        }
        return total;
    }

    long hankcsPass(char[][] messages) {
        hankcsMatched = 0;
        for (int i = 0; i < messages.length; i++) {
            message = i;
            hankcs.parseText(messages[i], this::hit);
        }
        Arrays.fill(stamp, -1);
        return hankcsMatched;
    }

    private void hit(int begin, int end, Integer value) {
        int k = value;
        if (stamp[k] != message) {
            stamp[k] = message;
            matched[hankcsMatched % matched.length] = k;
            hankcsMatched++;
        }
    }
}

package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class KeywordMatcherTests {

    @Test
    void matchesAGroupOnlyWhenEveryTermOccurs() {
        KeywordMatcher matcher = KeywordMatcher.parse(
                "g1\tfraud\timpersonate_authority\t3\t公安|警官 & 安全账户\n" + "g2\tad\tpromotion\t1\t退订\n");
        assertThat(ids(matcher, "我是公安局警官请转到安全账户")).containsExactly("g1");
        assertThat(ids(matcher, "我是公安局警官")).isEmpty();
        assertThat(ids(matcher, "全场五折 回T退订")).containsExactly("g2");
    }

    @Test
    void matchesKeywordsWrittenTraditionalOrSpacedOnceNormalised() {
        KeywordMatcher matcher = KeywordMatcher.parse("g\tfraud\tbank\t2\t轉帳\n");
        TextNormaliser n = TextNormaliser.standard();
        assertThat(matcher.match(n.normalise("请 转 账 给我"))).hasSize(1);
        assertThat(matcher.match(n.normalise("請轉帳"))).hasSize(1);
    }

    @Test
    void shippedListMatchesTypicalFraud() {
        KeywordMatcher matcher = KeywordMatcher.standard();
        assertThat(matcher.groups()).hasSizeGreaterThan(150);
        String text = TextNormaliser.standard().normalise("您好，我是市公安局民警，您涉嫌洗钱，请将资金转入安全账户配合清查");
        assertThat(matcher.match(text)).extracting(KeywordGroup::id).contains("auth.safe-account");
    }

    @Test
    void shippedListAgreesWithContainsOnCommittedExamples() throws Exception {
        KeywordMatcher matcher = KeywordMatcher.standard();
        TextNormaliser n = TextNormaliser.standard();
        for (String[] example : SmsScreenerTests.examples()) {
            String text = n.normalise(example[1]);
            Set<String> expected = new HashSet<>();
            for (KeywordGroup group : matcher.groups()) {
                boolean all = true;
                for (List<String> term : group.terms()) {
                    all &= term.stream().anyMatch(k -> text.contains(n.normalise(k)));
                }
                if (all) {
                    expected.add(group.id());
                }
            }
            assertThat(new HashSet<>(ids(matcher, example[1])))
                    .as("groups of '%s'", text)
                    .isEqualTo(expected);
        }
    }

    @Test
    void reportsTheLineOfAMalformedGroup() {
        assertThatThrownBy(() -> KeywordMatcher.parse("# list\ng1\tfraud\tx\t1\t公安\ng2\tfraud\tx\tone\t警官\n"))
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> KeywordMatcher.parse("g1\tspam?\tx\t1\t公安\n")).hasMessageContaining("line 1");
        assertThatThrownBy(() -> KeywordMatcher.parse("g1\tfraud\tx\t1\t公安|！！\n"))
                .hasMessageContaining("empty once normalised");
    }

    @Test
    void agreesWithIndexOfOverEveryKeywordOnRandomText() {
        SplittableRandom random = new SplittableRandom(20261128L);
        String alphabet = "安全账户公警官转钱银行卡号abcx01";
        for (int round = 0; round < 200; round++) {
            List<KeywordGroup> groups = new ArrayList<>();
            int groupCount = 1 + random.nextInt(40);
            for (int g = 0; g < groupCount; g++) {
                List<List<String>> terms = new ArrayList<>();
                int termCount = 1 + random.nextInt(3);
                for (int t = 0; t < termCount; t++) {
                    List<String> alternatives = new ArrayList<>();
                    int alternativeCount = 1 + random.nextInt(3);
                    for (int a = 0; a < alternativeCount; a++) {
                        alternatives.add(randomText(random, alphabet, 1 + random.nextInt(4)));
                    }
                    terms.add(alternatives);
                }
                groups.add(new KeywordGroup("g" + g, SmsCategory.FRAUD, "", 1, terms));
            }
            KeywordMatcher matcher = KeywordMatcher.of(groups);
            for (int m = 0; m < 20; m++) {
                String text = randomText(random, alphabet, random.nextInt(60));
                Set<String> expected = new HashSet<>();
                int expectedOccurrences = 0;
                Set<String> distinctKeywords = new HashSet<>();
                for (KeywordGroup group : groups) {
                    boolean all = true;
                    for (List<String> term : group.terms()) {
                        all &= term.stream().anyMatch(text::contains);
                        distinctKeywords.addAll(term);
                    }
                    if (all) {
                        expected.add(group.id());
                    }
                }
                for (String keyword : distinctKeywords) {
                    for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                        expectedOccurrences++;
                    }
                }
                Set<String> actual = new HashSet<>(ids(matcher, text));
                assertThat(actual)
                        .as("groups of text '%s' with groups %s", text, groups)
                        .isEqualTo(expected);
                assertThat(matcher.countOccurrences(text))
                        .as("occurrences in text '%s' with groups %s", text, groups)
                        .isEqualTo(expectedOccurrences);
            }
        }
    }

    @Test
    void agreesWithIndexOfOnKeywordsLongerThanTheAutomatonAndOnLongTexts() {
        // Keywords up to 14 characters (deeper than KeywordAutomaton.DEPTH) and texts up to 300 characters, so that
        // occurrences straddle the 64-position blocks and the four parts the scan cuts a block into, and long
        // keywords are verified.
        SplittableRandom random = new SplittableRandom(20261202L);
        String alphabet = "安全账户公警官转钱abx0";
        for (int round = 0; round < 300; round++) {
            List<KeywordGroup> groups = new ArrayList<>();
            int groupCount = 1 + random.nextInt(30);
            for (int g = 0; g < groupCount; g++) {
                List<List<String>> terms = new ArrayList<>();
                int termCount = 1 + random.nextInt(2);
                for (int t = 0; t < termCount; t++) {
                    List<String> alternatives = new ArrayList<>();
                    int alternativeCount = 1 + random.nextInt(2);
                    for (int a = 0; a < alternativeCount; a++) {
                        int length = random.nextInt(4) == 0 ? 9 + random.nextInt(6) : 1 + random.nextInt(5);
                        alternatives.add(randomText(random, alphabet.substring(0, 3 + random.nextInt(8)), length));
                    }
                    terms.add(alternatives);
                }
                groups.add(new KeywordGroup("g" + g, SmsCategory.FRAUD, "", 1, terms));
            }
            KeywordMatcher matcher = KeywordMatcher.of(groups);
            for (int m = 0; m < 10; m++) {
                StringBuilder built = new StringBuilder();
                int length = random.nextInt(300);
                while (built.length() < length) {
                    // Mostly keywords of the set, so that long ones occur whole.
                    KeywordGroup g = groups.get(random.nextInt(groups.size()));
                    List<String> term = g.terms().get(random.nextInt(g.terms().size()));
                    built.append(
                            random.nextInt(3) == 0
                                    ? randomText(random, alphabet, 1 + random.nextInt(4))
                                    : term.get(random.nextInt(term.size())));
                }
                String text = built.toString();
                List<String> expected = new ArrayList<>();
                List<Integer> firstEnds = new ArrayList<>();
                Set<String> distinctKeywords = new HashSet<>();
                for (KeywordGroup group : groups) {
                    boolean all = true;
                    int firstEnd = Integer.MAX_VALUE;
                    for (List<String> term : group.terms()) {
                        all &= term.stream().anyMatch(text::contains);
                        distinctKeywords.addAll(term);
                        for (String keyword : term) {
                            int at = text.indexOf(keyword);
                            if (at >= 0) {
                                firstEnd = Math.min(firstEnd, at + keyword.length());
                            }
                        }
                    }
                    if (all) {
                        expected.add(group.id());
                        firstEnds.add(firstEnd);
                    }
                }
                int expectedOccurrences = 0;
                for (String keyword : distinctKeywords) {
                    for (int at = text.indexOf(keyword); at >= 0; at = text.indexOf(keyword, at + 1)) {
                        expectedOccurrences++;
                    }
                }
                List<String> actual =
                        matcher.match(text).stream().map(KeywordGroup::id).toList();
                assertThat(new HashSet<>(actual))
                        .as("groups of text '%s' with groups %s", text, groups)
                        .isEqualTo(new HashSet<>(expected));
                List<Integer> actualEnds = actual.stream()
                        .map(id -> firstEnds.get(expected.indexOf(id)))
                        .toList();
                assertThat(actualEnds)
                        .as("groups in the order their first keyword ends, text '%s' with groups %s", text, groups)
                        .isSorted();
                assertThat(matcher.countOccurrences(text))
                        .as("occurrences in text '%s' with groups %s", text, groups)
                        .isEqualTo(expectedOccurrences);
            }
        }
    }

    @Test
    void ignoresWhatALongerEarlierTextLeftBehind() {
        // The scan reuses one thread's buffers and does not clear what lies past a text's end.
        KeywordMatcher matcher = KeywordMatcher.parse(
                "tail\tfraud\t-\t1\t安全账户\n" + "short\tad\t-\t1\t退订\n" + "long\tfraud\t-\t1\t公安局刑侦大队民警\n");
        String filler = "今天天气不错我们明天见".repeat(12);
        assertThat(ids(matcher, filler + "请转入安全账户" + filler + "公安局刑侦大队民警")).containsExactly("tail", "long");
        for (String text : List.of("退订", "回T退订", "好", "公安局刑侦大队民", "", "今天天气不错我们明天见退订")) {
            assertThat(ids(matcher, text))
                    .as("groups of '%s' after a longer text", text)
                    .isEqualTo(text.contains("退订") ? List.of("short") : List.of());
        }
    }

    @Test
    void wideCellsForListsTooLargeToPackFindWhatPackedCellsFind() {
        // Lists with too many characters or states for one int per cell fall back to wide cells and a plain scan;
        // forced here on small random lists, compared with the packed four-part scan.
        SplittableRandom random = new SplittableRandom(20261203L);
        String alphabet = "安全账户公警官转钱abx0";
        for (int round = 0; round < 200; round++) {
            List<String> patterns = new ArrayList<>();
            Set<String> distinct = new HashSet<>();
            int count = 1 + random.nextInt(40);
            while (patterns.size() < count) {
                String p = randomText(random, alphabet, 1 + random.nextInt(random.nextInt(4) == 0 ? 12 : 4));
                if (distinct.add(p)) {
                    patterns.add(p);
                }
            }
            int[][] payload = new int[patterns.size()][];
            for (int p = 0; p < payload.length; p++) {
                payload[p] = new int[] {p << 5};
            }
            KeywordAutomaton packed = KeywordAutomaton.build(patterns, payload, false);
            KeywordAutomaton wide = KeywordAutomaton.build(patterns, payload, true);
            KeywordAutomaton.Scan packedScan = packed.newScan();
            KeywordAutomaton.Scan wideScan = wide.newScan();
            for (int m = 0; m < 20; m++) {
                char[] text = randomText(random, alphabet, random.nextInt(120)).toCharArray();
                int[] packedMasks = new int[payload.length];
                int[] packedTouched = new int[payload.length + 1];
                int[] wideMasks = new int[payload.length];
                int[] wideTouched = new int[payload.length + 1];
                int p = packed.matchGroups(text, text.length, packedScan, packedMasks, packedTouched);
                int w = wide.matchGroups(text, text.length, wideScan, wideMasks, wideTouched);
                String described = new String(text) + " with " + patterns;
                assertThat(java.util.Arrays.copyOf(wideTouched, w))
                        .as("keywords found in %s", described)
                        .containsExactly(java.util.Arrays.copyOf(packedTouched, p));
                assertThat(wide.count(text, text.length))
                        .as("occurrences in %s", described)
                        .isEqualTo(packed.count(text, text.length));
            }
        }
    }

    @Test
    void listsOverMoreCharactersThanACellPacksAreMatchedWhole() {
        // 3,000 two-character keywords over 6,000 distinct characters: more classes than a packed cell holds
        // (4,095), so the automaton builds wide cells on its own.
        List<KeywordGroup> groups = new ArrayList<>();
        for (int k = 0; k < 3_000; k++) {
            String keyword = new String(new char[] {(char) (0x4E00 + 2 * k), (char) (0x4E01 + 2 * k)});
            groups.add(new KeywordGroup("k" + k, SmsCategory.FRAUD, "", 1, List.of(List.of(keyword))));
        }
        KeywordMatcher matcher = KeywordMatcher.of(groups);
        TextNormaliser normaliser = TextNormaliser.standard();
        SplittableRandom random = new SplittableRandom(20261204L);
        for (int m = 0; m < 200; m++) {
            StringBuilder text = new StringBuilder();
            while (text.length() < 150) {
                text.append((char) (0x4E00 + random.nextInt(6_010)));
            }
            // Both sides normalised, as the matcher does (some of these characters are traditional forms).
            String normalised = normaliser.normalise(text);
            List<String> expected = new ArrayList<>();
            for (KeywordGroup group : groups) {
                if (normalised.contains(
                        normaliser.normalise(group.terms().get(0).get(0)))) {
                    expected.add(group.id());
                }
            }
            assertThat(ids(matcher, text.toString()))
                    .as("groups of '%s'", text)
                    .containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    private static String randomText(SplittableRandom random, String alphabet, int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    @Test
    void findsTheSameGroupsWhenThreadsMatchAtOnce() throws Exception {
        // The first thread to match keeps its buffers in a field; the others must still use buffers of their own.
        KeywordMatcher matcher = KeywordMatcher.standard();
        SplittableRandom random = new SplittableRandom(7);
        String alphabet = "我是公安局警官请转到安全账户退订回T银行卡验证码中奖";
        List<char[]> texts = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            texts.add(TextNormaliser.standard()
                    .normalise(randomText(random, alphabet, 5 + random.nextInt(60)))
                    .toCharArray());
        }
        List<List<Integer>> expected = new ArrayList<>();
        for (char[] text : texts) {
            expected.add(groupsOf(matcher, text));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < texts.size(); i++) {
                            if (!groupsOf(matcher, texts.get(i)).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static List<Integer> groupsOf(KeywordMatcher matcher, char[] text) {
        int[] matched = new int[matcher.groups().size()];
        int n = matcher.match(text, text.length, matched);
        List<Integer> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add(matched[i]);
        }
        return groups;
    }

    private static List<String> ids(KeywordMatcher matcher, String text) {
        return matcher.match(TextNormaliser.standard().normalise(text)).stream()
                .map(KeywordGroup::id)
                .toList();
    }
}

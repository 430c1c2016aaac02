package org.telereg.engine.sms;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds which {@link KeywordGroup}s a message matches, in one pass over its normalised text whatever the number
 * of keywords (an Aho–Corasick automaton over character classes).
 *
 * <p>Keywords are normalised with {@link TextNormaliser#standard()} when the matcher is built, so {@code 轉帳}
 * in the list matches {@code 转 账} in a message once both are normalised. Texts given to {@code match} must
 * already be normalised.
 *
 * <p>The list file is UTF-8 text, one group per line, five tab-separated fields: {@code id category subtype
 * weight terms}; category is {@code fraud}, {@code ad} or {@code normal}; terms are separated by {@code &} and
 * the alternatives of a term by {@code |}. Lines starting with {@code #} and blank lines are ignored, and so is
 * a header line starting with {@code id}. Instances are immutable and thread-safe.
 */
public final class KeywordMatcher {

    private static final String STANDARD_LIST = "sms-keywords.tsv";

    private final List<KeywordGroup> groups;
    private final KeywordAutomaton automaton;
    private final int[] fullMask;
    private final ThreadLocal<Scratch> scratch;
    /**
     * The first matching thread's buffers, where that thread finds them with one comparison instead of a lookup in
     * its thread-local map (about 1% of matching a 64-character text). Set once: other threads would make the
     * field change hands at every call. A record's fields are final, so a thread that reads it sees them whole.
     */
    private OwnedScratch firstOwner;

    private KeywordMatcher(List<KeywordGroup> groups) {
        this.groups = List.copyOf(groups);
        TextNormaliser normaliser = TextNormaliser.standard();
        Map<String, Integer> patternIds = new HashMap<>();
        List<String> patterns = new ArrayList<>();
        List<List<Integer>> patternRefs = new ArrayList<>();
        fullMask = new int[this.groups.size()];
        Set<String> ids = new HashSet<>();
        for (int g = 0; g < this.groups.size(); g++) {
            KeywordGroup group = this.groups.get(g);
            if (!ids.add(group.id())) {
                throw new IllegalArgumentException("Duplicate keyword group id: " + group.id());
            }
            fullMask[g] = (int) ((1L << group.terms().size()) - 1);
            for (int t = 0; t < group.terms().size(); t++) {
                for (String keyword : group.terms().get(t)) {
                    String normalised = normaliser.normalise(keyword);
                    if (normalised.isEmpty()) {
                        throw new IllegalArgumentException(
                                "Keyword '" + keyword + "' of group " + group.id() + " is empty once normalised");
                    }
                    Integer p = patternIds.get(normalised);
                    if (p == null) {
                        p = patterns.size();
                        patternIds.put(normalised, p);
                        patterns.add(normalised);
                        patternRefs.add(new ArrayList<>());
                    }
                    int ref = (g << 5) | t;
                    if (!patternRefs.get(p).contains(ref)) {
                        patternRefs.get(p).add(ref);
                    }
                }
            }
        }
        int[][] payload = new int[patterns.size()][];
        for (int p = 0; p < patterns.size(); p++) {
            payload[p] = patternRefs.get(p).stream().mapToInt(Integer::intValue).toArray();
        }
        automaton = KeywordAutomaton.build(patterns, payload);
        scratch = ThreadLocal.withInitial(this::newScratch);
    }

    /** A matcher over the given groups. */
    public static KeywordMatcher of(List<KeywordGroup> groups) {
        return new KeywordMatcher(groups);
    }

    /** The matcher over the keyword list shipped with the engine ({@code sms-keywords.tsv}). */
    public static KeywordMatcher standard() {
        return Holder.STANDARD;
    }

    /**
     * A matcher over the groups of a keyword list in the file format described above.
     *
     * @throws IllegalArgumentException naming the line of the first malformed group
     */
    public static KeywordMatcher parse(String list) {
        return new KeywordMatcher(parseGroups(list));
    }

    /** A matcher over the keyword list in a UTF-8 file. */
    public static KeywordMatcher read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** The groups, in list order; a group's index here is the index {@link #match(char[], int, int[])} reports. */
    public List<KeywordGroup> groups() {
        return groups;
    }

    /** The groups that the normalised text matches, in the order their first keyword occurs. */
    public List<KeywordGroup> match(CharSequence normalisedText) {
        char[] text = normalisedText.toString().toCharArray();
        int[] matched = new int[groups.size()];
        int n = match(text, text.length, matched);
        List<KeywordGroup> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(groups.get(matched[i]));
        }
        return result;
    }

    /**
     * Writes the indexes of the groups that {@code text[0, length)} matches into {@code matched} and returns how
     * many there are; the hot-path variant that allocates nothing.
     *
     * @param matched at least {@code groups().size()} long
     */
    public int match(char[] text, int length, int[] matched) {
        OwnedScratch owned = firstOwner;
        Thread current = Thread.currentThread();
        if (owned != null && owned.thread == current) {
            return match(text, length, matched, owned.scratch);
        }
        Scratch mine = scratch.get();
        if (owned == null) {
            firstOwner = new OwnedScratch(current, mine);
        }
        return match(text, length, matched, mine);
    }

    private record OwnedScratch(Thread thread, Scratch scratch) {}

    /** Buffers for {@link #match(char[], int, int[], Scratch)}, to be used by one thread at a time. */
    Scratch newScratch() {
        return new Scratch(fullMask.length);
    }

    /** {@link #match(char[], int, int[])} with the caller's buffers, which must come from this matcher. */
    int match(char[] text, int length, int[] matched, Scratch hits) {
        hits.touchedCount = automaton.matchGroups(text, length, hits.scan, hits.masks, hits.touched);
        return hits.drain(matched);
    }

    /** The number of keyword occurrences in the normalised text, overlapping ones included. */
    public int countOccurrences(CharSequence normalisedText) {
        char[] text = normalisedText.toString().toCharArray();
        return automaton.count(text, text.length);
    }

    /** The list in the file format, such that {@code parse(toListText())} gives an equal matcher. */
    String toListText() {
        StringBuilder out = new StringBuilder("id\tcategory\tsubtype\tweight\tterms\n");
        for (KeywordGroup g : groups) {
            out.append(g.id())
                    .append('\t')
                    .append(g.category().label())
                    .append('\t')
                    .append(g.subtype())
                    .append('\t')
                    .append(g.weight())
                    .append('\t');
            for (int t = 0; t < g.terms().size(); t++) {
                out.append(t == 0 ? "" : " & ")
                        .append(String.join("|", g.terms().get(t)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    static List<KeywordGroup> parseGroups(String list) {
        List<KeywordGroup> groups = new ArrayList<>();
        String[] lines = list.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#") || line.startsWith("id\t")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            try {
                if (f.length != 5) {
                    throw new IllegalArgumentException("expected 5 tab-separated fields, found " + f.length);
                }
                List<List<String>> terms = new ArrayList<>();
                for (String term : f[4].split("&")) {
                    List<String> alternatives = new ArrayList<>();
                    for (String keyword : term.split("\\|")) {
                        alternatives.add(keyword.strip());
                    }
                    terms.add(alternatives);
                }
                groups.add(new KeywordGroup(
                        f[0].strip(),
                        SmsCategory.ofLabel(f[1]),
                        f[2].strip().toLowerCase(Locale.ROOT),
                        Double.parseDouble(f[3].strip()),
                        terms));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Keyword list line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return groups;
    }

    /** Per-group term masks of one scan; one per thread, reset by {@link #drain}. */
    final class Scratch {
        private final KeywordAutomaton.Scan scan = automaton.newScan();
        private final int[] masks;
        private final int[] touched;
        private int touchedCount;

        private Scratch(int groupCount) {
            masks = new int[groupCount];
            // One more than the groups: the automaton writes a group down before it knows whether it is new.
            touched = new int[groupCount + 1];
        }

        int drain(int[] matched) {
            int n = 0;
            for (int t = 0; t < touchedCount; t++) {
                int group = touched[t];
                // Kept when every term was seen: masks have at most 31 bits, so the difference minus one is
                // negative exactly when they are equal; no branch on a test that goes either way.
                matched[n] = group;
                n += ((masks[group] ^ fullMask[group]) - 1) >>> 31;
                masks[group] = 0;
            }
            touchedCount = 0;
            return n;
        }
    }

    private static final class Holder {
        static final KeywordMatcher STANDARD = loadStandard();

        private static KeywordMatcher loadStandard() {
            try (InputStream in = KeywordMatcher.class.getResourceAsStream(STANDARD_LIST)) {
                if (in == null) {
                    throw new IllegalStateException(STANDARD_LIST + " is missing from the engine jar");
                }
                return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read " + STANDARD_LIST, e);
            }
        }
    }

    @Override
    public String toString() {
        return "KeywordMatcher[" + groups.size() + " groups]";
    }
}

package org.telereg.engine.sms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over character classes, compiled into a deterministic automaton: one table read per
 * character, no failure links followed while scanning.
 *
 * <p>The scan is bound by the latency of that read (the next state's address depends on the last read), so the
 * layout and the loop aim at few, short, independent chains:
 *
 * <ul>
 *   <li>Characters are mapped to dense classes ({@code classOf}); a character that occurs in no keyword has class
 *       0, which leads back to the root.
 *   <li>A state's row holds only the transitions that do not lead where the root's would; every other transition
 *       is the root row's, which is read in parallel and chosen without a branch when the state's own cell does
 *       not match. Rows sit in a double array whose check is the <em>class</em> of the transition (the owner is
 *       the cell minus the class), packed with the target into one int, so a transition is one 4-byte read.
 *   <li>A state is named by its base offset times two, plus one when a keyword ends there, so a transition needs
 *       no base lookup and the scan looks at outputs only on characters that complete a keyword.
 *   <li>Keywords longer than {@link #DEPTH} characters enter the automaton by their first {@code DEPTH}; the rest is
 *       compared when that prefix is found. The deepest state then remembers at most {@code DEPTH} characters, so
 *       a text can be cut into four parts scanned side by side, each starting {@code DEPTH - 1} characters early
 *       from the root: four independent chains of reads per loop step instead of one.
 * </ul>
 */
final class KeywordAutomaton {

    /**
     * The deepest state; keywords longer than this are verified by comparing their remaining characters. Six
     * covers all but a few dozen keywords of the shipped list and of the benchmark's sets (1,415 and 5,000), and
     * each character less of warm-up saves one of about 21 steps of a 64-character scan.
     */
    static final int DEPTH = 6;
    // A part started this many characters before its first position reaches the same state as a scan from the
    // start of the text would, because no state is deeper than DEPTH.
    static final int WARM_UP = DEPTH - 1;
    static final int PARTS = 4;

    private final char[] classOf;
    private final int[] rootRow;
    // Cell p holds (class << shift) | target: it belongs to the state whose base is p - class. An empty cell is 0:
    // only class 0 (no keyword character) reads it as its own, and its target 0 is the root, as class 0's is.
    // Lists with too many characters or states to pack into an int use wideCells (class << 32 | target) instead.
    private final int[] cells;
    private final long[] wideCells;
    private final int shift;
    // The outputs of the state with base b are the payloads of the keywords ending there (directly or along its
    // failure chain), and ~t for a long keyword t whose rest must be compared. The first is firstOutputs[2 * b],
    // next to the start of the others in moreOutputs, firstOutputs[2 * b + 1]; they end where those of b + 1
    // start. Most output states have one output: the report reads it from the line it reads the bounds from,
    // rather than from an address it learns from them. Only bases up to the last output state's are indexed.
    // exactCount[b] is the number of keywords, not counting long ones, ending there.
    private final int[] firstOutputs;
    private final int[] moreOutputs;
    private final int[] exactCount;
    private final char[][] longRest;
    private final int[][] longPayload;

    private KeywordAutomaton(
            char[] classOf,
            int[] rootRow,
            int[] cells,
            long[] wideCells,
            int shift,
            int[] firstOutputs,
            int[] moreOutputs,
            int[] exactCount,
            char[][] longRest,
            int[][] longPayload) {
        this.classOf = classOf;
        this.rootRow = rootRow;
        this.cells = cells;
        this.wideCells = wideCells;
        this.shift = shift;
        this.firstOutputs = firstOutputs;
        this.moreOutputs = moreOutputs;
        this.exactCount = exactCount;
        this.longRest = longRest;
        this.longPayload = longPayload;
    }

    /**
     * Builds the automaton; pattern {@code i} is {@code patterns.get(i)}, distinct and non-empty, and carries the
     * non-negative ints {@code payload[i]}, reported for each occurrence by {@link #matchGroups}.
     */
    static KeywordAutomaton build(List<String> patterns, int[][] payload) {
        return build(patterns, payload, false);
    }

    /** {@link #build(List, int[][])}, with wide cells even where packed ones would do when {@code wide}; for tests. */
    static KeywordAutomaton build(List<String> patterns, int[][] payload, boolean wide) {
        char[] classOf = new char[65536];
        int classes = 0;
        for (String p : patterns) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (c == 0) {
                    throw new IllegalArgumentException("A keyword contains the character U+0000");
                }
                if (classOf[c] == 0) {
                    if (classes == 65534) {
                        throw new IllegalArgumentException("Too many distinct characters in the keywords");
                    }
                    classOf[c] = (char) ++classes;
                }
            }
        }
        Trie trie = new Trie(classOf, patterns);
        int states = trie.size();

        // Breadth-first: failure links, outputs along them, and each state's row of transitions that differ from
        // the root's (its own goto transitions over its failure state's row).
        int[] fail = new int[states];
        int[][] rowClasses = new int[states][];
        int[][] rowTargets = new int[states][];
        int[][] outputPatterns = new int[states][];
        int[] rootTargets = new int[classes + 1];
        for (int i = 0; i < trie.childClasses.get(0).size(); i++) {
            rootTargets[trie.childClasses.get(0).get(i)] =
                    trie.childStates.get(0).get(i);
        }
        rowClasses[0] = new int[0];
        rowTargets[0] = new int[0];
        outputPatterns[0] = new int[0];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            List<Integer> childClasses = trie.childClasses.get(s);
            List<Integer> childStates = trie.childStates.get(s);
            if (s != 0) {
                int f = fail[s];
                outputPatterns[s] = concat(trie.own(s), outputPatterns[f]);
                mergeRow(rowClasses[f], rowTargets[f], childClasses, childStates, rowClasses, rowTargets, s);
            }
            for (int i = 0; i < childClasses.size(); i++) {
                int child = childStates.get(i);
                fail[child] = s == 0 ? 0 : target(fail[s], childClasses.get(i), rowClasses, rowTargets, rootTargets);
                queue.add(child);
            }
        }

        int[] base = place(rowClasses, outputPatterns, classes);
        int size = 0;
        for (int b : base) {
            size = Math.max(size, b + classes + 1);
        }
        if (size > (1 << 30)) {
            throw new IllegalArgumentException("Too many keywords for one automaton");
        }
        int[] value = new int[states];
        for (int s = 1; s < states; s++) {
            value[s] = (base[s] << 1) | (outputPatterns[s].length == 0 ? 0 : 1);
        }
        int[] rootRow = new int[classes + 1];
        for (int c = 1; c <= classes; c++) {
            rootRow[c] = value[rootTargets[c]];
        }
        int shift = Math.min(31, Integer.numberOfLeadingZeros(classes));
        boolean packs = !wide && 2L * size <= (1L << shift);
        int[] cells = packs ? new int[size] : null;
        long[] wideCells = packs ? null : new long[size];
        for (int s = 1; s < states; s++) {
            for (int i = 0; i < rowClasses[s].length; i++) {
                int p = base[s] + rowClasses[s][i];
                int cls = rowClasses[s][i];
                int target = value[rowTargets[s][i]];
                if (packs) {
                    cells[p] = (cls << shift) | target;
                } else {
                    wideCells[p] = ((long) cls << 32) | target;
                }
            }
        }

        List<char[]> longRest = new ArrayList<>();
        List<int[]> longPayload = new ArrayList<>();
        int[] longIndex = new int[patterns.size()];
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            longIndex[p] = -1;
            if (pattern.length() > DEPTH) {
                longIndex[p] = longRest.size();
                longRest.add(pattern.substring(DEPTH).toCharArray());
                longPayload.add(payload[p]);
            }
        }
        int[] stateAt = new int[size];
        Arrays.fill(stateAt, -1);
        for (int s = 1; s < states; s++) {
            stateAt[base[s]] = s;
        }
        int[] exactCount = new int[size];
        int outputBases = 0;
        List<int[]> outputsAt = new ArrayList<>();
        for (int b = 0; b < size; b++) {
            int s = stateAt[b];
            int[] outputs = new int[0];
            if (s > 0) {
                for (int p : outputPatterns[s]) {
                    outputs = concat(outputs, longIndex[p] >= 0 ? new int[] {~longIndex[p]} : payload[p]);
                    exactCount[b] += longIndex[p] >= 0 ? 0 : 1;
                }
            }
            outputsAt.add(outputs);
            if (outputs.length > 0) {
                outputBases = b + 1;
            }
        }
        int[] firstOutputs = new int[2 * outputBases + 2];
        int more = 0;
        for (int b = 0; b < outputBases; b++) {
            more += Math.max(0, outputsAt.get(b).length - 1);
        }
        int[] moreOutputs = new int[more];
        int at = 0;
        for (int b = 0; b < outputBases; b++) {
            int[] outputs = outputsAt.get(b);
            firstOutputs[2 * b + 1] = at;
            if (outputs.length > 0) {
                firstOutputs[2 * b] = outputs[0];
                System.arraycopy(outputs, 1, moreOutputs, at, outputs.length - 1);
                at += outputs.length - 1;
            }
        }
        firstOutputs[2 * outputBases + 1] = at;
        return new KeywordAutomaton(
                classOf,
                rootRow,
                cells,
                wideCells,
                shift,
                firstOutputs,
                moreOutputs,
                exactCount,
                longRest.toArray(new char[0][]),
                longPayload.toArray(new int[0][]));
    }

    /** The trie of the patterns cut to {@link #DEPTH} characters; state 0 is the root. */
    private static final class Trie {
        final List<List<Integer>> childClasses = new ArrayList<>();
        final List<List<Integer>> childStates = new ArrayList<>();
        final List<int[]> ownPatterns = new ArrayList<>();

        Trie(char[] classOf, List<String> patterns) {
            Map<Long, Integer> children = new HashMap<>();
            addState();
            for (int p = 0; p < patterns.size(); p++) {
                String pattern = patterns.get(p);
                int state = 0;
                for (int i = 0; i < Math.min(pattern.length(), DEPTH); i++) {
                    int cls = classOf[pattern.charAt(i)];
                    long key = ((long) state << 16) | cls;
                    Integer child = children.get(key);
                    if (child == null) {
                        child = addState();
                        children.put(key, child);
                        childClasses.get(state).add(cls);
                        childStates.get(state).add(child);
                    }
                    state = child;
                }
                ownPatterns.set(state, concat(ownPatterns.get(state), new int[] {p}));
            }
        }

        private int addState() {
            childClasses.add(new ArrayList<>());
            childStates.add(new ArrayList<>());
            ownPatterns.add(new int[0]);
            return ownPatterns.size() - 1;
        }

        int size() {
            return ownPatterns.size();
        }

        int[] own(int state) {
            return ownPatterns.get(state);
        }
    }

    /** The deterministic transition of state {@code s} (whose row is built) on class {@code cls}. */
    private static int target(int s, int cls, int[][] rowClasses, int[][] rowTargets, int[] rootTargets) {
        int i = Arrays.binarySearch(rowClasses[s], cls);
        return i >= 0 ? rowTargets[s][i] : rootTargets[cls];
    }

    /** Row of state {@code s}: its failure state's row with its own goto transitions put over it. */
    private static void mergeRow(
            int[] inheritedClasses,
            int[] inheritedTargets,
            List<Integer> ownClasses,
            List<Integer> ownStates,
            int[][] rowClasses,
            int[][] rowTargets,
            int s) {
        int own = ownClasses.size();
        int[][] sorted = new int[own][];
        for (int i = 0; i < own; i++) {
            sorted[i] = new int[] {ownClasses.get(i), ownStates.get(i)};
        }
        Arrays.sort(sorted, (a, b) -> Integer.compare(a[0], b[0]));
        int[] classes = new int[inheritedClasses.length + own];
        int[] targets = new int[classes.length];
        int n = 0;
        int i = 0;
        int j = 0;
        while (i < inheritedClasses.length || j < own) {
            if (j == own || (i < inheritedClasses.length && inheritedClasses[i] < sorted[j][0])) {
                classes[n] = inheritedClasses[i];
                targets[n++] = inheritedTargets[i++];
            } else {
                if (i < inheritedClasses.length && inheritedClasses[i] == sorted[j][0]) {
                    i++;
                }
                classes[n] = sorted[j][0];
                targets[n++] = sorted[j++][1];
            }
        }
        rowClasses[s] = Arrays.copyOf(classes, n);
        rowTargets[s] = Arrays.copyOf(targets, n);
    }

    /**
     * Gives every state but the root a distinct base of at least 1 such that the cells (base + class) of its row
     * are free: largest rows first, each at the lowest base that fits (first fit), found 64 bases at a time.
     */
    private static int[] place(int[][] rowClasses, int[][] outputPatterns, int classes) {
        int states = rowClasses.length;
        Integer[] order = new Integer[states - 1];
        for (int s = 1; s < states; s++) {
            order[s - 1] = s;
        }
        // States where keywords end first, so that they take the low bases and the output index, read by base,
        // stays small and cached; then larger rows before smaller ones, which packs the array densely.
        Arrays.sort(order, (a, b) -> {
            int outputs = Boolean.compare(outputPatterns[b].length > 0, outputPatterns[a].length > 0);
            if (outputs != 0) {
                return outputs;
            }
            if (rowClasses[b].length != rowClasses[a].length) {
                return Integer.compare(rowClasses[b].length, rowClasses[a].length);
            }
            return Integer.compare(a, b);
        });
        long cells = 0;
        for (int[] row : rowClasses) {
            cells += row.length;
        }
        Occupancy taken = new Occupancy(cells + states + 2L * classes + 128);
        int[] base = new int[states];
        for (int s : order) {
            int b = taken.firstFit(rowClasses[s], classes);
            base[s] = b;
            taken.take(b, rowClasses[s]);
        }
        return base;
    }

    /**
     * Used cells and used bases of the double array while placing, as bit sets, so that one word operation per
     * row class tests 64 candidate bases at once; searches start at the first word with a free cell.
     */
    private static final class Occupancy {
        private long[] cells;
        private long[] bases;
        private int firstOpenWord;

        Occupancy(long capacity) {
            int words = (int) Math.min(1 << 24, (capacity >>> 6) + 2);
            cells = new long[words];
            bases = new long[words];
            bases[0] = 1;
        }

        int firstFit(int[] row, int classes) {
            int low = row.length == 0 ? 1 : Math.max(1, 64 * firstOpenWord - row[0]);
            for (int w = low >>> 6; ; w++) {
                ensure(w + ((classes + 1) >>> 6) + 3);
                long candidates = ~bases[w];
                for (int i = 0; i < row.length && candidates != 0; i++) {
                    candidates &= ~cellsFrom(64 * w + row[i]);
                }
                if (candidates != 0) {
                    return 64 * w + Long.numberOfTrailingZeros(candidates);
                }
            }
        }

        /** Bits for cells p to p + 63. */
        private long cellsFrom(int p) {
            int w = p >>> 6;
            int bit = p & 63;
            return bit == 0 ? cells[w] : (cells[w] >>> bit) | (cells[w + 1] << (64 - bit));
        }

        void take(int base, int[] row) {
            bases[base >>> 6] |= 1L << base;
            for (int c : row) {
                int p = base + c;
                cells[p >>> 6] |= 1L << p;
            }
            while (cells[firstOpenWord] == -1L) {
                firstOpenWord++;
            }
        }

        private void ensure(int words) {
            if (words > cells.length) {
                if (words > (1 << 24)) {
                    throw new IllegalArgumentException("Too many keywords for one automaton");
                }
                int grown = Math.max(words, 2 * cells.length);
                cells = Arrays.copyOf(cells, grown);
                bases = Arrays.copyOf(bases, grown);
            }
        }
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /**
     * Scans {@code text[0, length)} and, for every keyword occurrence, ORs into {@code masks[payload >>> 5]} the
     * bit {@code payload & 31} of each of the keyword's payloads. Groups whose mask goes from zero to non-zero are
     * appended to {@code touched}, in the order their first keyword ends; returns the number of touched groups.
     */
    int matchGroups(char[] text, int length, Scan scan, int[] masks, int[] touched) {
        scan.begin(text, length);
        if (cells == null) {
            int ends = scanWide(scan.chars, length, scan.ends);
            int count = report(scan, 0, ends, 0, text, length, masks, touched, 0);
            return scan.flushLong(Integer.MAX_VALUE, longPayload, masks, touched, count);
        }
        final char[] chars = scan.chars;
        final char[] classTable = classOf;
        final long[] ends = scan.ends;
        final int part = scan.partLength;
        final int steps = part + WARM_UP;
        final int[] table = cells;
        final int[] root = rootRow;
        final int classShift = shift;
        final int targetMask = (1 << classShift) - 1;
        int s0 = 0;
        int s1 = 0;
        int s2 = 0;
        int s3 = 0;
        int n0 = 0;
        int n1 = steps;
        int n2 = 2 * steps;
        int n3 = 3 * steps;
        // Part k reads chars[k * part + i], i.e. text position k * part - WARM_UP + i; the four chains of reads
        // are independent, so the processor overlaps their latencies. A character's class is looked up here rather
        // than in a pass of its own: the lookup does not depend on the state, so it costs the chain nothing, and a
        // separate pass stored and reloaded every class.
        for (int i = 0; i < steps; i++) {
            int c0 = classTable[chars[i]];
            int c1 = classTable[chars[part + i]];
            int c2 = classTable[chars[2 * part + i]];
            int c3 = classTable[chars[3 * part + i]];
            int x0 = table[(s0 >>> 1) + c0];
            int x1 = table[(s1 >>> 1) + c1];
            int x2 = table[(s2 >>> 1) + c2];
            int x3 = table[(s3 >>> 1) + c3];
            // The root row is read whether or not it is needed, so that the choice below is between two values
            // at hand: the compiler makes it a conditional move, and no branch is mispredicted on which way the
            // text goes.
            int r0 = root[c0];
            int r1 = root[c1];
            int r2 = root[c2];
            int r3 = root[c3];
            s0 = x0 >>> classShift == c0 ? x0 & targetMask : r0;
            s1 = x1 >>> classShift == c1 ? x1 & targetMask : r1;
            s2 = x2 >>> classShift == c2 ? x2 & targetMask : r2;
            s3 = x3 >>> classShift == c3 ? x3 & targetMask : r3;
            // Every state is written down and the count moves on only for states where a keyword ends (and not
            // while a part warms up): a store costs less than the branch it replaces, taken at random about one
            // character in five.
            int live = (WARM_UP - 1 - i) >>> 31;
            long at = (long) i << 32;
            ends[n0] = at | s0;
            ends[n1] = at | s1;
            ends[n2] = at | s2;
            ends[n3] = at | s3;
            n0 += s0 & live;
            n1 += s1 & live;
            n2 += s2 & live;
            n3 += s3 & live;
        }
        // Parts cover increasing stretches of the text, so taking them in order reports keywords by end position.
        int count = report(scan, 0, n0, 0, text, length, masks, touched, 0);
        count = report(scan, steps, n1, part, text, length, masks, touched, count);
        count = report(scan, 2 * steps, n2, 2 * part, text, length, masks, touched, count);
        count = report(scan, 3 * steps, n3, 3 * part, text, length, masks, touched, count);
        return scan.flushLong(Integer.MAX_VALUE, longPayload, masks, touched, count);
    }

    /** The plain scan over wide cells, as one part: writes the states where keywords end, returns how many. */
    private int scanWide(char[] chars, int length, long[] ends) {
        int state = 0;
        int n = 0;
        for (int i = WARM_UP; i < WARM_UP + length; i++) {
            int cls = classOf[chars[i]];
            long x = wideCells[(state >>> 1) + cls];
            state = (int) (x >>> 32) == cls ? (int) x : rootRow[cls];
            if ((state & 1) != 0) {
                ends[n++] = ((long) i << 32) | state;
            }
        }
        return n;
    }

    private int report(
            Scan scan,
            int from,
            int to,
            int offset,
            char[] text,
            int length,
            int[] masks,
            int[] touched,
            int touchedCount) {
        final long[] ends = scan.ends;
        int count = touchedCount;
        for (int e = from; e < to; e++) {
            long end = ends[e];
            int b = (int) end >>> 1;
            int position = offset + (int) (end >>> 32) - WARM_UP;
            if (scan.longCount != 0) {
                count = scan.flushLong(position, longPayload, masks, touched, count);
            }
            // Every state flagged as an output state has at least one output, and most have exactly one: the
            // first is taken without a loop test, which would often go the other way than the last time.
            int v = firstOutputs[2 * b];
            int o = firstOutputs[2 * b + 1];
            int last = firstOutputs[2 * b + 3];
            while (true) {
                if (v >= 0) {
                    count = mark(v, masks, touched, count);
                } else if (restFollows(longRest[~v], text, position, length)) {
                    scan.deferLong(position + longRest[~v].length, longRest[~v].length, ~v);
                }
                if (o == last) {
                    break;
                }
                v = moreOutputs[o++];
            }
        }
        return count;
    }

    static int mark(int payload, int[] masks, int[] touched, int touchedCount) {
        int group = payload >>> 5;
        // The group is written down every time and kept only when its mask was empty (at most 31 bits, so
        // mask - 1 is negative exactly then): whether a keyword is new in this text is as good as random.
        int fresh = (masks[group] - 1) >>> 31;
        touched[touchedCount] = group;
        masks[group] |= 1 << (payload & 31);
        return touchedCount + fresh;
    }

    private static boolean restFollows(char[] rest, char[] text, int end, int length) {
        if (end + rest.length >= length) {
            return false;
        }
        for (int j = 0; j < rest.length; j++) {
            if (text[end + 1 + j] != rest[j]) {
                return false;
            }
        }
        return true;
    }

    /** The number of keyword occurrences in {@code text[0, length)}, overlapping ones included. */
    int count(char[] text, int length) {
        int state = 0;
        int count = 0;
        for (int i = 0; i < length; i++) {
            int cls = classOf[text[i]];
            int p = (state >>> 1) + cls;
            if (cells != null) {
                state = cells[p] >>> shift == cls ? cells[p] & ((1 << shift) - 1) : rootRow[cls];
            } else {
                state = (int) (wideCells[p] >>> 32) == cls ? (int) wideCells[p] : rootRow[cls];
            }
            if ((state & 1) != 0) {
                int b = state >>> 1;
                count += exactCount[b];
                int v = firstOutputs[2 * b];
                count += v < 0 && restFollows(longRest[~v], text, i, length) ? 1 : 0;
                for (int o = firstOutputs[2 * b + 1], last = firstOutputs[2 * b + 3]; o < last; o++) {
                    v = moreOutputs[o];
                    count += v < 0 && restFollows(longRest[~v], text, i, length) ? 1 : 0;
                }
            }
        }
        return count;
    }

    /** Scratch for one thread's scans. */
    Scan newScan() {
        return new Scan();
    }

    /**
     * One thread's scratch for {@link #matchGroups}: the text, padded so that four parts can be read without
     * bounds tests, and the states where keywords end, per part, with their step.
     */
    static final class Scan {
        char[] chars = new char[0];
        long[] ends = new long[0];
        int partLength;
        // Long keywords found, waiting until the scan's report passes the position where they end, so that groups
        // come out in the order their first keyword ends; sorted by end, longer first at one end, as one scan of
        // the whole keywords would report them.
        private long[] longFound = new long[4];
        int longCount;

        private Scan() {}

        void deferLong(int end, int restLength, int longKeyword) {
            if (longCount == longFound.length) {
                longFound = Arrays.copyOf(longFound, 2 * longCount);
            }
            long key = ((long) end << 40) | ((long) (0xFFFF - restLength) << 24) | longKeyword;
            int at = longCount++;
            while (at > 0 && longFound[at - 1] > key) {
                longFound[at] = longFound[at - 1];
                at--;
            }
            longFound[at] = key;
        }

        /** Reports the long keywords that end at or before {@code position}; returns the touched count. */
        int flushLong(int position, int[][] longPayload, int[] masks, int[] touched, int touchedCount) {
            int count = touchedCount;
            int done = 0;
            while (done < longCount && (int) (longFound[done] >>> 40) <= position) {
                for (int payload : longPayload[(int) (longFound[done] & 0xFFFFFF)]) {
                    count = mark(payload, masks, touched, count);
                }
                done++;
            }
            System.arraycopy(longFound, done, longFound, 0, longCount - done);
            longCount -= done;
            return count;
        }

        /** Starts a scan of {@code text[0, length)}: a copy of it into the scratch, between runs of U+0000. */
        void begin(char[] text, int length) {
            longCount = 0;
            int part = (length + PARTS - 1) / PARTS;
            int needed = PARTS * part + WARM_UP;
            if (chars.length < needed) {
                chars = new char[Math.max(needed, 2 * chars.length)];
                ends = new long[PARTS * (chars.length / PARTS + WARM_UP)];
            }
            partLength = part;
            // chars[WARM_UP + i] is text position i; the WARM_UP entries in front and those past the end stay
            // U+0000, which no keyword contains: its class 0 sends every part to the root.
            System.arraycopy(text, 0, chars, WARM_UP, length);
            // At most PARTS - 1 characters past the end: a loop of its own, where Arrays.fill was a call that took
            // 3% of matching in a profile.
            for (int i = WARM_UP + length; i < needed; i++) {
                chars[i] = 0;
            }
        }
    }
}

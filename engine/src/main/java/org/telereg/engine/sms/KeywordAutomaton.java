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
 *   <li>A state is named by its base offset, so a transition needs no base lookup. States where keywords end
 *       have the lowest bases, so whether a keyword ends at a character is a comparison of the state with a limit.
 *   <li>The root's row is whole, so that a scan at the root (most of the time, for most lists and texts) reads its
 *       own cell. About as often as not, then, the own cell is the one taken, which keeps the choice between own
 *       cell and root row a conditional move: C2 compiles it as a branch when its profile says one way is taken
 *       less than about 18 % of the time, and a branch mispredicted one step in six costs more than the move.
 *   <li>Keywords longer than {@link #DEPTH} characters enter the automaton by their first {@code DEPTH}; the rest is
 *       compared when that prefix is found. The deepest state then remembers at most {@code DEPTH} characters, so
 *       a block of text can be cut into four parts scanned side by side, each starting {@code DEPTH - 1} characters
 *       early from the root: four independent chains of reads per loop step instead of one.
 *   <li>The loop writes every state it reaches, at its own index, and keeps nothing else: with the parts at a
 *       constant stride its values fit in the registers. A second pass picks out the output states.
 * </ul>
 */
final class KeywordAutomaton {

    /**
     * The deepest state; keywords longer than this are verified by comparing their remaining characters. Six
     * covers all but a few dozen keywords of the shipped list and of the benchmark's sets (1,415 and 5,000), and
     * each character less of warm-up saves one of about 20 steps of a 64-character scan.
     */
    static final int DEPTH = 6;
    // A part started this many characters before its first position reaches the same state as a scan from the
    // start of the text would, because no state is deeper than DEPTH.
    static final int WARM_UP = DEPTH - 1;
    static final int PARTS = 4;
    // Texts are scanned in blocks of BLOCK positions, so that where keywords end in a block is one 64-bit mask. A
    // part's characters and states sit STRIDE entries apart in the scratch (a part takes at most BLOCK / PARTS +
    // WARM_UP steps), so that the scan reads them at a constant offset from one index.
    static final int BLOCK = Long.SIZE;
    static final int STRIDE = 32;

    private final char[] classOf;
    private final int[] rootRow;
    // Cell p holds (class << shift) | target: it belongs to the state whose base is p - class. An empty cell holds
    // the root with class 0: only class 0 (no keyword character) reads it as its own, and leads to the root.
    // Lists with too many characters or states to pack into an int use wideCells (class << 32 | target) instead.
    private final int[] cells;
    private final long[] wideCells;
    private final int shift;
    // A state is its base. The states where keywords end are those below outputLimit; the root and the others lie
    // above it.
    private final int rootState;
    private final int outputLimit;
    // Output states are indexed by rank: bit b of outputBits is set when keywords end at base b, and the rank of b
    // is outputRank[b / 64] plus the bits set below b in its word. Output states' bases are spread over the cells
    // (a few thousand among a hundred thousand bases), so a table by base would be mostly holes, and large enough
    // to push the cells out of the second-level cache.
    // The outputs of the state of rank r are the payloads of the keywords ending there (directly or along its
    // failure chain), and ~t for a long keyword t whose rest must be compared. The first is firstOutputs[2 * r],
    // next to the start of the others in moreOutputs, firstOutputs[2 * r + 1]; they end where those of r + 1
    // start. Most output states have one output: the report reads it from the line it reads the bounds from,
    // rather than from an address it learns from them. exactCount[r] is the number of keywords, not counting long
    // ones, ending there.
    private final long[] outputBits;
    private final int[] outputRank;
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
            int rootState,
            int outputLimit,
            long[] outputBits,
            int[] outputRank,
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
        this.rootState = rootState;
        this.outputLimit = outputLimit;
        this.outputBits = outputBits;
        this.outputRank = outputRank;
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

    /** {@link #build(List, int[][])}, with wide cells even where packed ones would do when {@code wide}. */
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

        // The root's row, whole: every class has its cell.
        int[] rootClasses = new int[classes];
        for (int c = 1; c <= classes; c++) {
            rootClasses[c - 1] = c;
        }
        int[] base = place(rowClasses, rootClasses, outputPatterns, classes);
        int size = 0;
        int outputLimit = 1;
        for (int st = 0; st < states; st++) {
            size = Math.max(size, base[st] + classes + 1);
            if (outputPatterns[st].length > 0) {
                outputLimit = Math.max(outputLimit, base[st] + 1);
            }
        }
        if (size > (1 << 30)) {
            throw new IllegalArgumentException("Too many keywords for one automaton");
        }
        int[] rootRow = new int[classes + 1];
        for (int c = 0; c <= classes; c++) {
            rootRow[c] = base[rootTargets[c]];
        }
        int shift = Math.min(31, Integer.numberOfLeadingZeros(classes));
        boolean packs = !wide && size <= (1L << shift);
        int[] cells = packs ? new int[size] : null;
        long[] wideCells = packs ? null : new long[size];
        // An empty cell leads to the root with class 0, the only class that reads it as its own.
        if (packs) {
            Arrays.fill(cells, base[0]);
        } else {
            Arrays.fill(wideCells, base[0]);
        }
        for (int s = 0; s < states; s++) {
            // The root's row is whole: every class has its cell, so a scan at the root never falls back.
            int[] classesOfRow = s == 0 ? rootClasses : rowClasses[s];
            for (int i = 0; i < classesOfRow.length; i++) {
                int cls = classesOfRow[i];
                int p = base[s] + cls;
                int target = s == 0 ? rootRow[cls] : base[rowTargets[s][i]];
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
        // The state at each base below the limit; 0, the root, which has no outputs, where no state has it.
        int[] stateAt = new int[outputLimit];
        for (int s = 1; s < states; s++) {
            if (base[s] < outputLimit) {
                stateAt[base[s]] = s;
            }
        }
        // Output states by rank: the n-th lowest base where keywords end has rank n.
        long[] outputBits = new long[(outputLimit >>> 6) + 1];
        List<int[]> outputsByRank = new ArrayList<>();
        List<Integer> exactByRank = new ArrayList<>();
        for (int b = 0; b < outputLimit; b++) {
            int s = stateAt[b];
            if (outputPatterns[s].length > 0) {
                int[] outputs = new int[0];
                int exact = 0;
                for (int p : outputPatterns[s]) {
                    outputs = concat(outputs, longIndex[p] >= 0 ? new int[] {~longIndex[p]} : payload[p]);
                    exact += longIndex[p] >= 0 ? 0 : 1;
                }
                outputBits[b >>> 6] |= 1L << b;
                outputsByRank.add(outputs);
                exactByRank.add(exact);
            }
        }
        int[] outputRank = new int[outputBits.length];
        for (int w = 1; w < outputBits.length; w++) {
            outputRank[w] = outputRank[w - 1] + Long.bitCount(outputBits[w - 1]);
        }
        int ranks = outputsByRank.size();
        int[] exactCount = exactByRank.stream().mapToInt(Integer::intValue).toArray();
        int[] firstOutputs = new int[2 * ranks + 2];
        int more = 0;
        for (int[] outputs : outputsByRank) {
            more += outputs.length - 1;
        }
        int[] moreOutputs = new int[more];
        int at = 0;
        for (int r = 0; r < ranks; r++) {
            int[] outputs = outputsByRank.get(r);
            firstOutputs[2 * r] = outputs[0];
            firstOutputs[2 * r + 1] = at;
            System.arraycopy(outputs, 1, moreOutputs, at, outputs.length - 1);
            at += outputs.length - 1;
        }
        firstOutputs[2 * ranks + 1] = at;
        return new KeywordAutomaton(
                classOf,
                rootRow,
                cells,
                wideCells,
                shift,
                base[0],
                outputLimit,
                outputBits,
                outputRank,
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
     * Gives every state a distinct base such that the cells (base + class) of its row are free: states where
     * keywords end first, from base 1, then the root with a cell for every class, then the others, all above the
     * last output state's base, so that a state is an output state exactly when its base is below a limit. Larger
     * rows go before smaller ones, each at the lowest base that fits (first fit), found 64 bases at a time.
     */
    private static int[] place(int[][] rowClasses, int[] rootClasses, int[][] outputPatterns, int classes) {
        int states = rowClasses.length;
        Integer[] order = new Integer[states - 1];
        for (int s = 1; s < states; s++) {
            order[s - 1] = s;
        }
        // States where keywords end first, then larger rows before smaller ones, which packs the array densely.
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
        int outputLimit = 1;
        boolean rootPlaced = false;
        for (int i = 0; i <= order.length; i++) {
            int s = i < order.length ? order[i] : -1;
            if (!rootPlaced && (s < 0 || outputPatterns[s].length == 0)) {
                taken.takeBasesTo(outputLimit - 1);
                base[0] = taken.firstFit(rootClasses, classes);
                taken.take(base[0], rootClasses);
                rootPlaced = true;
            }
            if (s >= 0) {
                int b = taken.firstFit(rowClasses[s], classes);
                base[s] = b;
                taken.take(b, rowClasses[s]);
                if (outputPatterns[s].length > 0) {
                    outputLimit = Math.max(outputLimit, b + 1);
                }
            }
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
        private int minBase = 1;

        Occupancy(long capacity) {
            int words = (int) Math.min(1 << 24, (capacity >>> 6) + 2);
            cells = new long[words];
            bases = new long[words];
            bases[0] = 1;
        }

        int firstFit(int[] row, int classes) {
            int low = row.length == 0 ? minBase : Math.max(minBase, 64 * firstOpenWord - row[0]);
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

        /** Marks bases 0 to {@code last} as used. */
        void takeBasesTo(int last) {
            ensure((last >>> 6) + 2);
            for (int b = 0; b <= last; b++) {
                bases[b >>> 6] |= 1L << b;
            }
            minBase = last + 1;
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
        scan.longCount = 0;
        int count = 0;
        if (cells == null) {
            count = matchWide(text, length, scan, masks, touched);
        } else {
            for (int start = 0; start < length; start += BLOCK) {
                count = matchBlock(text, start, Math.min(length, start + BLOCK), length, scan, masks, touched, count);
            }
        }
        return scan.flushLong(Integer.MAX_VALUE, longPayload, masks, touched, count);
    }

    /**
     * Matches the keywords that end in {@code text[start, end)}, a block of at most {@link #BLOCK} positions of a
     * text {@code length} long.
     */
    private int matchBlock(
            char[] text, int start, int end, int length, Scan scan, int[] masks, int[] touched, int touchedCount) {
        // Part 0 of a text's first block starts at the text's start, where a scan is at the root: it needs no
        // warm-up, and covers WARM_UP positions more than the other parts. Part k reads text[from + k * part + i] at
        // step i; its steps before WARM_UP (before lead for part 0) warm up.
        final int lead = start == 0 ? 0 : WARM_UP;
        final int from = start - lead;
        final int part = Math.max(0, (end - from - WARM_UP + PARTS - 1) / PARTS);
        final int steps = part + WARM_UP;
        final char[] chars = scan.chars;
        final int[] states = scan.states;
        // Characters past the text are left as an earlier text left them: the steps that read them are not reported.
        for (int k = 0; k < PARTS; k++) {
            int source = from + k * part;
            int copied = Math.min(steps, length - source);
            if (copied > 0) {
                System.arraycopy(text, source, chars, k * STRIDE, copied);
            }
        }
        final char[] classTable = classOf;
        final int[] table = cells;
        final int[] root = rootRow;
        final int classShift = shift;
        final int targetMask = (1 << classShift) - 1;
        int s0 = rootState;
        int s1 = rootState;
        int s2 = rootState;
        int s3 = rootState;
        // Part k reads chars[k * STRIDE + i] and writes its state at the same index of states; the four chains of
        // reads are independent, so the processor overlaps their latencies. With a constant stride and no counters
        // the loop's values fit in the registers; output states are picked out after it. A character's class is
        // looked up here rather than in a pass of its own: the lookup does not depend on the state, so it costs the
        // chain nothing.
        for (int i = 0; i < steps; i++) {
            int c0 = classTable[chars[i]];
            int x0 = table[s0 + c0];
            // The root row is read whether or not it is needed, so that the choice below is between two values at
            // hand: the compiler makes it a conditional move, and no branch is mispredicted on which way the text
            // goes.
            int r0 = root[c0];
            s0 = x0 >>> classShift == c0 ? x0 & targetMask : r0;
            states[i] = s0;
            int c1 = classTable[chars[STRIDE + i]];
            int x1 = table[s1 + c1];
            int r1 = root[c1];
            s1 = x1 >>> classShift == c1 ? x1 & targetMask : r1;
            states[STRIDE + i] = s1;
            int c2 = classTable[chars[2 * STRIDE + i]];
            int x2 = table[s2 + c2];
            int r2 = root[c2];
            s2 = x2 >>> classShift == c2 ? x2 & targetMask : r2;
            states[2 * STRIDE + i] = s2;
            int c3 = classTable[chars[3 * STRIDE + i]];
            int x3 = table[s3 + c3];
            int r3 = root[c3];
            s3 = x3 >>> classShift == c3 ? x3 & targetMask : r3;
            states[3 * STRIDE + i] = s3;
        }
        // Bit i of part k's mask: a keyword ends at its step i.
        long m0 = 0;
        long m1 = 0;
        long m2 = 0;
        long m3 = 0;
        final int limit = outputLimit;
        for (int i = 0; i < steps; i++) {
            m0 |= (long) ((states[i] - limit) >>> 31) << i;
            m1 |= (long) ((states[STRIDE + i] - limit) >>> 31) << i;
            m2 |= (long) ((states[2 * STRIDE + i] - limit) >>> 31) << i;
            m3 |= (long) ((states[3 * STRIDE + i] - limit) >>> 31) << i;
        }
        // Bit r: a keyword ends at position start + r. Part 0 covers the first steps - lead positions, each other
        // part the next part positions; taking them in order reports keywords by end position.
        final int end1 = steps - lead;
        final int end2 = end1 + part;
        final int end3 = end2 + part;
        long ends = (m0 >>> lead) | (m1 >>> WARM_UP) << end1 | (m2 >>> WARM_UP) << end2 | (m3 >>> WARM_UP) << end3;
        ends &= -1L >>> (Long.SIZE - (end - start));
        int count = touchedCount;
        for (; ends != 0; ends &= ends - 1) {
            int r = Long.numberOfTrailingZeros(ends);
            int k = ((end1 - 1 - r) >>> 31) + ((end2 - 1 - r) >>> 31) + ((end3 - 1 - r) >>> 31);
            int state = states[k * STRIDE + r + lead - k * part];
            count = report(scan, state, start + r, text, length, masks, touched, count);
        }
        return count;
    }

    /** The plain scan over wide cells, one chain, reporting each output state as it passes it. */
    private int matchWide(char[] text, int length, Scan scan, int[] masks, int[] touched) {
        int state = rootState;
        int count = 0;
        for (int i = 0; i < length; i++) {
            int cls = classOf[text[i]];
            long x = wideCells[state + cls];
            state = (int) (x >>> 32) == cls ? (int) x : rootRow[cls];
            if (state < outputLimit) {
                count = report(scan, state, i, text, length, masks, touched, count);
            }
        }
        return count;
    }

    /** Reports the outputs of the state with base {@code b}, reached at {@code position}. */
    private int report(
            Scan scan, int b, int position, char[] text, int length, int[] masks, int[] touched, int touchedCount) {
        int count = touchedCount;
        if (scan.longCount != 0) {
            count = scan.flushLong(position, longPayload, masks, touched, count);
        }
        // Every state flagged as an output state has at least one output, and most have exactly one: the first is
        // taken without a loop test, which would often go the other way than the last time.
        int r = rank(b);
        int v = firstOutputs[2 * r];
        int o = firstOutputs[2 * r + 1];
        int last = firstOutputs[2 * r + 3];
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
        return count;
    }

    /** The rank of output state {@code b} among the output states. */
    private int rank(int b) {
        return outputRank[b >>> 6] + Long.bitCount(outputBits[b >>> 6] & ((1L << b) - 1));
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
        int state = rootState;
        int count = 0;
        for (int i = 0; i < length; i++) {
            int cls = classOf[text[i]];
            int p = state + cls;
            if (cells != null) {
                state = cells[p] >>> shift == cls ? cells[p] & ((1 << shift) - 1) : rootRow[cls];
            } else {
                state = (int) (wideCells[p] >>> 32) == cls ? (int) wideCells[p] : rootRow[cls];
            }
            if (state < outputLimit) {
                int r = rank(state);
                count += exactCount[r];
                int v = firstOutputs[2 * r];
                count += v < 0 && restFollows(longRest[~v], text, i, length) ? 1 : 0;
                for (int o = firstOutputs[2 * r + 1], last = firstOutputs[2 * r + 3]; o < last; o++) {
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
     * One thread's scratch for {@link #matchGroups}: a block's four parts of text, each at a multiple of {@link
     * #STRIDE}, and the state each part reaches at each of its steps, at the same index.
     */
    static final class Scan {
        final char[] chars = new char[PARTS * STRIDE];
        final int[] states = new int[PARTS * STRIDE];
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
    }
}

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
 * <p>The scan is bound by the latency of that read (the next state's address depends on the last read) and by the
 * number of instructions around it, so the layout and the loop aim at few, short, independent chains:
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
 *   <li>A pass before the loop looks up each character's class and the root row's target for it, so the loop reads
 *       both from the scratch and holds no table but the cells; the split of a cell into class and target is by
 *       a constant shift. The loop writes each state at its position in the text, and notes output states in one
 *       bit per step: where keywords end in a block is then one 64-bit mask, and a hit's state is read by its
 *       position.
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
    // Texts are scanned in blocks of BLOCK positions, so that where keywords end in a block is one 64-bit mask.
    static final int BLOCK = Long.SIZE;
    // A block's scratch: the classes of its characters (from up to WARM_UP before it), the root row's targets for
    // them at ROOTS, and the states reached at STATES, each by position.
    static final int ROOTS = 2 * BLOCK;
    static final int STATES = 2 * ROOTS;
    // A packed cell is (class << CLASS_SHIFT) | target: a constant shift leaves a register free in the scan loop,
    // which four chains need. Lists with more classes or cells fall back to wide cells.
    static final int CLASS_SHIFT = 20;
    static final int TARGET_MASK = (1 << CLASS_SHIFT) - 1;

    private final char[] classOf;
    private final int[] rootRow;
    // Cell p holds (class << CLASS_SHIFT) | target: it belongs to the state whose base is p - class. An empty cell
    // holds the root with class 0: only class 0 (no keyword character) reads it as its own, and leads to the root.
    // Lists with too many characters or states to pack into an int use wideCells (class << 32 | target) instead.
    private final int[] cells;
    private final long[] wideCells;
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
            if (p.indexOf(0) >= 0) {
                throw new IllegalArgumentException("A keyword contains the character U+0000");
            }
            // Only the first DEPTH characters enter the automaton; the rest of a long keyword is compared as text.
            for (int i = 0; i < Math.min(p.length(), DEPTH); i++) {
                char c = p.charAt(i);
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
        int[] visitOrder = new int[states];
        int visited = 0;
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
            visitOrder[visited++] = s;
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
        int[] base = place(rowClasses, rootClasses, outputPatterns, visitOrder, classes);
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
        boolean packs = !wide && size <= (1 << CLASS_SHIFT) && classes < (1 << (Integer.SIZE - CLASS_SHIFT));
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
                    cells[p] = (cls << CLASS_SHIFT) | target;
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
     * last output state's base, so that a state is an output state exactly when its base is below a limit. Within
     * each group states go in the order of {@code visitOrder} (breadth-first, the root first), each at the lowest
     * base that fits (first fit), found 64 bases at a time.
     */
    private static int[] place(
            int[][] rowClasses, int[] rootClasses, int[][] outputPatterns, int[] visitOrder, int classes) {
        int states = rowClasses.length;
        // States where keywords end first. Within each group, breadth-first: shallow states, which a scan is at
        // most often, get nearby bases, and so do the rows of siblings, which a first fit interleaves. The cells
        // the scan reads most then share cache lines: larger rows first (the densest packing) made set 1's
        // 5,000-keyword automaton 7 % smaller but its scan 6-16 % slower where the cells outgrow the second-level
        // cache.
        int[] order = new int[states - 1];
        int placed = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int s : visitOrder) {
                if (s != 0 && (outputPatterns[s].length > 0) == (pass == 0)) {
                    order[placed++] = s;
                }
            }
        }
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
        // warm-up, and covers WARM_UP positions more than the other parts. Positions count from `from`; part k reads
        // position k * part + i at step i, its steps before WARM_UP (before lead for part 0) warming up.
        final int lead = start == 0 ? 0 : WARM_UP;
        final int from = start - lead;
        final int part = Math.max(0, (end - from - WARM_UP + PARTS - 1) / PARTS);
        final int steps = part + WARM_UP;
        final int[] work = scan.work;
        final char[] classTable = classOf;
        final int[] root = rootRow;
        // Positions past the text keep what an earlier text left there (valid classes, and their root targets):
        // the steps that read them are not reported.
        final int span = Math.min(PARTS * part + WARM_UP, length - from);
        for (int j = 0; j < span; j++) {
            int c = classTable[text[from + j]];
            work[j] = c;
            work[ROOTS + j] = root[c];
        }
        final int p1 = part;
        final int p2 = 2 * part;
        final int p3 = 3 * part;
        final int[] table = cells;
        final int limit = outputLimit;
        int s0 = rootState;
        int s1 = rootState;
        int s2 = rootState;
        int s3 = rootState;
        // Bit i of mk: part k is at an output state after step i.
        int m0 = 0;
        int m1 = 0;
        int m2 = 0;
        int m3 = 0;
        // The four chains of reads are independent, so the processor overlaps their latencies. A part's warm-up
        // steps write states at positions the part before reaches later in the loop, which overwrites them.
        for (int i = 0; i < steps; i++) {
            int c0 = work[i];
            int x0 = table[s0 + c0];
            // The root row's target is at hand whether or not it is needed, so that the choice is between two
            // values: the compiler makes it a conditional move, and no branch is mispredicted on which way the text
            // goes.
            s0 = x0 >>> CLASS_SHIFT == c0 ? x0 & TARGET_MASK : work[ROOTS + i];
            work[STATES + i] = s0;
            m0 |= ((s0 - limit) >>> 31) << i;
            int c1 = work[p1 + i];
            int x1 = table[s1 + c1];
            s1 = x1 >>> CLASS_SHIFT == c1 ? x1 & TARGET_MASK : work[ROOTS + p1 + i];
            work[STATES + p1 + i] = s1;
            m1 |= ((s1 - limit) >>> 31) << i;
            int c2 = work[p2 + i];
            int x2 = table[s2 + c2];
            s2 = x2 >>> CLASS_SHIFT == c2 ? x2 & TARGET_MASK : work[ROOTS + p2 + i];
            work[STATES + p2 + i] = s2;
            m2 |= ((s2 - limit) >>> 31) << i;
            int c3 = work[p3 + i];
            int x3 = table[s3 + c3];
            s3 = x3 >>> CLASS_SHIFT == c3 ? x3 & TARGET_MASK : work[ROOTS + p3 + i];
            work[STATES + p3 + i] = s3;
            m3 |= ((s3 - limit) >>> 31) << i;
        }
        // Bit r: a keyword ends at position start + r. Part k's steps from WARM_UP on (from lead for part 0) are the
        // positions it alone covers.
        long ends = (m0 >>> lead)
                | (long) (m1 >>> WARM_UP) << (p1 + WARM_UP - lead)
                | (long) (m2 >>> WARM_UP) << (p2 + WARM_UP - lead)
                | (long) (m3 >>> WARM_UP) << (p3 + WARM_UP - lead);
        ends &= -1L >>> (Long.SIZE - (end - start));
        if (ends == 0) {
            return touchedCount;
        }
        return report(ends, STATES + lead, start, text, length, scan, masks, touched, touchedCount);
    }

    /**
     * Reports the outputs of the states at the positions {@code ends} marks: bit r for position {@code start + r},
     * whose state is {@code scan.work[at + r]}. One call per block, with the work for a state written out here:
     * C2 would not inline a method this size into the scan, and once such a method is compiled on its own it is
     * not inlined here either, and a call per output state costs about as much as the state's outputs.
     */
    private int report(
            long ends,
            int at,
            int start,
            char[] text,
            int length,
            Scan scan,
            int[] masks,
            int[] touched,
            int touchedCount) {
        final int[] work = scan.work;
        int count = touchedCount;
        for (long hits = ends; hits != 0; hits &= hits - 1) {
            int position = start + Long.numberOfTrailingZeros(hits);
            if (scan.longCount != 0) {
                count = scan.flushLong(position, longPayload, masks, touched, count);
            }
            // Every output state has at least one output, and most have exactly one: the first is taken without a
            // loop test, which would often go the other way than the last time.
            int r = rank(work[at + position - start]);
            int v = firstOutputs[2 * r];
            int o = firstOutputs[2 * r + 1];
            int last = firstOutputs[2 * r + 3];
            while (true) {
                if (v >= 0) {
                    count = mark(v, masks, touched, count);
                } else {
                    deferIfRestFollows(~v, position, text, length, scan);
                }
                if (o == last) {
                    break;
                }
                v = moreOutputs[o++];
            }
        }
        return count;
    }

    /** Defers long keyword {@code t} found at {@code position} if the rest of it follows in the text. */
    private void deferIfRestFollows(int t, int position, char[] text, int length, Scan scan) {
        if (restFollows(longRest[t], text, position, length)) {
            scan.deferLong(position + longRest[t].length, longRest[t].length, t);
        }
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
                // Through the blocks' report, one position at a time: the state goes where report reads it.
                scan.work[STATES] = state;
                count = report(1L, STATES, i, text, length, scan, masks, touched, count);
            }
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
                state = cells[p] >>> CLASS_SHIFT == cls ? cells[p] & TARGET_MASK : rootRow[cls];
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
     * One thread's scratch for {@link #matchGroups}: a block's classes, root targets and states by position (see
     * {@link #ROOTS} and {@link #STATES}).
     */
    static final class Scan {
        final int[] work = new int[3 * ROOTS];
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

package org.telereg.engine.sms;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Aho–Corasick automaton over character classes.
 *
 * <p>Four tricks keep the scan to few, cache-friendly reads per character, each depending on the last:
 *
 * <ul>
 *   <li>Characters are mapped to dense classes ({@code classOf}); a character that occurs in no keyword has class
 *       0 and sends the scan straight back to the root without touching the transition tables.
 *   <li>The root, where the scan spends most of its time, has a dense row indexed by class; the other states
 *       keep their goto transitions in a double array, one (owner, target) pair of ints per cell so that the check
 *       and the target share a cache line.
 *   <li>A state is named by its base offset, unique per state, so a transition is read without first looking up
 *       the state's base, and a failure link leads straight to the next base to try.
 *   <li>A state number carries in its lowest bit whether any keyword ends there, so the scan looks at outputs
 *       only on the characters that complete a keyword.
 * </ul>
 */
final class KeywordAutomaton {

    private final char[] classOf;
    private final int[] rootRow;
    // A state is named by its base offset in the double array, unique per state (the root is 0), so reading a
    // transition needs no lookup of the base: cell (b + class) belongs to state b when its owner is b.
    private final int[] cells;
    // failure[b]: the base of the failure state of state b.
    private final int[] failure;
    // For state s: outputStart[s + 1] - outputStart[s] keywords end there, directly or along its failure chain,
    // and payloads[payloadStart[s] .. payloadStart[s + 1]) are their payload ints.
    private final int[] outputStart;
    private final int[] payloadStart;
    private final int[] payloads;

    private KeywordAutomaton(
            char[] classOf,
            int[] rootRow,
            int[] cells,
            int[] failure,
            int[] outputStart,
            int[] payloadStart,
            int[] payloads) {
        this.classOf = classOf;
        this.rootRow = rootRow;
        this.cells = cells;
        this.failure = failure;
        this.outputStart = outputStart;
        this.payloadStart = payloadStart;
        this.payloads = payloads;
    }

    /**
     * Builds the automaton; pattern {@code i} is {@code patterns.get(i)}, distinct and non-empty, and carries the
     * non-negative ints {@code payload[i]}, reported for each occurrence by {@link #matchGroups}.
     */
    static KeywordAutomaton build(List<String> patterns, int[][] payload) {
        char[] classOf = new char[65536];
        int classes = 0;
        for (String p : patterns) {
            for (int i = 0; i < p.length(); i++) {
                char c = p.charAt(i);
                if (classOf[c] == 0) {
                    if (classes == 65534) {
                        throw new IllegalArgumentException("Too many distinct characters in the keywords");
                    }
                    classOf[c] = (char) ++classes;
                }
            }
        }
        // The trie, with children in a hash map keyed by (state, class); build time only.
        Map<Long, Integer> children = new HashMap<>();
        List<int[]> ownOutputs = new ArrayList<>();
        ownOutputs.add(null);
        List<List<Integer>> childClasses = new ArrayList<>();
        childClasses.add(new ArrayList<>());
        for (int p = 0; p < patterns.size(); p++) {
            String pattern = patterns.get(p);
            int state = 0;
            for (int i = 0; i < pattern.length(); i++) {
                int cls = classOf[pattern.charAt(i)];
                long key = ((long) state << 16) | cls;
                Integer next = children.get(key);
                if (next == null) {
                    next = ownOutputs.size();
                    children.put(key, next);
                    ownOutputs.add(null);
                    childClasses.add(new ArrayList<>());
                    childClasses.get(state).add(cls);
                }
                state = next;
            }
            int[] own = ownOutputs.get(state);
            ownOutputs.set(state, own == null ? new int[] {p} : append(own, p));
        }
        int states = ownOutputs.size();
        int[] fail = new int[states];
        int[][] allOutputs = new int[states][];
        int[] order = new int[states];
        int ordered = 0;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        queue.add(0);
        while (!queue.isEmpty()) {
            int s = queue.poll();
            order[ordered++] = s;
            int[] own = ownOutputs.get(s);
            int[] inherited = s == 0 ? null : allOutputs[fail[s]];
            allOutputs[s] = own == null ? inherited : inherited == null ? own : concat(own, inherited);
            for (int cls : childClasses.get(s)) {
                int child = children.get(((long) s << 16) | cls);
                int f = s == 0 ? 0 : fail[s];
                int target = 0;
                if (s != 0) {
                    while (true) {
                        Integer t = children.get(((long) f << 16) | cls);
                        if (t != null) {
                            target = t;
                            break;
                        }
                        if (f == 0) {
                            break;
                        }
                        f = fail[f];
                    }
                }
                fail[child] = target;
                queue.add(child);
            }
        }
        int[] base = place(order, childClasses, classes);
        int size = 0;
        for (int b : base) {
            size = Math.max(size, b + classes + 1);
        }
        int[] value = new int[states];
        for (int s = 1; s < states; s++) {
            value[s] = (base[s] << 1) | (allOutputs[s] == null ? 0 : 1);
        }
        int[] rootRow = new int[classes + 1];
        for (int cls : childClasses.get(0)) {
            rootRow[cls] = value[children.get((long) cls)];
        }
        int[] cells = new int[2 * size];
        for (int p = 0; p < size; p++) {
            cells[2 * p] = -1;
        }
        int[] failure = new int[size];
        int[] stateAt = new int[size];
        Arrays.fill(stateAt, -1);
        for (int s = 1; s < states; s++) {
            stateAt[base[s]] = s;
            failure[base[s]] = base[fail[s]];
            for (int cls : childClasses.get(s)) {
                int p = base[s] + cls;
                cells[2 * p] = base[s];
                cells[2 * p + 1] = value[children.get(((long) s << 16) | cls)];
            }
        }
        int[] outputStart = new int[size + 1];
        int[] payloadStart = new int[size + 1];
        int total = 0;
        int payloadTotal = 0;
        for (int b = 0; b < size; b++) {
            outputStart[b] = total;
            payloadStart[b] = payloadTotal;
            int s = stateAt[b];
            if (s >= 0 && allOutputs[s] != null) {
                total += allOutputs[s].length;
                for (int p : allOutputs[s]) {
                    payloadTotal += payload[p].length;
                }
            }
        }
        outputStart[size] = total;
        payloadStart[size] = payloadTotal;
        int[] payloads = new int[payloadTotal];
        for (int b = 0, at = 0; b < size; b++) {
            int s = stateAt[b];
            if (s >= 0 && allOutputs[s] != null) {
                for (int p : allOutputs[s]) {
                    System.arraycopy(payload[p], 0, payloads, at, payload[p].length);
                    at += payload[p].length;
                }
            }
        }
        return new KeywordAutomaton(classOf, rootRow, cells, failure, outputStart, payloadStart, payloads);
    }

    /**
     * Gives every state but the root a distinct base of at least 1 such that the cells (base + class) of its
     * goto transitions are free, by first fit in breadth-first order; states without transitions take the next
     * unused base.
     */
    private static int[] place(int[] order, List<List<Integer>> childClasses, int classes) {
        int[] base = new int[order.length];
        boolean[] owned = new boolean[Math.max(1024, order.length * 2 + classes + 2)];
        boolean[] usedBase = new boolean[owned.length];
        usedBase[0] = true;
        int firstFree = 1;
        int nextLeafBase = 1;
        for (int s : order) {
            if (s == 0) {
                continue;
            }
            List<Integer> cls = childClasses.get(s);
            int b = cls.isEmpty() ? nextLeafBase : Math.max(1, firstFree - cls.get(0));
            search:
            while (true) {
                if (b + classes + 1 >= owned.length) {
                    int grown = Math.max(owned.length * 2, b + classes + 2);
                    owned = Arrays.copyOf(owned, grown);
                    usedBase = Arrays.copyOf(usedBase, grown);
                }
                if (usedBase[b]) {
                    b++;
                    continue;
                }
                for (int c : cls) {
                    if (owned[b + c]) {
                        b++;
                        continue search;
                    }
                }
                break;
            }
            if (cls.isEmpty()) {
                nextLeafBase = b + 1;
            }
            for (int c : cls) {
                owned[b + c] = true;
            }
            usedBase[b] = true;
            base[s] = b;
            while (owned[firstFree]) {
                firstFree++;
            }
        }
        return base;
    }

    private static int[] append(int[] a, int v) {
        int[] r = Arrays.copyOf(a, a.length + 1);
        r[a.length] = v;
        return r;
    }

    private static int[] concat(int[] a, int[] b) {
        int[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    /** The state after reading class {@code cls} in state value {@code state}. */
    private int step(int state, int cls) {
        int b = state >>> 1;
        while (b != 0) {
            int p = (b + cls) << 1;
            if (cells[p] == b) {
                return cells[p + 1];
            }
            b = failure[b];
        }
        return rootRow[cls];
    }

    /**
     * Scans {@code text[0, length)} and, for every keyword occurrence, ORs into {@code masks[payload >>> 5]} the
     * bit {@code payload & 31} of each of the keyword's payloads. Groups whose mask goes from zero to non-zero are
     * appended to {@code touched}; returns the number of touched groups.
     */
    int matchGroups(char[] text, int length, int[] masks, int[] touched) {
        final char[] classes = classOf;
        int touchedCount = 0;
        int state = 0;
        for (int i = 0; i < length; i++) {
            int cls = classes[text[i]];
            if (cls == 0) {
                state = 0;
                continue;
            }
            state = step(state, cls);
            if ((state & 1) != 0) {
                int s = state >>> 1;
                for (int o = payloadStart[s], end = payloadStart[s + 1]; o < end; o++) {
                    int v = payloads[o];
                    int group = v >>> 5;
                    if (masks[group] == 0) {
                        touched[touchedCount++] = group;
                    }
                    masks[group] |= 1 << (v & 31);
                }
            }
        }
        return touchedCount;
    }

    /** The number of keyword occurrences in {@code text[0, length)}, overlapping ones included. */
    int count(char[] text, int length) {
        final char[] classes = classOf;
        int state = 0;
        int count = 0;
        for (int i = 0; i < length; i++) {
            int cls = classes[text[i]];
            if (cls == 0) {
                state = 0;
                continue;
            }
            state = step(state, cls);
            if ((state & 1) != 0) {
                int s = state >>> 1;
                count += outputStart[s + 1] - outputStart[s];
            }
        }
        return count;
    }
}

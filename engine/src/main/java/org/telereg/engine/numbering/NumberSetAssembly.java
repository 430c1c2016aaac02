package org.telereg.engine.numbering;

import static org.telereg.engine.numbering.NumberSet.BITMAP_CHARS;
import static org.telereg.engine.numbering.NumberSet.FIRST_NUMBER;
import static org.telereg.engine.numbering.NumberSet.PREFIXES;
import static org.telereg.engine.numbering.NumberSet.SUFFIXES;

import java.util.Arrays;

/**
 * Lays out a {@link NumberSet} from unsorted numbers without sorting them as longs: a counting pass per prefix,
 * a scatter of the four-digit suffixes into one char array, then a sort of each prefix's few suffixes. Extra
 * memory is two bytes per number and two int arrays of a million.
 */
final class NumberSetAssembly {

    /** The most prefixes one block of the index covers; see {@link NumberSet#shift}. */
    static final int MAX_SHIFT = 6;

    private final long[] numbers;
    private final int count;
    private final long[] ports;
    private final int portCount;
    private final byte[] holders;

    NumberSetAssembly(long[] numbers, int count, long[] ports, int portCount, byte[] holders) {
        this.numbers = numbers;
        this.count = count;
        this.ports = ports;
        this.portCount = portCount;
        this.holders = holders;
    }

    NumberSet assemble() {
        // runStarts[p] is where prefix p's suffixes begin in runs; after deduplication runLengths[p] says how
        // many distinct ones there are.
        int[] runStarts = new int[PREFIXES + 1];
        for (int i = 0; i < count; i++) {
            runStarts[prefixOf(numbers[i]) + 1]++;
        }
        for (int p = 0; p < PREFIXES; p++) {
            runStarts[p + 1] += runStarts[p];
        }
        char[] runs = new char[count];
        int[] next = Arrays.copyOf(runStarts, PREFIXES);
        for (int i = 0; i < count; i++) {
            long number = numbers[i];
            int prefix = prefixOf(number);
            runs[next[prefix]++] = (char) (suffixOf(number, prefix) << 2);
        }
        int[] runLengths = next;
        long size = 0;
        for (int p = 0; p < PREFIXES; p++) {
            runLengths[p] = deduplicate(runs, runStarts[p], runStarts[p + 1]);
            size += runLengths[p];
        }

        int[] portedPerPrefix = new int[PREFIXES];
        long ported = applyPorts(runs, runStarts, runLengths, portedPerPrefix);

        int[] starts = new int[PREFIXES + 1];
        long end = 0;
        for (int p = 0; p < PREFIXES; p++) {
            starts[p] = (int) end;
            int members = runLengths[p];
            end += members >= BITMAP_CHARS ? BITMAP_CHARS + portedPerPrefix[p] : members;
            if (end > Integer.MAX_VALUE - 9) {
                throw new IllegalArgumentException("These numbers need more than " + (Integer.MAX_VALUE - 8)
                        + " container entries; build several sets by segment");
            }
        }
        starts[PREFIXES] = (int) end;

        // One char more than the containers need: see NumberSet#containers.
        char[] containers = new char[(int) end + 1];
        for (int p = 0; p < PREFIXES; p++) {
            int from = runStarts[p];
            int members = runLengths[p];
            int at = starts[p];
            if (members >= BITMAP_CHARS) {
                int portedAt = at + BITMAP_CHARS;
                for (int i = from; i < from + members; i++) {
                    char entry = runs[i];
                    int suffix = entry >>> 2;
                    containers[at + (suffix >>> 4)] |= (char) (1 << (suffix & 15));
                    if ((entry & 3) != 0) {
                        containers[portedAt++] = entry;
                    }
                }
            } else {
                System.arraycopy(runs, from, containers, at, members);
            }
        }

        int shift = shiftFor(starts);
        int[] blockStarts = new int[(PREFIXES >>> shift) + 1];
        for (int block = 0; block < blockStarts.length; block++) {
            blockStarts[block] = starts[block << shift];
        }
        char[] offsets = new char[PREFIXES + 1];
        for (int p = 0; p <= PREFIXES; p++) {
            offsets[p] = (char) (starts[p] - blockStarts[p >>> shift]);
        }
        return new NumberSet(containers, blockStarts, offsets, shift, holders, size, ported);
    }

    /**
     * Marks each ported entry with its port code; returns how many members are served by an operator other
     * than their block's holder, and counts them per prefix.
     */
    private long applyPorts(char[] runs, int[] runStarts, int[] runLengths, int[] portedPerPrefix) {
        long[] sorted = Arrays.copyOf(ports, portCount);
        Arrays.sort(sorted);
        long ported = 0;
        for (int i = 0; i < sorted.length; i++) {
            long number = sorted[i] >>> 3;
            int operator = (int) (sorted[i] & 7);
            if (i + 1 < sorted.length && sorted[i + 1] >>> 3 == number) {
                if ((sorted[i + 1] & 7) != operator) {
                    throw new IllegalArgumentException("Number " + number + " is ported both to "
                            + Carrier.values()[operator].chineseName() + " and to "
                            + Carrier.values()[(int) (sorted[i + 1] & 7)].chineseName());
                }
                continue;
            }
            int prefix = prefixOf(number);
            int holder = holders[prefix];
            if (holder == 0) {
                throw new IllegalArgumentException("Number " + number + " is ported to "
                        + Carrier.values()[operator].chineseName() + " but no operator holds its block "
                        + (prefix + PREFIXES) + "; name the block's holder");
            }
            int portCode = (operator - (holder - 1)) & 3;
            if (portCode != 0) {
                int suffix = suffixOf(number, prefix);
                int from = runStarts[prefix];
                // The entries around may already carry port codes, but this one does not yet: a number's
                // ports were merged into one just above.
                int at = Arrays.binarySearch(runs, from, from + runLengths[prefix], (char) (suffix << 2));
                runs[at] = (char) (suffix << 2 | portCode);
                portedPerPrefix[prefix]++;
                ported++;
            }
        }
        return ported;
    }

    /** Sorts a prefix's run and removes repeated suffixes; returns the distinct count. */
    private static int deduplicate(char[] runs, int from, int to) {
        if (to - from < 2) {
            return to - from;
        }
        Arrays.sort(runs, from, to);
        int kept = from + 1;
        for (int i = from + 1; i < to; i++) {
            if (runs[i] != runs[kept - 1]) {
                runs[kept++] = runs[i];
            }
        }
        return kept - from;
    }

    /** The largest block shift up to {@link #MAX_SHIFT} under which every offset fits in a char. */
    private static int shiftFor(int[] starts) {
        for (int shift = MAX_SHIFT; shift > 0; shift--) {
            if (fits(starts, shift)) {
                return shift;
            }
        }
        return 0;
    }

    private static boolean fits(int[] starts, int shift) {
        for (int p = 0; p <= PREFIXES; p++) {
            if (starts[p] - starts[(p >>> shift) << shift] > Character.MAX_VALUE) {
                return false;
            }
        }
        return true;
    }

    private static int prefixOf(long number) {
        return (int) ((number - FIRST_NUMBER) / SUFFIXES);
    }

    private static int suffixOf(long number, int prefix) {
        return (int) (number - FIRST_NUMBER - (long) prefix * SUFFIXES);
    }
}

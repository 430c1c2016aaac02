package org.telereg.engine.filing;

import java.util.Arrays;

/**
 * The radix index of {@link IpPrefixTable}'s IPv6 segments: a tree of direct tables on the high 64 bits of
 * an address, each giving the range of segments to binary-search. Laid out in one {@code int[]}; a lookup
 * reads a node's header and one bucket, descends while the bucket has a child, then searches a handful of
 * segments.
 *
 * <p>Why a tree and not IPv4's one table: IPv6 filings cluster. A register's prefixes sit under a few
 * hundred /32 allocations scattered over 2000::/3, so a table on the top bits puts each allocation, with its
 * thousands of customer blocks, in one bucket. Each node therefore indexes the bits just below the common
 * prefix of the segments it covers (for an allocation's bucket, the bits under the /32), with a bucket per
 * two segments (the root one per eight); a bucket that still holds more than {@value #LEAF_SEGMENTS}
 * segments gets a node of its own.
 *
 * <p>Why it answers right: bucket {@code b} of a node stores {@code e[b]}, the last segment of the node's
 * range whose high word is below the bucket's first high word (or the node's first segment, which starts at
 * or before every address the node is asked about), and {@code e[b + 1]}. The segment covering an address in
 * bucket {@code b} starts at or after {@code e[b]} (which starts at or before the address) and at or before
 * {@code e[b + 1]} (every later segment starts in a later bucket). An address whose high word is below the
 * node's span goes to bucket 0 and one above it to the last bucket: the same two facts hold there. So the
 * choice of bits only decides how fast a lookup is, never what it answers.
 *
 * <p>Node layout: the span's first high word as two ints, the shift that brings the indexed bits to the bottom,
 * the bucket count, then for each bucket its first segment and its child node (or -1), and one more first
 * segment (the range's last). Memory: a node with {@code n} segments has at most {@code 2n} buckets of 8 bytes;
 * the nodes of one depth cover each segment once, and there are at most {@value #MAX_DEPTH} depths. On the
 * benchmark's 200,000 register-shaped IPv6 ranges (399,409 segments) the index takes 11 bytes per segment.
 */
final class Ipv6Index {

    /** Ints before a node's buckets: span start (two ints), shift, bucket count. */
    static final int HEADER = 4;

    // 2^20 buckets of 8 bytes: the root is at most 8 MB, whatever the register.
    private static final int ROOT_MAX_BITS = 20;
    private static final int NODE_MAX_BITS = 16;
    // Buckets per segment, as a power of two below the segment count: the root gets one bucket per 8
    // segments (register prefixes cluster, so most root buckets are empty and a small root stays in the
    // cache), a node one per 2 (below an allocation they spread evenly). Measured: half the memory of one
    // bucket per segment, and no slower.
    private static final int ROOT_SPARSENESS = 3;
    private static final int NODE_SPARSENESS = 1;
    // A binary search over this many segments costs about what one more node does.
    private static final int LEAF_SEGMENTS = 8;
    private static final int MAX_DEPTH = 4;

    private final long[] highs;
    private int[] nodes = new int[256];
    private int length;

    private Ipv6Index(long[] highs) {
        this.highs = highs;
    }

    /**
     * The index over {@code count} segments whose first addresses' high 64 bits are {@code highs} (unsigned,
     * ascending; segment 0 starts at {@code ::}).
     */
    static int[] build(long[] highs, int count) {
        Ipv6Index index = new Ipv6Index(highs);
        index.node(0, count - 1, 0);
        return Arrays.copyOf(index.nodes, index.length);
    }

    /** Builds the node answering from segments {@code first..last}; returns its offset. */
    private int node(int first, int last, int depth) {
        // The segments after the first all start inside the node's span; index the bits below their common
        // prefix.
        int shared = first < last ? Long.numberOfLeadingZeros(highs[first + 1] ^ highs[last]) : 64;
        int maxBits = Math.min(depth == 0 ? ROOT_MAX_BITS : NODE_MAX_BITS, 64 - shared);
        int sparseness = depth == 0 ? ROOT_SPARSENESS : NODE_SPARSENESS;
        int bits = Math.min(maxBits, Math.max(1, 32 - Integer.numberOfLeadingZeros(last - first) - sparseness));
        long base = shared == 0 ? 0 : highs[Math.min(first + 1, last)] & (-1L << (64 - shared));
        int shift = 64 - shared - bits;
        int buckets = 1 << bits;

        int at = allocate(HEADER + 2 * buckets + 2);
        nodes[at] = (int) (base >>> 32);
        nodes[at + 1] = (int) base;
        nodes[at + 2] = shift;
        nodes[at + 3] = buckets;
        int segment = first;
        for (int bucket = 0; bucket <= buckets; bucket++) {
            if (bucket == buckets) {
                segment = last;
            } else if (bucket > 0) {
                long bucketStart = base + ((long) bucket << shift);
                while (segment < last && Long.compareUnsigned(highs[segment + 1], bucketStart) < 0) {
                    segment++;
                }
            }
            nodes[at + HEADER + 2 * bucket] = segment;
            nodes[at + HEADER + 2 * bucket + 1] = -1;
        }
        if (bits > 0 && depth + 1 < MAX_DEPTH) {
            for (int bucket = 0; bucket < buckets; bucket++) {
                int from = nodes[at + HEADER + 2 * bucket];
                int to = nodes[at + HEADER + 2 * bucket + 2];
                if (to - from > LEAF_SEGMENTS) {
                    int child = node(from, to, depth + 1);
                    nodes[at + HEADER + 2 * bucket + 1] = child;
                }
            }
        }
        return at;
    }

    private int allocate(int ints) {
        if (length + ints > nodes.length) {
            nodes = Arrays.copyOf(nodes, Math.max(length + ints, nodes.length * 2));
        }
        int at = length;
        length += ints;
        return at;
    }
}

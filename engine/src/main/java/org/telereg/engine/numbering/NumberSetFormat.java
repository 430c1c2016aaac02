package org.telereg.engine.numbering;

import static org.telereg.engine.numbering.NumberSet.BITMAP_CHARS;
import static org.telereg.engine.numbering.NumberSet.PREFIXES;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * TeleReg's binary number-set format, version 1: a header ({@code TRNS}, version, shift, size, ported count,
 * container length), then the arrays of {@link NumberSet} as they are in memory (the containers with their
 * padding char), big-endian. Reading checks
 * the header and that every container lies inside the container array, so a truncated or foreign file is
 * refused instead of answering wrongly.
 */
final class NumberSetFormat {

    private static final int MAGIC = 0x54524E53;
    private static final int VERSION = 1;
    private static final int CHUNK = 1 << 16;

    private NumberSetFormat() {}

    static void write(NumberSet set, OutputStream stream) throws IOException {
        DataOutputStream out = new DataOutputStream(stream);
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeInt(set.shift);
        out.writeLong(set.size());
        out.writeLong(set.portedCount());
        out.writeInt(set.containers.length);
        out.write(set.holders);
        writeChars(out, set.offsets);
        writeInts(out, set.blockStarts);
        writeChars(out, set.containers);
        out.flush();
    }

    static NumberSet read(InputStream stream) throws IOException {
        DataInputStream in = new DataInputStream(stream);
        if (in.readInt() != MAGIC) {
            throw new IOException("Not a TeleReg number set: the stream does not start with TRNS");
        }
        int version = in.readInt();
        if (version != VERSION) {
            throw new IOException(
                    "Number set format version " + version + " is not supported; this engine reads " + VERSION);
        }
        int shift = in.readInt();
        long size = in.readLong();
        long ported = in.readLong();
        int containerLength = in.readInt();
        if (shift < 0
                || shift > NumberSetAssembly.MAX_SHIFT
                || size < 0
                || ported < 0
                || ported > size
                || containerLength < 1
                || containerLength > Integer.MAX_VALUE - 8) {
            throw new IOException("Corrupt number set header");
        }
        byte[] holders = new byte[PREFIXES];
        in.readFully(holders);
        for (int p = 0; p < PREFIXES; p++) {
            if (holders[p] < 0 || holders[p] > Carrier.CHINA_BROADNET.ordinal() + 1) {
                throw new IOException("Corrupt number set: block " + (p + PREFIXES) + " has holder code " + holders[p]);
            }
        }
        char[] offsets = readChars(in, PREFIXES + 1);
        int[] blockStarts = readInts(in, (PREFIXES >>> shift) + 1);
        char[] containers = readChars(in, containerLength);
        NumberSet set = new NumberSet(containers, blockStarts, offsets, shift, holders, size, ported);
        checkContainers(set, size, ported);
        return set;
    }

    /**
     * Every container starts where the one before ends, the last ends with the container array, every run is
     * strictly ascending below 10,000, and the members and ports add up to the header's counts.
     */
    private static void checkContainers(NumberSet set, long size, long ported) throws IOException {
        char[] containers = set.containers;
        if (set.containerStart(0) != 0) {
            throw new IOException("Corrupt number set: the first container does not start at 0");
        }
        long members = 0;
        long ports = 0;
        int start = 0;
        for (int p = 0; p < PREFIXES; p++) {
            int end = set.containerStart(p + 1);
            if (end < start || end >= containers.length) {
                throw new IOException(
                        "Corrupt number set: the container of prefix " + (p + PREFIXES) + " ends outside the data");
            }
            int runFrom = start;
            if (end - start >= BITMAP_CHARS) {
                for (int i = start; i < start + BITMAP_CHARS; i++) {
                    members += Integer.bitCount(containers[i]);
                }
                runFrom = start + BITMAP_CHARS;
            } else {
                members += end - start;
            }
            for (int i = runFrom; i < end; i++) {
                if (containers[i] >>> 2 >= NumberSet.SUFFIXES
                        || (i > runFrom && containers[i] >>> 2 <= containers[i - 1] >>> 2)) {
                    throw new IOException(
                            "Corrupt number set: the container of prefix " + (p + PREFIXES) + " is not in order");
                }
                ports += (containers[i] & 3) != 0 ? 1 : 0;
            }
            start = end;
        }
        if (start != containers.length - 1 || members != size || ports != ported) {
            throw new IOException("Corrupt number set: the containers do not add up to the header's counts");
        }
    }

    private static void writeChars(DataOutputStream out, char[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK / Character.BYTES) {
            int n = Math.min(CHUNK / Character.BYTES, values.length - from);
            buffer.clear();
            buffer.asCharBuffer().put(values, from, n);
            out.write(buffer.array(), 0, n * Character.BYTES);
        }
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < values.length; from += CHUNK / Integer.BYTES) {
            int n = Math.min(CHUNK / Integer.BYTES, values.length - from);
            buffer.clear();
            buffer.asIntBuffer().put(values, from, n);
            out.write(buffer.array(), 0, n * Integer.BYTES);
        }
    }

    private static char[] readChars(DataInputStream in, int length) throws IOException {
        char[] values = new char[length];
        byte[] bytes = new byte[CHUNK];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < length; from += CHUNK / Character.BYTES) {
            int n = Math.min(CHUNK / Character.BYTES, length - from);
            in.readFully(bytes, 0, n * Character.BYTES);
            buffer.clear();
            buffer.asCharBuffer().get(values, from, n);
        }
        return values;
    }

    private static int[] readInts(DataInputStream in, int length) throws IOException {
        int[] values = new int[length];
        byte[] bytes = new byte[CHUNK];
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN);
        for (int from = 0; from < length; from += CHUNK / Integer.BYTES) {
            int n = Math.min(CHUNK / Integer.BYTES, length - from);
            in.readFully(bytes, 0, n * Integer.BYTES);
            buffer.clear();
            buffer.asIntBuffer().get(values, from, n);
        }
        return values;
    }
}

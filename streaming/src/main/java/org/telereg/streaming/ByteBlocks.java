package org.telereg.streaming;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.file.src.reader.SimpleStreamFormat;
import org.apache.flink.connector.file.src.reader.StreamFormat;
import org.apache.flink.core.fs.FSDataInputStream;
import org.telereg.engine.fraud.CdrLineReader;

/**
 * A file format whose records are blocks of whole lines as bytes, not decoded and not split: {@link ParseBlocks}
 * splits and reads them. A record per line cost Flink's work per record (the source's hand-over, chaining, a copy
 * of the line) several times over what reading the line costs; a block of {@link #BLOCK} bytes pays it once for a
 * few hundred lines. Lines end at {@code \n}, as the batch scan's do; a last line without one is a line too.
 *
 * <p>A block is the whole lines within the next {@link #BLOCK} bytes of the file, so the same file always gives
 * the same blocks: the file source restores a reader after a failure by skipping the blocks it had read. A line
 * longer than a block makes a block of its own; one longer than {@link #MAX_LINE} bytes is cut there and the rest
 * of it skipped, so that a file with no line breaks cannot exhaust the heap (the parser then rejects the cut line
 * when a field it needs was cut).
 */
final class ByteBlocks extends SimpleStreamFormat<byte[]> {

    private static final long serialVersionUID = 1L;

    static final int BLOCK = 1 << 16;
    static final int MAX_LINE = 1 << 20;

    @Override
    public StreamFormat.Reader<byte[]> createReader(Configuration config, FSDataInputStream stream) {
        return new BlockReader(stream);
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }

    /** Cuts a stream into blocks of whole lines. */
    static final class BlockReader implements StreamFormat.Reader<byte[]> {
        private final InputStream in;
        /** Bytes read and not yet given out: {@code [0, end)}. */
        private byte[] buffer = new byte[BLOCK];

        private int end;
        private boolean endOfStream;
        /** Whether the rest of an over-long line, up to its line break, is being skipped. */
        private boolean skipping;

        BlockReader(InputStream in) {
            this.in = in;
        }

        @Override
        public byte[] read() throws IOException {
            while (true) {
                fill(Math.min(buffer.length, skipping ? buffer.length : BLOCK));
                if (end == 0) {
                    return null;
                }
                if (skipping) {
                    int lineEnd = newline(buffer, 0, end);
                    if (lineEnd < 0) {
                        end = 0;
                        if (endOfStream) {
                            return null;
                        }
                        continue;
                    }
                    skipping = false;
                    take(lineEnd + 1);
                    continue;
                }
                if (endOfStream && end <= BLOCK) {
                    return take(end);
                }
                int limit = Math.min(end, BLOCK);
                int lastBreak = lastIndexOf(buffer, (byte) '\n', limit);
                if (lastBreak >= 0) {
                    return take(lastBreak + 1);
                }
                // No line ends within a block: one long line, read up to its end or MAX_LINE.
                int lineEnd = newline(buffer, limit, end);
                while (lineEnd < 0 && !endOfStream && end < MAX_LINE) {
                    if (end == buffer.length) {
                        buffer = Arrays.copyOf(buffer, Math.min(MAX_LINE, buffer.length * 2));
                    }
                    int before = end;
                    fill(buffer.length);
                    lineEnd = newline(buffer, before, end);
                }
                if (lineEnd >= 0) {
                    return take(lineEnd + 1);
                }
                if (endOfStream && end < MAX_LINE) {
                    return take(end);
                }
                byte[] cut = take(MAX_LINE);
                skipping = true;
                return cut;
            }
        }

        /** The first {@code count} bytes of the buffer, which then holds the rest. */
        private byte[] take(int count) {
            byte[] block = Arrays.copyOf(buffer, count);
            System.arraycopy(buffer, count, buffer, 0, end - count);
            end -= count;
            return block;
        }

        /** Reads until the buffer holds {@code wanted} bytes or the stream ends. */
        private void fill(int wanted) throws IOException {
            while (end < wanted && !endOfStream) {
                int n = in.read(buffer, end, wanted - end);
                if (n < 0) {
                    endOfStream = true;
                } else {
                    end += n;
                }
            }
        }

        /** The first line break in {@code b[from, to)}, or -1. */
        private static int newline(byte[] b, int from, int to) {
            int at = CdrLineReader.lineEnd(b, from, to);
            return at < to ? at : -1;
        }

        private static int lastIndexOf(byte[] b, byte value, int to) {
            for (int i = to - 1; i >= 0; i--) {
                if (b[i] == value) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

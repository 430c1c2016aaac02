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

/**
 * A file format of lines as bytes, not decoded: the parser reads the fields' bytes itself and decodes only the
 * ones it keeps as text, where a text-line format decoded every line to a {@code String} that the parser then
 * encoded back to bytes. Lines end at {@code \n}, as the batch scan's do (the parser drops a trailing
 * {@code \r}); a last line without one is a line too.
 *
 * <p>A line longer than {@link #MAX_LINE} bytes is cut there and the rest of it skipped, so that a file with no
 * line breaks cannot exhaust the heap. The parser then reads the cut line like any other: rejected when a field it
 * needs was cut or is malformed, read when they all lie in the first {@link #MAX_LINE} bytes.
 */
final class ByteLines extends SimpleStreamFormat<byte[]> {

    private static final long serialVersionUID = 1L;

    static final int MAX_LINE = 1 << 20;
    private static final int BUFFER = 1 << 16;

    @Override
    public StreamFormat.Reader<byte[]> createReader(Configuration config, FSDataInputStream stream) {
        return new LineReader(stream);
    }

    @Override
    public TypeInformation<byte[]> getProducedType() {
        return PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO;
    }

    /** Splits a stream into lines; reads it in blocks. */
    static final class LineReader implements StreamFormat.Reader<byte[]> {
        private final InputStream in;
        private byte[] buffer = new byte[BUFFER];
        /** The current line starts at {@code start}; bytes up to {@code scanned} hold no line break. */
        private int start;

        private int scanned;
        private int end;
        private boolean endOfStream;
        /** Whether the rest of an over-long line, up to its line break, is being skipped. */
        private boolean skipping;

        LineReader(InputStream in) {
            this.in = in;
        }

        @Override
        public byte[] read() throws IOException {
            while (true) {
                for (int i = scanned; i < end; i++) {
                    if (buffer[i] == '\n') {
                        byte[] line = skipping ? null : Arrays.copyOfRange(buffer, start, i);
                        start = i + 1;
                        scanned = start;
                        if (!skipping) {
                            return line;
                        }
                        skipping = false;
                    }
                }
                scanned = end;
                if (!skipping && end - start >= MAX_LINE) {
                    byte[] cut = Arrays.copyOfRange(buffer, start, start + MAX_LINE);
                    start = end;
                    scanned = end;
                    skipping = true;
                    return cut;
                }
                if (skipping) {
                    start = end;
                }
                if (endOfStream) {
                    if (start < end) {
                        byte[] last = Arrays.copyOfRange(buffer, start, end);
                        start = end;
                        return last;
                    }
                    return null;
                }
                fill();
            }
        }

        private void fill() throws IOException {
            if (start > 0) {
                System.arraycopy(buffer, start, buffer, 0, end - start);
                end -= start;
                scanned -= start;
                start = 0;
            }
            if (end == buffer.length) {
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int n = in.read(buffer, end, buffer.length - end);
            if (n < 0) {
                endOfStream = true;
            } else {
                end += n;
            }
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}

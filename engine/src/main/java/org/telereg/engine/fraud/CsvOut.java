package org.telereg.engine.fraud;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes CSV rows of ASCII numbers and pre-encoded UTF-8 text into a byte buffer, with no String per field. */
final class CsvOut implements AutoCloseable {

    private final OutputStream out;
    private final byte[] buffer = new byte[1 << 16];
    private int size;

    CsvOut(Path file, boolean gzip) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        this.out = gzip ? new GZIPOutputStream(raw, 1 << 16) : new BufferedOutputStream(raw, 1 << 16);
    }

    CsvOut text(String text) throws IOException {
        return bytes(text.getBytes(StandardCharsets.UTF_8));
    }

    CsvOut bytes(byte[] text) throws IOException {
        if (size + text.length > buffer.length) {
            flush();
            if (text.length > buffer.length) {
                out.write(text);
                return this;
            }
        }
        System.arraycopy(text, 0, buffer, size, text.length);
        size += text.length;
        return this;
    }

    CsvOut number(long value) throws IOException {
        if (size + 20 > buffer.length) {
            flush();
        }
        if (value < 0) {
            buffer[size++] = '-';
            value = -value;
        }
        int digits = 1;
        for (long v = value / 10; v > 0; v /= 10) {
            digits++;
        }
        for (int i = size + digits - 1; i >= size; i--) {
            buffer[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        size += digits;
        return this;
    }

    /** Two digits with a leading zero. */
    CsvOut twoDigits(int value) throws IOException {
        if (size + 2 > buffer.length) {
            flush();
        }
        buffer[size++] = (byte) ('0' + value / 10);
        buffer[size++] = (byte) ('0' + value % 10);
        return this;
    }

    CsvOut sep() throws IOException {
        return symbol(',');
    }

    CsvOut end() throws IOException {
        return symbol('\n');
    }

    CsvOut symbol(char c) throws IOException {
        if (size == buffer.length) {
            flush();
        }
        buffer[size++] = (byte) c;
        return this;
    }

    private void flush() throws IOException {
        out.write(buffer, 0, size);
        size = 0;
    }

    @Override
    public void close() throws IOException {
        flush();
        out.close();
    }
}

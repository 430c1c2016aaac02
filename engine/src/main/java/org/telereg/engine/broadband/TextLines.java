package org.telereg.engine.broadband;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of a CSV file in UTF-8 or GBK. The first line with a non-ASCII byte decides the file's character set: UTF-8
 * when it decodes strictly as UTF-8, else GBK when it decodes as GBK (what Excel on Chinese Windows saves). Later
 * lines must decode in that set; one that does not is handed back as undecodable, so the reader rejects that row
 * and goes on. Splitting happens on the byte {@code \n}, which never occurs inside a UTF-8 or GBK character.
 */
final class TextLines {

    static final Charset GBK = Charset.forName("GBK");
    static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private byte[] buffer = new byte[256];
    private Charset charset;
    private long number;
    private long bytesRead;
    private boolean first = true;

    /** A line: its number (from 1) and text, or null text with a problem when it could not be decoded. */
    record Line(long number, String text, String problem) {}

    TextLines(InputStream in) {
        this.in = in;
    }

    /** The character set decided so far: UTF-8 until a non-ASCII line says otherwise. */
    String charset() {
        return charset == null ? "UTF-8" : charset.name();
    }

    /** The character set decided so far, or null while every line has been ASCII. */
    Charset decided() {
        return charset;
    }

    /** Bytes taken from the stream so far: where the line after the last one handed back starts. */
    long bytesRead() {
        return bytesRead;
    }

    /** The next line without its line terminator, or null at the end of the file. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        int b = in.read();
        if (b == -1) {
            return null;
        }
        bytesRead++;
        while (b != -1 && b != '\n') {
            if (length == MAX_LINE_BYTES) {
                tooLong = true;
            } else {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[length++] = (byte) b;
            }
            b = in.read();
            if (b != -1) {
                bytesRead++;
            }
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        int from = 0;
        if (first
                && length >= 3
                && (buffer[0] & 0xFF) == 0xEF
                && (buffer[1] & 0xFF) == 0xBB
                && (buffer[2] & 0xFF) == 0xBF) {
            from = 3;
            charset = StandardCharsets.UTF_8;
        }
        first = false;
        return decode(from, length);
    }

    private Line decode(int from, int to) {
        boolean ascii = true;
        for (int i = from; i < to && ascii; i++) {
            ascii = buffer[i] >= 0;
        }
        if (ascii) {
            return new Line(number, new String(buffer, from, to - from, StandardCharsets.US_ASCII), null);
        }
        if (charset == null) {
            String utf8 = strictly(StandardCharsets.UTF_8, from, to);
            if (utf8 != null) {
                charset = StandardCharsets.UTF_8;
                return new Line(number, utf8, null);
            }
            String gbk = strictly(GBK, from, to);
            if (gbk != null) {
                charset = GBK;
                return new Line(number, gbk, null);
            }
            return new Line(number, null, "neither UTF-8 nor GBK text");
        }
        String text = strictly(charset, from, to);
        return text != null
                ? new Line(number, text, null)
                : new Line(number, null, "not " + charset.name() + " text like the lines before it");
    }

    private String strictly(Charset set, int from, int to) {
        try {
            return set.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, from, to - from))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

package org.telereg.engine.sms;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens UTF-8 input files strictly, recognising the GBK files Chinese Windows tools still write. */
final class TsvInput {

    private static final int SNIFF_BYTES = 1 << 16;

    private TsvInput() {}

    /** Thrown when a file is not UTF-8; the message says what it looks like instead and what to do. */
    static final class NotUtf8Exception extends IOException {
        NotUtf8Exception(String message) {
            super(message);
        }
    }

    /**
     * A strict UTF-8 reader of {@code file}, past a byte-order mark.
     *
     * @throws NotUtf8Exception when the start of the file is not UTF-8, saying whether it reads as GBK
     */
    static BufferedReader open(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        boolean complete = head.length < SNIFF_BYTES;
        if (!decodes(head, StandardCharsets.UTF_8, complete)) {
            if (decodes(head, Charset.forName("GBK"), complete)) {
                throw new NotUtf8Exception(file + " is GBK-encoded, not UTF-8; it was not screened. Convert it first,"
                        + " e.g. iconv -f GBK -t UTF-8 " + file.getFileName() + " > utf8.tsv");
            }
            throw new NotUtf8Exception(file + " is not UTF-8 text; it was not screened");
        }
        CharsetDecoder strict = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        InputStream in = Files.newInputStream(file);
        if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.skipNBytes(3);
        }
        return new BufferedReader(new InputStreamReader(in, strict), 1 << 16);
    }

    private static boolean decodes(byte[] bytes, Charset charset, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer out = CharBuffer.allocate(bytes.length + 16);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CoderResult result = decoder.decode(in, out, complete);
        if (result.isError()) {
            return false;
        }
        if (complete) {
            try {
                decoder.flush(out);
            } catch (IllegalStateException e) {
                return false;
            }
            return !in.hasRemaining();
        }
        // A multi-byte character cut by the end of the sniffed block is fine: at most 3 bytes may remain.
        return in.remaining() <= 3;
    }

    static boolean isCodingError(IOException e) {
        return e instanceof CharacterCodingException;
    }
}

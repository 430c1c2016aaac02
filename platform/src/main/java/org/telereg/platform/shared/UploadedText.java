package org.telereg.platform.shared;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of an uploaded file. Chinese users send both UTF-8 (with or without a byte-order mark)
 * and GBK from Excel; a file that decodes cleanly as neither is refused rather than guessed.
 *
 * @param text the decoded text, without a byte-order mark
 * @param charset {@code UTF-8} or {@code GB18030} (the superset of GBK)
 */
public record UploadedText(String text, String charset) {

    private static final Charset GB18030 = Charset.forName("GB18030");

    public static UploadedText decode(byte[] content) {
        if (content.length == 0) {
            throw new InvalidValueException("invalid.file.empty", "the file is empty");
        }
        if (content.length >= 3
                && (content[0] & 0xff) == 0xEF
                && (content[1] & 0xff) == 0xBB
                && (content[2] & 0xff) == 0xBF) {
            String text = strict(content, 3, StandardCharsets.UTF_8);
            if (text == null) {
                throw new InvalidValueException("invalid.file.encoding", "the file is marked UTF-8 but is not");
            }
            return new UploadedText(text, "UTF-8");
        }
        if (content.length >= 2 && ((content[0] & 0xff) == 0xFE || (content[0] & 0xff) == 0xFF)) {
            throw new InvalidValueException("invalid.file.encoding", "UTF-16 files are not accepted");
        }
        String utf8 = strict(content, 0, StandardCharsets.UTF_8);
        if (utf8 != null) {
            return new UploadedText(utf8, "UTF-8");
        }
        String gb = strict(content, 0, GB18030);
        if (gb != null) {
            return new UploadedText(gb, "GB18030");
        }
        throw new InvalidValueException("invalid.file.encoding", "the file is neither UTF-8 nor GBK text");
    }

    private static String strict(byte[] content, int offset, Charset charset) {
        try {
            String text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content, offset, content.length - offset))
                    .toString();
            // A NUL means a binary file (a spreadsheet, an image) that happened to decode.
            return text.indexOf('\0') >= 0 ? null : text;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}

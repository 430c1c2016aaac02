package org.telereg.platform.spam;

import java.util.List;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/**
 * An uploaded screenshot, accepted only when its bytes are a PNG, JPEG, GIF or WebP image: the
 * name and the browser's content type are not trusted.
 */
record Screenshot(String fileName, String contentType, byte[] bytes) {

    static Screenshot of(String fileName, byte[] bytes, int maxBytes) {
        if (bytes.length == 0) {
            throw rejected("spam.invalid.attachmentEmpty", "the file is empty");
        }
        if (bytes.length > maxBytes) {
            throw rejected("spam.invalid.attachmentTooLarge", "larger than " + maxBytes + " bytes", maxBytes);
        }
        String type = imageType(bytes);
        if (type == null) {
            throw rejected("spam.invalid.attachmentType", "not a PNG, JPEG, GIF or WebP image");
        }
        String name = fileName == null || fileName.isBlank()
                ? "screenshot"
                : fileName.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return new Screenshot(name.length() > 255 ? name.substring(0, 255) : name, type, bytes);
    }

    /** The image type from the file's magic bytes, or null. */
    static String imageType(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G') {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8 && (b[2] & 0xff) == 0xFF) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8') {
            return "image/gif";
        }
        if (b.length >= 12
                && b[0] == 'R'
                && b[1] == 'I'
                && b[2] == 'F'
                && b[3] == 'F'
                && b[8] == 'W'
                && b[9] == 'E'
                && b[10] == 'B'
                && b[11] == 'P') {
            return "image/webp";
        }
        return null;
    }

    private static RejectedInputException rejected(String code, String message, Object... arguments) {
        return new RejectedInputException(List.of(new FieldProblem("screenshot", code, arguments, message)));
    }
}

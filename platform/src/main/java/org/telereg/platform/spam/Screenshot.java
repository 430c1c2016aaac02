package org.telereg.platform.spam;

import java.util.List;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FileTypes;
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
        String type = FileTypes.detect(bytes);
        if (type == null || !type.startsWith("image/")) {
            throw rejected("spam.invalid.attachmentType", "not a PNG, JPEG, GIF or WebP image");
        }
        return new Screenshot(FileTypes.safeName(fileName, "screenshot"), type, bytes);
    }

    private static RejectedInputException rejected(String code, String message, Object... arguments) {
        return new RejectedInputException(List.of(new FieldProblem("screenshot", code, arguments, message)));
    }
}

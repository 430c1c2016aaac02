package org.telereg.platform.spam;

import org.telereg.platform.shared.FileTypes;
import org.telereg.platform.shared.RejectedInputException;

/**
 * An uploaded screenshot, accepted only when its bytes are a PNG, JPEG, GIF or WebP image: the
 * name and the browser's content type are not trusted.
 */
record Screenshot(String fileName, String contentType, byte[] bytes) {

    static Screenshot of(String fileName, byte[] bytes, int maxBytes) {
        if (bytes.length == 0) {
            throw RejectedInputException.of("screenshot", "spam.invalid.attachmentEmpty", "the file is empty");
        }
        if (bytes.length > maxBytes) {
            throw RejectedInputException.of(
                    "screenshot", "spam.invalid.attachmentTooLarge", "larger than " + maxBytes + " bytes", maxBytes);
        }
        String type = FileTypes.detect(bytes);
        if (type == null || !type.startsWith("image/")) {
            throw RejectedInputException.of(
                    "screenshot", "spam.invalid.attachmentType", "not a PNG, JPEG, GIF or WebP image");
        }
        return new Screenshot(FileTypes.safeName(fileName, "screenshot"), type, bytes);
    }
}

package org.telereg.platform.shared;

import java.util.List;
import java.util.function.Function;

/**
 * What an uploaded file is, from its first bytes: the name and the browser's content type are not
 * trusted, since either can be made up.
 */
public final class FileTypes {

    private FileTypes() {}

    /** The media type of a PNG, JPEG, GIF, WebP or PDF file, or null for anything else. */
    public static String detect(byte[] b) {
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
        if (b.length >= 5 && b[0] == '%' && b[1] == 'P' && b[2] == 'D' && b[3] == 'F' && b[4] == '-') {
            return "application/pdf";
        }
        return null;
    }

    /** A file name safe to keep and to offer back: no path, no characters file systems refuse, at most 255. */
    public static String safeName(String fileName, String fallback) {
        if (fileName == null || fileName.isBlank()) {
            return fallback;
        }
        String name = fileName.replaceAll(".*[\\\\/]", "").replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return name.isBlank() ? fallback : name.length() > 255 ? name.substring(0, 255) : name;
    }

    /**
     * Checks a form's evidence files: the fields left empty (no bytes and no name) are dropped, then at
     * most {@code maxFiles} may remain, each non-empty, at most {@code maxBytes} and an image or PDF by
     * its content. Problems go to {@code field} with the codes {@code <prefix>tooManyFiles},
     * {@code fileEmpty}, {@code fileTooLarge} and {@code fileType}.
     *
     * @return the files the user actually chose
     */
    public static <T> List<T> checkEvidence(
            FieldProblems problems,
            String field,
            String codePrefix,
            List<T> files,
            Function<T, String> fileName,
            Function<T, byte[]> bytes,
            int maxFiles,
            long maxBytes) {
        List<T> chosen = files.stream()
                .filter(f -> bytes.apply(f).length > 0
                        || (fileName.apply(f) != null && !fileName.apply(f).isBlank()))
                .toList();
        if (chosen.size() > maxFiles) {
            problems.reject(field, codePrefix + "tooManyFiles", "at most " + maxFiles + " files", maxFiles);
        }
        for (T file : chosen) {
            String name = safeName(fileName.apply(file), "evidence");
            byte[] content = bytes.apply(file);
            if (content.length == 0) {
                problems.reject(field, codePrefix + "fileEmpty", name + " is empty", name);
            } else if (content.length > maxBytes) {
                problems.reject(
                        field,
                        codePrefix + "fileTooLarge",
                        name + " is larger than " + maxBytes + " bytes",
                        name,
                        maxBytes / (1024 * 1024));
            } else if (detect(content) == null) {
                problems.reject(field, codePrefix + "fileType", name + " is not an image or PDF", name);
            }
        }
        return chosen;
    }
}

package org.telereg.platform.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What every CSV import does before it reads a line: refuses an empty file and one over its size limit,
 * decodes UTF-8 (with or without a byte-order mark) or GBK ({@link UploadedText}), and finds its columns
 * in the header by any of the names each may go by.
 */
public final class UploadedCsv {

    private UploadedCsv() {}

    /**
     * The text of an upload.
     *
     * @param tooLargeCode the importer's message code for a file over {@code maxBytes}; its argument is
     *     the limit in MB
     * @throws InvalidValueException with {@code invalid.file.empty}, {@code tooLargeCode} or
     *     {@code invalid.file.encoding}
     */
    public static UploadedText text(byte[] content, long maxBytes, String tooLargeCode) {
        if (content == null || content.length == 0) {
            throw new InvalidValueException("invalid.file.empty", "the file is empty");
        }
        if (content.length > maxBytes) {
            throw new InvalidValueException(
                    tooLargeCode, "the file is larger than " + maxBytes + " bytes", maxBytes / (1024 * 1024));
        }
        return UploadedText.decode(content);
    }

    /**
     * Where each known column is in the header. A column named twice ({@code <codePrefix>columnTwice})
     * and a required column the header lacks ({@code <codePrefix>missingColumn}) are added to
     * {@code errors} on the header's line, naming the column; other columns are ignored.
     *
     * @param names each column with the header names it may go by, compared by {@link #fold}
     */
    public static Map<String, Integer> columns(
            List<String> header,
            Map<String, List<String>> names,
            Collection<String> required,
            long line,
            String codePrefix,
            List<LineError> errors) {
        Map<String, String> byName = new HashMap<>();
        names.forEach((column, aliases) -> aliases.forEach(alias -> byName.put(fold(alias), column)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            String column = byName.get(fold(header.get(i)));
            if (column != null && index.putIfAbsent(column, i) != null) {
                errors.add(new LineError(
                        line, column, codePrefix + "columnTwice", new Object[] {column}, "column named twice"));
            }
        }
        for (String column : required) {
            if (!index.containsKey(column)) {
                errors.add(new LineError(
                        line, column, codePrefix + "missingColumn", new Object[] {column}, "missing column"));
            }
        }
        return index;
    }

    /**
     * A header name as compared: without a remark in brackets ({@code 域名（必填）}), white space,
     * {@code _ - /}, a byte-order mark or case.
     */
    public static String fold(String name) {
        return name.replaceAll("[(（\\[].*?[)）\\]]", "")
                .replaceAll("[\\s_\\-/\\uFEFF]", "")
                .toLowerCase(Locale.ROOT);
    }
}

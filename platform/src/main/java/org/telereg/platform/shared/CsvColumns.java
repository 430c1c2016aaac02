package org.telereg.platform.shared;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * An uploaded CSV file read into rows by column: UTF-8 or GBK, a header naming the columns in English
 * or Chinese, any column order. File-level problems come back as line errors, their message codes under
 * the importer's own prefix: the prefix followed by each of {@link #PROBLEMS}.
 */
public final class CsvColumns {

    /** The file-level problems, each a message code under the importer's prefix. */
    public static final Set<String> PROBLEMS =
            Set.of("tooLarge", "missingColumn", "tooManyRows", "noHeader", "noRows", "malformed");

    /** One data line by column name, with its line number. */
    public record Row(long line, Map<String, String> values) {

        public String get(String column) {
            return values.get(column);
        }
    }

    public record Read(List<Row> rows, String encoding, List<LineError> errors) {}

    private CsvColumns() {}

    /**
     * @param columns each column's canonical name → the header names it may go by
     * @param required the columns a file must have
     * @param codes the importer's message-code prefix with its final dot, such as {@code "universal.import."}
     */
    public static Read read(
            byte[] content,
            Map<String, Set<String>> columns,
            Set<String> required,
            long maxBytes,
            int maxRows,
            String codes) {
        List<LineError> errors = new ArrayList<>();
        if (content == null || content.length == 0) {
            errors.add(new LineError(0, "file", "invalid.file.empty", new Object[0], "the file is empty"));
            return new Read(List.of(), null, errors);
        }
        if (content.length > maxBytes) {
            errors.add(new LineError(
                    0,
                    "file",
                    codes + "tooLarge",
                    new Object[] {maxBytes / 1024},
                    "the file is larger than " + maxBytes / 1024 + " KB"));
            return new Read(List.of(), null, errors);
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            errors.add(new LineError(0, "file", e.code(), e.arguments(), e.getMessage()));
            return new Read(List.of(), null, errors);
        }
        Map<String, String> byHeader = new HashMap<>();
        columns.forEach((column, names) -> {
            byHeader.put(column.toLowerCase(Locale.ROOT), column);
            names.forEach(name -> byHeader.put(name.toLowerCase(Locale.ROOT), column));
        });
        List<Row> rows = new ArrayList<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text.text())) {
            List<String> header = null;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (header == null) {
                    header = new ArrayList<>();
                    for (String field : record.getFields()) {
                        header.add(byHeader.get(field.strip().toLowerCase(Locale.ROOT)));
                    }
                    for (String column : required) {
                        if (!header.contains(column)) {
                            errors.add(new LineError(
                                    line,
                                    column,
                                    codes + "missingColumn",
                                    new Object[] {column},
                                    "the header has no column " + column));
                        }
                    }
                    if (!errors.isEmpty()) {
                        return new Read(List.of(), text.charset(), errors);
                    }
                    continue;
                }
                if (rows.size() >= maxRows) {
                    errors.add(new LineError(
                            line,
                            null,
                            codes + "tooManyRows",
                            new Object[] {maxRows},
                            "more than " + maxRows + " lines"));
                    break;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size() && i < record.getFieldCount(); i++) {
                    if (header.get(i) != null) {
                        values.put(header.get(i), record.getField(i).strip());
                    }
                }
                rows.add(new Row(line, values));
            }
            if (header == null) {
                errors.add(new LineError(1, "file", codes + "noHeader", new Object[0], "the file has no header"));
            } else if (rows.isEmpty() && errors.isEmpty()) {
                errors.add(new LineError(2, "file", codes + "noRows", new Object[0], "the file has no lines"));
            }
        } catch (CsvParseException e) {
            errors.add(new LineError(lastLine + 1, "file", codes + "malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(rows, text.charset(), errors);
    }
}

package org.telereg.platform.filing;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.UploadedCsv;
import org.telereg.platform.shared.UploadedText;

/**
 * The CSV files of IP filings and blacklist entries: a header naming the columns (English or Chinese,
 * any order), then one record a line. Reading stops at the first problem with the file as a whole
 * (encoding, header, size); problems of single lines are the importer's to find.
 */
final class FilingCsv {

    /** The largest file accepted, so that a mistaken upload cannot fill the heap. */
    static final int MAX_BYTES = 8 * 1024 * 1024;

    static final int MAX_ROWS = 50_000;

    /** How many refused lines are listed before the rest are left unread. */
    static final int MAX_ERRORS = 200;

    /** One data line: its number in the file and its cells by column (blank cells as ""). */
    record Row(long line, Map<String, String> cells) {

        String get(String column) {
            return cells.getOrDefault(column, "");
        }
    }

    /** The rows read, the charset, and the problems of the file as a whole. */
    record Reading(String charset, List<Row> rows, List<LineError> errors) {}

    private FilingCsv() {}

    /**
     * Reads a file.
     *
     * @param columns each column with the header names it may go by; the first name is the one errors
     *     use
     * @param required the columns the header must name
     * @param prefix the message key prefix of the importing module, e.g. {@code filing.ip.}
     */
    static Reading read(byte[] content, Map<String, List<String>> columns, Set<String> required, String prefix) {
        List<LineError> errors = new ArrayList<>();
        UploadedText text;
        try {
            text = UploadedCsv.text(content, MAX_BYTES, prefix + "csv.tooLarge");
        } catch (InvalidValueException e) {
            errors.add(new LineError(0, null, e.code(), e.arguments(), e.getMessage()));
            return new Reading(null, List.of(), errors);
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> index = null;
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text.text())) {
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (index == null) {
                    index = UploadedCsv.columns(record.getFields(), columns, required, line, prefix + "csv.", errors);
                    if (!errors.isEmpty()) {
                        return new Reading(text.charset(), List.of(), errors);
                    }
                    continue;
                }
                if (rows.size() >= MAX_ROWS) {
                    errors.add(new LineError(
                            line, null, prefix + "csv.tooManyRows", new Object[] {MAX_ROWS}, "too many rows"));
                    return new Reading(text.charset(), List.of(), errors);
                }
                Map<String, String> cells = new HashMap<>();
                for (Map.Entry<String, Integer> column : index.entrySet()) {
                    int at = column.getValue();
                    cells.put(
                            column.getKey(),
                            at < record.getFieldCount() ? record.getField(at).strip() : "");
                }
                rows.add(new Row(line, cells));
            }
        } catch (CsvParseException e) {
            errors.add(error(lastLine + 1, null, prefix + "csv.malformed", "malformed CSV"));
            return new Reading(text.charset(), List.of(), errors);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (index == null) {
            errors.add(error(1, null, prefix + "csv.noHeader", "the file has no header"));
        } else if (rows.isEmpty()) {
            errors.add(error(2, null, prefix + "csv.noRows", "the file has no rows"));
        }
        return new Reading(text.charset(), rows, errors);
    }

    static LineError error(long line, String field, String code, String defaultMessage, Object... arguments) {
        return new LineError(line, field, code, arguments, defaultMessage);
    }
}

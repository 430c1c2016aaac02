package org.telereg.platform.entity;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a company import. Either everything was written or nothing was.
 *
 * @param status {@code IMPORTED}, {@code ALREADY_IMPORTED} (the same batch or content came before) or {@code REJECTED}
 * @param encoding the character set the file was read in ({@code UTF-8} or {@code GB18030})
 * @param rows data rows read
 * @param created companies registered
 * @param updated companies changed
 * @param errors every refused line, in file order (at most the import's error limit)
 * @param ignoredColumns header columns the import does not know and did not read
 */
public record ImportResult(
        Status status,
        String encoding,
        int rows,
        int created,
        int updated,
        List<LineError> errors,
        List<String> ignoredColumns) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REJECTED
    }

    static ImportResult rejected(String encoding, int rows, List<LineError> errors, List<String> ignored) {
        return new ImportResult(Status.REJECTED, encoding, rows, 0, 0, List.copyOf(errors), ignored);
    }
}

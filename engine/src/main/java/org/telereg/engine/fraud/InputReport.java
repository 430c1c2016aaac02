package org.telereg.engine.fraud;

import java.nio.file.Path;
import java.util.List;

/**
 * What was read from one input file.
 *
 * @param kind {@code calls}, {@code sms} or {@code users}
 * @param file the file
 * @param bytes size of the file on disk (compressed size for gzip)
 * @param rows data rows (lines after the header, blank lines not counted)
 * @param badRows rows not read because a field was missing or malformed
 * @param firstBadRows the first bad rows by line number, up to the configured number
 */
public record InputReport(String kind, Path file, long bytes, long rows, long badRows, List<BadRow> firstBadRows) {

    public InputReport {
        firstBadRows = List.copyOf(firstBadRows);
    }

    /** Rows read. */
    public long goodRows() {
        return rows - badRows;
    }
}

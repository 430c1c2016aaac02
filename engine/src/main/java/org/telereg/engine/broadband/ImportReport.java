package org.telereg.engine.broadband;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one file gave: every record is either accepted, rejected (could not be read) or excluded (read but
 * implausible); {@code records == accepted + rejected + excluded}.
 *
 * @param format the format read
 * @param file the file
 * @param charset the character set the file was read in ({@code UTF-8} or {@code GBK})
 * @param records data rows or JSON records in the file (blank lines not counted)
 * @param accepted measurements handed on
 * @param rejected records that could not be read
 * @param excluded records read but implausible
 * @param excludedByReason the excluded records by reason, every reason present
 * @param firstRejected the first rejected records, up to {@link ImportSettings#maxListed}
 * @param firstExcluded the first excluded records, up to {@link ImportSettings#maxListed}
 * @param ignoredColumns header columns the format does not use (so a misspelt column is visible)
 */
public record ImportReport(
        MeasurementFormat format,
        Path file,
        String charset,
        long records,
        long accepted,
        long rejected,
        long excluded,
        Map<Implausibility, Long> excludedByReason,
        List<RejectedRow> firstRejected,
        List<Exclusion> firstExcluded,
        List<String> ignoredColumns) {

    public ImportReport {
        excludedByReason = Map.copyOf(excludedByReason);
        firstRejected = List.copyOf(firstRejected);
        firstExcluded = List.copyOf(firstExcluded);
        ignoredColumns = List.copyOf(ignoredColumns);
    }
}

package org.telereg.platform.broadband;

import java.util.List;
import java.util.Map;
import org.telereg.engine.broadband.Exclusion;
import org.telereg.engine.broadband.RejectedRow;

/**
 * What an upload of a speed-test file did.
 *
 * @param status {@code IMPORTED}, or {@code ALREADY_IMPORTED} when the same bytes came before (under
 *     this batch id or another) and nothing was written again
 * @param batchRef the stored batch
 * @param format the file's format
 * @param charset the character set the file was read in
 * @param records records read: accepted + rejected + excluded
 * @param accepted measurements stored
 * @param rejected records that could not be read
 * @param excluded records read but implausible, not stored
 * @param excludedByReason the excluded records by reason
 * @param rejectedRows the first rejected records with their line numbers (empty for a repeat)
 * @param exclusions the first excluded records with their line numbers (empty for a repeat)
 * @param ignoredColumns CSV columns the format does not use, so a misspelt column shows
 */
public record ImportResult(
        Status status,
        long batchRef,
        MeasurementFileFormat format,
        String charset,
        long records,
        long accepted,
        long rejected,
        long excluded,
        Map<String, Long> excludedByReason,
        List<RejectedRow> rejectedRows,
        List<Exclusion> exclusions,
        List<String> ignoredColumns) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED
    }
}

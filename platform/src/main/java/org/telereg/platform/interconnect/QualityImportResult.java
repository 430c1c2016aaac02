package org.telereg.platform.interconnect;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * What an upload of quality measurements did.
 *
 * @param status {@code IMPORTED}; {@code ALREADY_IMPORTED} when the same bytes came before (nothing
 *     written again); {@code REJECTED} when any line was refused (nothing written)
 * @param batchRef the stored batch, 0 when rejected
 * @param charset the character set the file was read in, null when it could not be read
 * @param rows measurement rows stored (or, for a repeat, stored the first time)
 * @param errors the refused lines (the first ones), each naming its column
 * @param tasksOpened the capacity-expansion tasks the new tests opened
 */
public record QualityImportResult(
        Status status, long batchRef, String charset, long rows, List<LineError> errors, List<Long> tasksOpened) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REJECTED
    }
}

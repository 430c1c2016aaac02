package org.telereg.platform.filing;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * What a blacklist import did: everything or nothing.
 *
 * @param imported whether the file was stored (false when any line was refused)
 * @param charset the encoding the file was read in, or null when it could not be read
 * @param listed the entries listed now
 * @param unchanged the lines that repeat an active entry exactly (a re-import)
 * @param errors the refused lines, each with its line number and column
 */
public record BlacklistImportResult(
        boolean imported, String charset, int listed, int unchanged, List<LineError> errors) {

    public BlacklistImportResult {
        errors = List.copyOf(errors);
    }
}

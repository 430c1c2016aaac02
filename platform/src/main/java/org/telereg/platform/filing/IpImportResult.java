package org.telereg.platform.filing;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * What an IP filing import did: everything or nothing.
 *
 * @param imported whether the file was stored (false when any line was refused)
 * @param charset the encoding the file was read in, or null when it could not be read
 * @param filed the ranges filed now
 * @param unchanged the lines that repeat a range already filed exactly so (a re-import)
 * @param errors the refused lines, each with its line number and column
 */
public record IpImportResult(boolean imported, String charset, int filed, int unchanged, List<LineError> errors) {

    public IpImportResult {
        errors = List.copyOf(errors);
    }
}

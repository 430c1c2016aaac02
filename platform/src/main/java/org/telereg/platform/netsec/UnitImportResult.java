package org.telereg.platform.netsec;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * What a CSV import of units did: every unit, or — when any line was refused — none.
 *
 * @param imported how many units were registered (0 when refused)
 * @param charset the file's encoding as read: {@code UTF-8} or {@code GB18030}
 * @param errors the refused lines, the first {@link UnitImport#MAX_ERRORS}; empty when imported
 */
public record UnitImportResult(int imported, String charset, List<LineError> errors) {

    public UnitImportResult {
        errors = List.copyOf(errors);
    }

    public boolean rejected() {
        return !errors.isEmpty();
    }
}

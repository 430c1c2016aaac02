package org.telereg.platform.netsec;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a results import: all of it written, or refused with every line's problems and
 * nothing written.
 *
 * @param apps the Apps (versions) written
 * @param findings the findings written
 * @param encoding the file's character set as detected; null for JSON or a file that could not be read
 */
public record AppCheckImportResult(boolean imported, int apps, int findings, String encoding, List<LineError> errors) {

    public AppCheckImportResult {
        errors = List.copyOf(errors);
    }

    static AppCheckImportResult rejected(String encoding, List<LineError> errors) {
        return new AppCheckImportResult(false, 0, 0, encoding, errors);
    }
}

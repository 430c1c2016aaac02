package org.telereg.platform.universal;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a file import (villages, base sites, signal tests): all of it imported, already
 * imported before (the same bytes), or refused with every line's problems and nothing written.
 *
 * @param rows the lines imported
 * @param encoding the file's character set as detected, null when it could not be read
 */
public record ImportOutcome(Status status, int rows, String encoding, List<LineError> errors) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REJECTED
    }

    static ImportOutcome rejected(String encoding, List<LineError> errors) {
        return new ImportOutcome(Status.REJECTED, 0, encoding, List.copyOf(errors));
    }
}

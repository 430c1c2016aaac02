package org.telereg.platform.numbering;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of one utilisation upload: every line was written, or none was.
 *
 * @param status {@code IMPORTED}, {@code ALREADY_IMPORTED} (the same batch id with the same content came
 *     before) or {@code REJECTED}
 * @param encoding the character set the file was read in ({@code UTF-8} or {@code GB18030})
 * @param rows data lines read
 * @param badLines how many lines had at least one problem (all of them, also past the listed ones)
 * @param errors the problems, in file order, at most {@link UtilisationReports#MAX_ERRORS}
 */
public record UtilisationResult(Status status, String encoding, int rows, int badLines, List<LineError> errors) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REJECTED
    }

    public UtilisationResult {
        errors = List.copyOf(errors);
    }

    static UtilisationResult rejected(String encoding, int rows, int badLines, List<LineError> errors) {
        return new UtilisationResult(Status.REJECTED, encoding, rows, badLines, errors);
    }

    static UtilisationResult fileError(String encoding, String code, String message, Object... arguments) {
        return rejected(encoding, 0, 0, List.of(new LineError(0, null, code, arguments, message)));
    }
}

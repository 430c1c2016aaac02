package org.telereg.platform.realname;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of one snapshot upload: every line was written, or none was.
 *
 * @param status {@code IMPORTED}, {@code ALREADY_IMPORTED} (the same batch id with the same content,
 *     or the same content, came before) or {@code REJECTED}
 * @param encoding the character set the file was read in ({@code UTF-8} or {@code GB18030})
 * @param rows data lines read
 * @param created numbers new to this operator
 * @param updated numbers whose earlier line this snapshot replaced
 * @param badLines how many lines had at least one problem (all of them, also past the listed ones)
 * @param errors the problems, in file order, at most the configured number; never carrying a
 *     document number or a name
 * @param verificationsRaised identities this snapshot put over the cap, each now awaiting a second
 *     real-person verification
 */
public record SnapshotResult(
        Status status,
        String encoding,
        int rows,
        int created,
        int updated,
        int badLines,
        List<LineError> errors,
        int verificationsRaised) {

    public enum Status {
        IMPORTED,
        ALREADY_IMPORTED,
        REJECTED
    }

    static SnapshotResult rejected(String encoding, int rows, int badLines, List<LineError> errors) {
        return new SnapshotResult(Status.REJECTED, encoding, rows, 0, 0, badLines, List.copyOf(errors), 0);
    }

    static SnapshotResult fileError(String encoding, String code, String message, Object... arguments) {
        return rejected(encoding, 0, 0, List.of(new LineError(0, null, code, arguments, message)));
    }
}

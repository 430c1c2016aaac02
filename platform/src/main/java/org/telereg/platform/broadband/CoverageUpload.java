package org.telereg.platform.broadband;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a coverage declaration file: every line declared, or none.
 *
 * @param status {@code DECLARED}, {@code ALREADY_DECLARED} (the same bytes under this batch id before)
 *     or {@code REJECTED} (nothing stored; {@code errors} name the lines)
 * @param charset the file's encoding, {@code UTF-8} or {@code GB18030}
 * @param lines declaration lines read (county × technology)
 * @param added declarations new to the operator
 * @param unchanged declarations the operator had already made
 */
public record CoverageUpload(
        Status status, String charset, int lines, int added, int unchanged, List<LineError> errors) {

    public enum Status {
        DECLARED,
        ALREADY_DECLARED,
        REJECTED
    }
}

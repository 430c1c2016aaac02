package org.telereg.platform.tariffs;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a plan file: every line filed, or none (the refused lines listed).
 *
 * @param encoding the file's character set as detected, null when it could not be read
 */
public record PlanUploadResult(
        Status status, String encoding, int created, int changed, int unchanged, List<LineError> errors) {

    public enum Status {
        FILED,
        REJECTED
    }
}

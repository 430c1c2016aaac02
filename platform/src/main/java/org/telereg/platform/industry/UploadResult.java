package org.telereg.platform.industry;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a report file upload: submitted, or refused with every line's problems (nothing
 * of a refused file is kept).
 *
 * @param report the report after the upload
 * @param encoding the file's character set as detected, null when it could not be read
 */
public record UploadResult(Status status, ReportView report, String encoding, List<LineError> errors) {

    public enum Status {
        SUBMITTED,
        REJECTED
    }
}

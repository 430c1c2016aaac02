package org.telereg.platform.industry;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * The outcome of a report file upload: submitted, or refused with every line's problems (nothing
 * of a refused file is kept).
 *
 * @param report the report after the upload
 * @param encoding a CSV file's character set as detected, null for a workbook or a file that could
 *     not be read
 * @param sheet the name of a workbook's sheet that was read (its first), null for a CSV file
 */
public record UploadResult(Status status, ReportView report, String encoding, String sheet, List<LineError> errors) {

    public enum Status {
        SUBMITTED,
        REJECTED
    }
}

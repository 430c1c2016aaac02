package org.telereg.platform.industry;

import java.util.List;

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

    /**
     * Why a line was refused.
     *
     * @param line the line number in the file (the header is line 1; 0 for the file as a whole)
     * @param field the metric code, or null when the whole line is at fault
     */
    public record LineError(long line, String field, String code, Object[] arguments, String defaultMessage) {}
}

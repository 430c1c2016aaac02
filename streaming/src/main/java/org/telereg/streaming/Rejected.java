package org.telereg.streaming;

/**
 * A record the job could not use, reported rather than dropped: a line that is not a valid record (a bad row, by
 * the batch scan's rules) or a record that came after its day had closed (late).
 *
 * @param reason {@code bad} or {@code late}
 * @param input the input it came from: {@code calls} or {@code sms}
 * @param problem what was wrong, e.g. {@code call_dur is not a whole number of seconds} or {@code day 2020-03-04
 *     closed at watermark 2020-03-05T02:00:00}
 * @param text the start of the line, or for a late record its subscriber and time
 */
public record Rejected(String reason, String input, String problem, String text) {

    static final String BAD = "bad";
    static final String LATE = "late";

    /** One CSV line: {@code reason,input,problem,text}, the text quoted. */
    public String toCsv() {
        return reason + ',' + input + ',' + problem.replace(',', ';') + ",\"" + text.replace("\"", "\"\"") + '"';
    }
}

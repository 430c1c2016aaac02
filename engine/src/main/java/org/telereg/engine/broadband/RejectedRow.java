package org.telereg.engine.broadband;

/**
 * A row or record that was not read, and why.
 *
 * @param line line number in the file (the header is line 1; for JSON, the line on which the record begins)
 * @param problem what is wrong, naming the column or field
 * @param text the start of the row as read, at most 120 characters (empty for JSON)
 */
public record RejectedRow(long line, String problem, String text) {

    @Override
    public String toString() {
        return "line " + line + ": " + problem + (text.isEmpty() ? "" : " [" + text + "]");
    }
}

package org.telereg.engine.fraud;

/**
 * A row that was not read, and why.
 *
 * @param line line number in the file, the header being line 1
 * @param problem what is wrong, naming the column
 * @param text the start of the row as read, at most 120 characters
 */
public record BadRow(long line, String problem, String text) {

    @Override
    public String toString() {
        return "line " + line + ": " + problem + " [" + text + "]";
    }
}

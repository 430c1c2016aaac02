package org.telereg.engine.broadband;

/**
 * A measurement that was read but excluded as implausible.
 *
 * @param line line number in the file where it was read
 * @param reason why it was excluded
 * @param detail the figure that failed, e.g. {@code download 0.0 Mbit/s}
 */
public record Exclusion(long line, Implausibility reason, String detail) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason + " (" + detail + ")";
    }
}

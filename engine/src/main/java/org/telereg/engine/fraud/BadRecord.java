package org.telereg.engine.fraud;

/**
 * A line that is not a valid record: counted and reported, never dropped silently.
 *
 * @param problem what is wrong, naming the column, as in the batch scan's report (e.g. {@code call_dur is not a
 *     whole number of seconds})
 * @param text the start of the line (at most 120 characters)
 */
public record BadRecord(String problem, String text) implements CdrRow {}

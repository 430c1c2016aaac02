package org.telereg.platform.shared;

/**
 * Why one line of an uploaded file (a CSV import, an operator's report) was refused.
 *
 * @param line the line number in the file (the header is line 1; 0 for the file as a whole)
 * @param field the column (or a report's metric code), or null when the whole line or file is at
 *     fault
 * @param code the message key that explains the problem
 * @param arguments the message's arguments
 * @param defaultMessage an English fallback for clients that do not localise
 */
public record LineError(long line, String field, String code, Object[] arguments, String defaultMessage) {}

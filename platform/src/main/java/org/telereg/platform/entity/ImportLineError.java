package org.telereg.platform.entity;

/**
 * Why one line of an uploaded file was refused.
 *
 * @param line the line number in the file (the header is line 1)
 * @param field the column, or null when the whole line or file is at fault
 * @param code the message key
 * @param arguments the message arguments
 * @param defaultMessage an English fallback
 */
public record ImportLineError(long line, String field, String code, Object[] arguments, String defaultMessage) {}

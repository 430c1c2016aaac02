package org.telereg.platform.shared;

/**
 * Why one field of a form, API body or CSV line was refused.
 *
 * @param field the field's name as the client sent it
 * @param code the message key that explains the problem
 * @param arguments the message's arguments
 * @param defaultMessage an English fallback for clients that do not localise
 */
public record FieldProblem(String field, String code, Object[] arguments, String defaultMessage) {}

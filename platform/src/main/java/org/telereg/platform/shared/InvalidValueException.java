package org.telereg.platform.shared;

import java.util.Arrays;

/**
 * A value that is not what its type accepts. Carries a message key (in the {@code i18n/shared}
 * bundle) so forms show the reason beside the field, CSV imports beside the line, and the API in
 * the problem's field list.
 */
public class InvalidValueException extends IllegalArgumentException {

    private final String code;
    private final transient Object[] arguments;

    public InvalidValueException(String code, String defaultMessage, Object... arguments) {
        super(defaultMessage);
        this.code = code;
        this.arguments = arguments.clone();
    }

    /** The message key, e.g. {@code invalid.idCard.BAD_CHECK_CHARACTER}. */
    public String code() {
        return code;
    }

    public Object[] arguments() {
        return Arrays.copyOf(arguments, arguments.length);
    }
}

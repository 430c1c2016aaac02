package org.telereg.platform.shared;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Collects the problems of every field of one input, so the user sees them all at once rather
 * than one per attempt.
 */
public final class FieldProblems {

    private final List<FieldProblem> problems = new ArrayList<>();

    /** Parses a field with a value type's factory; on failure records why and returns null. */
    public <T> T parse(String field, String text, Function<String, T> parser) {
        try {
            return parser.apply(text);
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem(field, e.code(), e.arguments(), e.getMessage()));
            return null;
        }
    }

    /** Like {@link #parse}, but an empty field is allowed and gives null. */
    public <T> T parseOptional(String field, String text, Function<String, T> parser) {
        return text == null || text.isBlank() ? null : parse(field, text, parser);
    }

    /** A required text of at most {@code maxLength} characters, stripped. */
    public String text(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            reject(field, "invalid.required", "is required");
            return null;
        }
        return optionalText(field, text, maxLength);
    }

    /** An optional one-line text of at most {@code maxLength} characters; blank gives null. */
    public String optionalText(String field, String text, int maxLength) {
        return checked(field, text, maxLength, false);
    }

    /** A required text that may span lines (a request, a record of a meeting), stripped. */
    public String multilineText(String field, String text, int maxLength) {
        if (text == null || text.isBlank()) {
            reject(field, "invalid.required", "is required");
            return null;
        }
        return optionalMultilineText(field, text, maxLength);
    }

    /** An optional text that may span lines (a message, a description); blank gives null. */
    public String optionalMultilineText(String field, String text, int maxLength) {
        return checked(field, text, maxLength, true);
    }

    private String checked(String field, String text, int maxLength, boolean multiline) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > maxLength) {
            reject(field, "invalid.tooLong", "is longer than " + maxLength + " characters", maxLength);
            return null;
        }
        if (stripped.chars()
                .anyMatch(c -> Character.isISOControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t')))) {
            reject(field, "invalid.control", "contains control characters");
            return null;
        }
        return stripped;
    }

    /** A date written {@code yyyy-MM-dd}; blank gives null and is refused when required. */
    public LocalDate date(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                reject(field, "invalid.required", "is required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            reject(field, "invalid.date", "is not a date like 2026-12-01");
            return null;
        }
    }

    /** Like {@link #date}, and refused when it is after {@code today} (a decision, a filing). */
    public LocalDate pastDate(String field, String text, boolean required, LocalDate today) {
        LocalDate date = date(field, text, required);
        if (date != null && date.isAfter(today)) {
            reject(field, "invalid.future", "is in the future");
            return null;
        }
        return date;
    }

    /** One of an enum's constants by name (case-insensitive). */
    public <E extends Enum<E>> E choice(String field, String text, Class<E> type) {
        if (text == null || text.isBlank()) {
            reject(field, "invalid.required", "is required");
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.strip())) {
                return constant;
            }
        }
        reject(field, "invalid.choice", "is not one of the allowed values", text.strip());
        return null;
    }

    public void reject(String field, String code, String defaultMessage, Object... arguments) {
        problems.add(new FieldProblem(field, code, arguments, defaultMessage));
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    public List<FieldProblem> list() {
        return List.copyOf(problems);
    }

    public void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new RejectedInputException(problems);
        }
    }
}

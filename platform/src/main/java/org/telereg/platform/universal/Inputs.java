package org.telereg.platform.universal;

import java.math.BigDecimal;
import org.telereg.platform.shared.FieldProblems;

/** Numbers typed into forms and files, checked against their range; a problem names the field. */
final class Inputs {

    private Inputs() {}

    static Integer integer(FieldProblems problems, String field, String text, int min, int max) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        try {
            int value = Integer.parseInt(text.strip().replace(",", ""));
            if (value < min || value > max) {
                problems.reject(
                        field,
                        "universal.invalid.range",
                        "must lie between " + min + " and " + max,
                        text.strip(),
                        min,
                        max);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.reject(field, "universal.invalid.integer", "is not a whole number", text.strip());
            return null;
        }
    }

    static BigDecimal decimal(FieldProblems problems, String field, String text, String min, String max, int scale) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        String cleaned = text.strip().replace(",", "");
        if (cleaned.length() > 30) {
            problems.reject(field, "universal.invalid.number", "is not a number", cleaned.substring(0, 30) + "…");
            return null;
        }
        try {
            BigDecimal value = new BigDecimal(cleaned);
            if (value.compareTo(new BigDecimal(min)) < 0 || value.compareTo(new BigDecimal(max)) > 0) {
                problems.reject(
                        field, "universal.invalid.range", "must lie between " + min + " and " + max, cleaned, min, max);
                return null;
            }
            if (value.stripTrailingZeros().scale() > scale) {
                problems.reject(
                        field, "universal.invalid.decimals", "has more than " + scale + " decimals", cleaned, scale);
                return null;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.reject(field, "universal.invalid.number", "is not a number", cleaned);
            return null;
        }
    }

    static Boolean flag(FieldProblems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "1", "y", "yes", "true", "是", "on" -> true;
            case "0", "n", "no", "false", "否" -> false;
            default -> {
                problems.reject(field, "universal.invalid.flag", "is not yes or no", text.strip());
                yield null;
            }
        };
    }
}

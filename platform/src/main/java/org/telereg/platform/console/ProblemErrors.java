package org.telereg.platform.console;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.LineError;

/**
 * The {@code errors} member of an RFC 9457 problem: one entry per refused field ({@code {field,
 * code, message}}) or per refused line of a file ({@code {line, field, code, message}}), the
 * message localised and {@code field} left out when the whole input or line is at fault.
 */
public final class ProblemErrors {

    private ProblemErrors() {}

    /** The entries for refused fields of a form or API body. */
    public static List<Map<String, Object>> ofFields(
            List<FieldProblem> problems, MessageSource messages, Locale locale) {
        return problems.stream()
                .map(p -> entry(null, p.field(), p.code(), p.arguments(), p.defaultMessage(), messages, locale))
                .toList();
    }

    /** The entries for refused lines of an uploaded file, in the order given. */
    public static List<Map<String, Object>> ofLines(List<LineError> errors, MessageSource messages, Locale locale) {
        return errors.stream()
                .map(e -> entry(e.line(), e.field(), e.code(), e.arguments(), e.defaultMessage(), messages, locale))
                .toList();
    }

    private static Map<String, Object> entry(
            Long line,
            String field,
            String code,
            Object[] arguments,
            String defaultMessage,
            MessageSource messages,
            Locale locale) {
        Map<String, Object> entry = new LinkedHashMap<>();
        if (line != null) {
            entry.put("line", line);
        }
        if (field != null) {
            entry.put("field", field);
        }
        entry.put("code", code);
        entry.put("message", messages.getMessage(code, arguments, defaultMessage, locale));
        return entry;
    }
}

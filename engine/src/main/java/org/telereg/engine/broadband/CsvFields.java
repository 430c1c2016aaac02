package org.telereg.engine.broadband;

import java.util.ArrayList;
import java.util.List;

/** Splits one CSV line (RFC 4180 quoting with {@code ""} for a quote; no line breaks inside fields). */
final class CsvFields {

    private CsvFields() {}

    /** The line's fields, unquoted; a field is stripped of surrounding blanks outside quotes. */
    static List<String> split(String line) throws MalformedRow {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            while (i < n && line.charAt(i) == ' ') {
                i++;
            }
            if (i < n && line.charAt(i) == '"') {
                int opened = i + 1;
                i++;
                while (true) {
                    if (i >= n) {
                        throw new MalformedRow("the quote opened at character " + opened + " is not closed");
                    }
                    char c = line.charAt(i++);
                    if (c == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(c);
                    }
                }
                while (i < n && line.charAt(i) == ' ') {
                    i++;
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new MalformedRow("text after the closing quote at character " + (i + 1));
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString().strip());
            field.setLength(0);
            if (i >= n) {
                return fields;
            }
            i++;
        }
    }

    /** A line that is not well-formed CSV. */
    static final class MalformedRow extends Exception {
        private static final long serialVersionUID = 1L;

        MalformedRow(String message) {
            super(message, null, false, false);
        }
    }
}

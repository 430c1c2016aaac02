package org.telereg.engine.broadband;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/** Strict parsing of the figures and times in measurement files; each failure says what was expected. */
final class Fields {

    private static final Pattern SPEED = Pattern.compile(
            "([-+]?(?:\\d+\\.?\\d*|\\.\\d+))\\s*(m|mb|mbps|mbit/s|mbits/s|mb/s|g|gb|gbps|gbit/s|兆|m宽带)?",
            Pattern.CASE_INSENSITIVE);

    private Fields() {}

    /** Thrown with a message naming the field and the text that did not parse. */
    static final class BadField extends Exception {
        private static final long serialVersionUID = 1L;

        BadField(String message) {
            super(message, null, false, false);
        }
    }

    /** Whether a text means "no value" in the sources: empty, {@code NA}, or Ofcom's {@code #NULL!}. */
    static boolean missing(String text) {
        return text.isEmpty() || text.equals("NA") || text.equals("#NULL!");
    }

    /** A finite decimal number; {@code NaN} when the text is {@linkplain #missing missing}. */
    static double decimal(String field, String text) throws BadField {
        if (missing(text)) {
            return Double.NaN;
        }
        if (!isDecimal(text)) {
            throw new BadField(field + ": \"" + text + "\" is not a number");
        }
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new BadField(field + ": \"" + text + "\" is out of range");
        }
        return value;
    }

    // [-+]? (digits [. digits?] | . digits) ([eE] [-+]? digits)? — what Double.parseDouble reads, minus NaN,
    // Infinity, hex and the d/f suffixes; by hand because a regular expression per field is the row's main cost.
    private static boolean isDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            i++;
        }
        int digits = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            digits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            int exponent = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                exponent++;
            }
            if (exponent == 0) {
                return false;
            }
        }
        return i == n;
    }

    /** A decimal that must be present. */
    static double required(String field, String text) throws BadField {
        if (missing(text)) {
            throw new BadField(field + ": missing");
        }
        return decimal(field, text);
    }

    /** A loss figure: a fraction ({@code 0.002}) or a percentage ({@code 0.2%}), returned as a fraction. */
    static double loss(String field, String text) throws BadField {
        if (text.endsWith("%")) {
            String number = text.substring(0, text.length() - 1).strip();
            if (missing(number)) {
                throw new BadField(field + ": \"" + text + "\" is not a percentage");
            }
            return decimal(field, number) / 100;
        }
        return decimal(field, text);
    }

    /**
     * A speed in Mbit/s, bare or with a unit ({@code 100}, {@code 100M}, {@code 100 Mbps}, {@code 1G}); a trailing
     * word after the number ({@code 15-fibre}, {@code 20 DSL} in Ofcom's headline speeds) is ignored only when
     * {@code lenient}.
     */
    static double speed(String field, String text, boolean lenient) throws BadField {
        if (missing(text)) {
            return Double.NaN;
        }
        var matcher = SPEED.matcher(text);
        boolean matched = lenient ? matcher.lookingAt() : matcher.matches();
        if (!matched) {
            throw new BadField(field + ": \"" + text + "\" is not a speed such as 100 or 100M or 1G");
        }
        double value = Double.parseDouble(matcher.group(1));
        String unit = matcher.group(2) == null ? "" : matcher.group(2).toLowerCase(Locale.ROOT);
        return unit.startsWith("g") ? value * 1000 : value;
    }

    /**
     * A test time: ISO 8601 with {@code T} or a blank between date and time and {@code -} or {@code /} in the
     * date, seconds and fractions optional. With an offset ({@code Z}, {@code +08:00}) it is converted to {@code
     * zone}; without, it is taken as local time in {@code zone}.
     */
    static LocalDateTime time(String field, String text, ZoneId zone) throws BadField {
        if (text.isEmpty()) {
            throw new BadField(field + ": missing");
        }
        LocalDateTime plain = plainLocalTime(text);
        if (plain != null) {
            return plain;
        }
        String iso = text.replace('/', '-');
        if (iso.length() > 10 && iso.charAt(10) == ' ') {
            iso = iso.substring(0, 10) + 'T' + iso.substring(11).strip();
        }
        try {
            return hasOffset(iso)
                    ? OffsetDateTime.parse(iso).atZoneSameInstant(zone).toLocalDateTime()
                    : LocalDateTime.parse(iso);
        } catch (DateTimeParseException e) {
            throw new BadField(
                    field + ": \"" + text + "\" is not a time such as 2024-05-01 20:15:00 or 2024-05-01T12:15:00Z");
        }
    }

    // The common yyyy-MM-dd HH:mm[:ss] read by position: java.time's parser costs more than the rest of a row.
    // Null when the text has another shape, so the general parser decides (and words the error).
    private static LocalDateTime plainLocalTime(String t) {
        int n = t.length();
        if ((n != 16 && n != 19)
                || t.charAt(4) != t.charAt(7)
                || (t.charAt(4) != '-' && t.charAt(4) != '/')
                || (t.charAt(10) != ' ' && t.charAt(10) != 'T')
                || t.charAt(13) != ':'
                || (n == 19 && t.charAt(16) != ':')) {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 7);
        int day = digits(t, 8, 10);
        int hour = digits(t, 11, 13);
        int minute = digits(t, 14, 16);
        int second = n == 19 ? digits(t, 17, 19) : 0;
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    // Deciding before parsing spares an exception per row, which would cost more than the parse itself.
    private static boolean hasOffset(String iso) {
        int timeStart = iso.indexOf('T');
        return timeStart > 0
                && (iso.endsWith("Z") || iso.indexOf('+', timeStart) > 0 || iso.indexOf('-', timeStart) > 0);
    }
}

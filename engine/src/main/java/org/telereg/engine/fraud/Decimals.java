package org.telereg.engine.fraud;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Locale-independent number formatting for CSV and model files. */
final class Decimals {

    private Decimals() {}

    /**
     * A float as its shortest decimal that reads back as the same float, without exponent: 3, 0.25, 17.5; NaN
     * (unknown) as the empty string.
     */
    static String shortest(float value) {
        if (Float.isNaN(value)) {
            return "";
        }
        if (value == (long) value) {
            return Long.toString((long) value);
        }
        // Float.toString is that decimal, in plain notation for 0.001 <= |value| < 10^7, in scientific beyond.
        String text = Float.toString(value);
        return text.indexOf('E') < 0 ? text : new BigDecimal(text).toPlainString();
    }

    /** A double rounded half-up to at most {@code places} decimals, trailing zeros dropped: 0.93, 12, 0.0417. */
    static String rounded(double value, int places) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        String text = Double.toString(value);
        if (text.indexOf('E') >= 0) {
            return roundedByBigDecimal(value, places);
        }
        // Double.toString is the decimal BigDecimal.valueOf reads: rounded here half-up on its digits.
        int point = text.indexOf('.');
        if (text.length() - point - 1 <= places) {
            return text;
        }
        char[] digits = text.substring(0, point + 1 + places).toCharArray();
        if (text.charAt(point + 1 + places) >= '5') {
            int at = digits.length - 1;
            while (at >= 0 && (digits[at] == '9' || digits[at] == '.')) {
                if (digits[at] == '9') {
                    digits[at] = '0';
                }
                at--;
            }
            if (at < 0 || digits[at] == '-') {
                String carried = "1" + new String(digits, at + 1, digits.length - at - 1);
                return plain(at < 0 ? carried : "-" + carried);
            }
            digits[at]++;
        }
        return plain(new String(digits));
    }

    /** A plain decimal without trailing zeros after its point, nor a point without digits after it; "0" for zero. */
    private static String plain(String decimal) {
        int end = decimal.length();
        while (decimal.charAt(end - 1) == '0') {
            end--;
        }
        if (decimal.charAt(end - 1) == '.') {
            end--;
        }
        String stripped = decimal.substring(0, end);
        return stripped.equals("-0") ? "0" : stripped;
    }

    private static String roundedByBigDecimal(double value, int places) {
        BigDecimal rounded =
                BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP).stripTrailingZeros();
        if (rounded.signum() == 0) {
            return "0";
        }
        return rounded.scale() < 0 ? rounded.setScale(0).toPlainString() : rounded.toPlainString();
    }

    /** A double in full precision, round-trip exact, for model files. */
    static String exact(double value) {
        return Double.toString(value);
    }
}

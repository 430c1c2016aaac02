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
        return new BigDecimal(Float.toString(value)).toPlainString();
    }

    /** A double rounded half-up to at most {@code places} decimals, trailing zeros dropped: 0.93, 12, 0.0417. */
    static String rounded(double value, int places) {
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

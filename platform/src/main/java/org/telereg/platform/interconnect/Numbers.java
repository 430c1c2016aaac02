package org.telereg.platform.interconnect;

import java.math.BigDecimal;

/** Decimal figures as people write them: no trailing zeros, never in exponent form. */
final class Numbers {

    private Numbers() {}

    static BigDecimal plain(BigDecimal figure) {
        if (figure == null) {
            return null;
        }
        BigDecimal stripped = figure.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}

package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * One indicator of the catalogue. Names, units and definitions are reference data in two
 * languages, so they come from the database rather than from the message bundles.
 *
 * @param code the code operators' files and the API use, e.g. {@code FTTH_PORTS}
 * @param min the least valid value, or null
 * @param max the greatest valid value, or null
 * @param formula the formula a derived metric is computed by, or null for an entered metric
 * @param peerComparable whether a value is compared with other operators' (rates, shares, unit
 *     prices), not only with the operator's own history (totals, which grow with its size)
 */
public record Metric(
        String code,
        String nameZh,
        String nameEn,
        String unitZh,
        String unitEn,
        MetricKind kind,
        BigDecimal min,
        BigDecimal max,
        String formula,
        String definitionZh,
        String definitionEn,
        boolean peerComparable) {

    /** Whether the platform computes it rather than the operator entering it. */
    public boolean derived() {
        return formula != null;
    }

    public String name(Locale locale) {
        return english(locale) ? nameEn : nameZh;
    }

    public String unit(Locale locale) {
        return english(locale) ? unitEn : unitZh;
    }

    public String definition(Locale locale) {
        return english(locale) ? definitionEn : definitionZh;
    }

    private static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }
}

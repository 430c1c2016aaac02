package org.telereg.platform.netsec;

/**
 * The filter bar of the unit list.
 *
 * @param status the newest version's {@link GradingStatus} name, {@code UNGRADED}, or blank for any
 * @param provinceCode a province code, {@code national}, or blank for any
 * @param grade the approved grade, or null for any
 * @param company the company's unified social credit code, or blank for any
 * @param text part of the unit's or the company's name
 * @param overdueOnly only units with a draft past its filing deadline
 */
public record UnitSearch(
        String status, String provinceCode, Integer grade, String company, String text, boolean overdueOnly) {

    public static UnitSearch everything() {
        return new UnitSearch(null, null, null, null, null, false);
    }

    /** Every unit of one company. */
    public static UnitSearch ofCompany(String creditCode) {
        return new UnitSearch(null, null, null, creditCode, null, false);
    }

    /** Units whose newest version has this status. */
    public static UnitSearch inStatus(GradingStatus status) {
        return new UnitSearch(status.name(), null, null, null, null, false);
    }
}

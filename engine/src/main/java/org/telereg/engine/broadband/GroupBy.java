package org.telereg.engine.broadband;

/** A dimension measurements can be grouped by; at most one of the periods (day, month, quarter, year). */
public enum GroupBy {
    /** The two-digit province code of the measurement's division. */
    PROVINCE,
    /** The four-digit city code of the measurement's division. */
    CITY,
    /** The operator as the source names it. */
    OPERATOR,
    /** The access technology. */
    TECHNOLOGY,
    /** The local calendar day, {@code 2024-05-01}. */
    DAY,
    /** The month, {@code 2024-05}. */
    MONTH,
    /** The quarter, {@code 2024-Q2}. */
    QUARTER,
    /** The year, {@code 2024} (Ofcom's panels are yearly). */
    YEAR;

    boolean isPeriod() {
        return ordinal() >= DAY.ordinal();
    }
}

package org.telereg.platform.industry;

/** How often a template is reported. */
public enum Frequency {
    MONTHLY(1),
    QUARTERLY(3);

    private final int months;

    Frequency(int months) {
        this.months = months;
    }

    /** The length of one period in months. */
    public int months() {
        return months;
    }
}

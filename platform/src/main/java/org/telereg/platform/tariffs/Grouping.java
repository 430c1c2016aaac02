package org.telereg.platform.tariffs;

/** How unit prices are summarised: per operator (over the provinces asked for), per operator and province, or per province. */
public enum Grouping {
    OPERATOR(true, false),
    OPERATOR_PROVINCE(true, true),
    PROVINCE(false, true);

    private final boolean byOperator;
    private final boolean byProvince;

    Grouping(boolean byOperator, boolean byProvince) {
        this.byOperator = byOperator;
        this.byProvince = byProvince;
    }

    public boolean byOperator() {
        return byOperator;
    }

    public boolean byProvince() {
        return byProvince;
    }
}

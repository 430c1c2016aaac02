package org.telereg.platform.industry;

/** What a metric's values are; decides how many decimals an entered value may have. */
public enum MetricKind {
    /** A whole number: users, ports, sites. */
    COUNT(0),
    /** A measured or summed quantity: Mbps, GB. */
    DECIMAL(4),
    /** A share in percent, 0 to 100. */
    PERCENTAGE(4),
    /** An amount of money or a unit price. */
    MONEY(4);

    private final int scale;

    MetricKind(int scale) {
        this.scale = scale;
    }

    /** The most decimals a value of this kind may have. */
    public int scale() {
        return scale;
    }
}

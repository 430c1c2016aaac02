package org.telereg.platform.tariffs;

/** What a retail plan sells. */
public enum PlanKind {
    /** Fixed broadband: a downlink speed for a monthly fee. */
    FIXED_BROADBAND,
    /** Mobile: domestic data and voice minutes for a monthly fee. */
    MOBILE,
    /** Fixed broadband and mobile together (融合套餐), often with extras such as IPTV or a second line. */
    BUNDLE;

    /** Whether the plan has a fixed downlink speed. */
    public boolean fixed() {
        return this != MOBILE;
    }

    /** Whether the plan includes mobile data. */
    public boolean mobile() {
        return this != FIXED_BROADBAND;
    }
}

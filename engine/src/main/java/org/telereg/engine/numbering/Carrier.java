package org.telereg.engine.numbering;

/**
 * A basic telecommunications operator that numbers are allocated to. A number keeps the operator of its
 * segment in these tables even after it has been ported to another operator.
 */
public enum Carrier {
    CHINA_MOBILE("中国移动"),
    CHINA_UNICOM("中国联通"),
    CHINA_TELECOM("中国电信"),
    CHINA_BROADNET("中国广电"),
    /** No table knows the operator, or the number is a fixed line. */
    UNKNOWN("未知");

    private final String chineseName;

    Carrier(String chineseName) {
        this.chineseName = chineseName;
    }

    /** The operator's Chinese short name, e.g. {@code 中国移动}; {@code 未知} for {@link #UNKNOWN}. */
    public String chineseName() {
        return chineseName;
    }

    /** The carrier with this Chinese short name, or {@link #UNKNOWN}. */
    static Carrier ofChineseName(String name) {
        for (Carrier carrier : values()) {
            if (carrier != UNKNOWN && carrier.chineseName.equals(name)) {
                return carrier;
            }
        }
        return UNKNOWN;
    }
}

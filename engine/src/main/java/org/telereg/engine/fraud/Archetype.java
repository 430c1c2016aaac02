package org.telereg.engine.fraud;

/**
 * The kinds of subscriber the {@link CdrGenerator} simulates: four fraud patterns, six legitimate patterns that
 * look like fraud on one or more signals (the false positives to beat), and ordinary users. See
 * docs/fraud-archetypes.md.
 */
public enum Archetype {
    /** 普通用户: a small circle of contacts called and calling back, mostly connected calls of a few minutes. */
    ORDINARY(false),
    /** 快递员: many short calls to customers, but connected, in daytime, with many customers calling in. */
    COURIER(false),
    /** 网约车司机: short calls to passengers who call back, late hours, many places in the city. */
    RIDE_HAILING(false),
    /** 电话销售/呼叫中心: hundreds of calls a day to strangers on weekdays in office hours, some hot-desk phones. */
    TELEMARKETER(false),
    /** 个体经营者: many contacts both ways, long calls, repeat business. */
    BUSINESS_OWNER(false),
    /** 新入网用户: ordinary behaviour that starts late in the window. */
    NEW_SIM(false),
    /** 出差/旅行者: ordinary calls from many places away from home. */
    TRAVELLER(false),
    /** 批量外呼: hundreds of unanswered or hung-up calls a day, often through a number block, day and night. */
    MASS_DIALER(true),
    /** 冒充公检法/客服: fewer calls, long ones to hooked victims who are called again, from away, swapping handsets. */
    IMPERSONATOR(true),
    /** 猫池/GOIP: groups of new SIM cards in one device, sharing its IMEIs, dialling strangers from one place. */
    SIM_BOX(true),
    /** 养卡: a card kept quietly alive with a few calls, then used for a burst of mass dialling late in the window. */
    RAISED_CARD(true);

    private final boolean fraud;

    Archetype(boolean fraud) {
        this.fraud = fraud;
    }

    /** Whether subscribers of this archetype are fraud numbers (label 1). */
    public boolean fraud() {
        return fraud;
    }
}

package org.telereg.platform.appeals;

/** What an appeal is about: the published statistics count network quality, fees and service. */
public enum AppealSubject {
    SIGNAL_COVERAGE(Category.NETWORK_QUALITY),
    CALL_QUALITY(Category.NETWORK_QUALITY),
    BROADBAND_SPEED(Category.NETWORK_QUALITY),
    UNEXPLAINED_CHARGES(Category.FEES),
    VALUE_ADDED_CHARGES(Category.FEES),
    TARIFF_DISPUTE(Category.FEES),
    BILLING_ERROR(Category.FEES),
    NUMBER_PORTABILITY(Category.SERVICE),
    CONTRACT_AND_CANCELLATION(Category.SERVICE),
    REAL_NAME_REGISTRATION(Category.SERVICE),
    PERSONAL_DATA(Category.SERVICE),
    SERVICE_CONDUCT(Category.SERVICE);

    /** The three categories of the ministry's appeal statistics. */
    public enum Category {
        NETWORK_QUALITY,
        FEES,
        SERVICE
    }

    private final Category category;

    AppealSubject(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}

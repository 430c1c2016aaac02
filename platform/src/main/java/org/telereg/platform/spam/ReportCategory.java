package org.telereg.platform.spam;

/** What a citizen reports. */
public enum ReportCategory {
    SPAM_SMS,
    FRAUD_SMS,
    CRANK_CALL,
    FRAUD_CALL,
    SPAM_EMAIL,
    BAD_SITE,
    BAD_APP,
    DATA_LEAK;

    /** Whether the reported party is a phone number or SMS port, so the operator can be found from it. */
    public boolean aboutNumber() {
        return this == SPAM_SMS || this == FRAUD_SMS || this == CRANK_CALL || this == FRAUD_CALL;
    }
}

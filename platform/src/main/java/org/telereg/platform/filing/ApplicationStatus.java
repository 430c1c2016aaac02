package org.telereg.platform.filing;

/**
 * Where an application stands: SUBMITTED → (the access provider's check) SMS_PENDING → (the sponsor
 * confirms the code) UNDER_REVIEW → APPROVED or REJECTED. The provider may return a submission to the
 * sponsor (RETURNED); an unanswered code stops the application (SMS_EXPIRED) until the provider sends a
 * new one.
 */
public enum ApplicationStatus {
    /** 待接入核验. */
    SUBMITTED,
    /** 已退回主办者. */
    RETURNED,
    /** 待短信核验. */
    SMS_PENDING,
    /** 短信核验超时. */
    SMS_EXPIRED,
    /** 管局审核中. */
    UNDER_REVIEW,
    /** 审核通过. */
    APPROVED,
    /** 审核不通过. */
    REJECTED;

    /** Whether the application is still in progress (its domains are taken while it is). */
    public boolean pending() {
        return this == SUBMITTED || this == SMS_PENDING || this == SMS_EXPIRED || this == UNDER_REVIEW;
    }
}

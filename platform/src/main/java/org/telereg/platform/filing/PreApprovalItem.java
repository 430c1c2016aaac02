package org.telereg.platform.filing;

/** The pre-approval items (前置审批) a service may need, each with its approval document. */
public enum PreApprovalItem {
    NEWS,
    PUBLISHING,
    MEDICAL,
    DRUGS,
    CULTURE,
    AUDIO_VISUAL,
    EDUCATION,
    RELIGION,
    FINANCE
}

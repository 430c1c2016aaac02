package org.telereg.platform.netsec;

/** The two assessments a graded unit owes: compliance (符合性评测) and risk (风险评估). */
public enum AssessmentKind {
    COMPLIANCE,
    RISK
}

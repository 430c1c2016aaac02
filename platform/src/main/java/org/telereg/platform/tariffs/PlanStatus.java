package org.telereg.platform.tariffs;

/** Whether a plan version offers the plan to new customers. */
public enum PlanStatus {
    ON_SALE,
    WITHDRAWN
}

package org.telereg.platform.tariffs;

/**
 * A plan as an operator files it, every field as typed (the console form, a CSV line, the JSON API).
 *
 * @param planCode the operator's own code, unique per operator
 * @param kind a {@link PlanKind} name
 * @param province a province code or name, or empty (or {@code 全国}) for a national plan
 * @param monthlyFee yuan per month, at most 2 decimals
 * @param downlinkMbps fixed downlink speed, required for fixed broadband and bundles
 * @param dataGb included domestic data per month, required for mobile plans and bundles
 * @param voiceMinutes included voice minutes per month, for mobile plans and bundles
 * @param extras what else a bundle includes (IPTV, a second line, …)
 * @param contractMonths minimum contract term, 0 or empty for none
 * @param validFrom first day the plan is offered, {@code yyyy-MM-dd}
 * @param validTo last day it is offered, empty for open-ended
 * @param status {@code ON_SALE} (default) or {@code WITHDRAWN}
 * @param effectiveFrom the day this filing takes effect; empty for the plan's first day (a new plan) or today (a change)
 */
public record PlanInput(
        String planCode,
        String name,
        String kind,
        String province,
        String monthlyFee,
        String downlinkMbps,
        String dataGb,
        String voiceMinutes,
        String extras,
        String contractMonths,
        String validFrom,
        String validTo,
        String status,
        String effectiveFrom) {

    /** An empty form. */
    public static PlanInput blank() {
        return new PlanInput(null, null, null, null, null, null, null, null, null, "0", null, null, "ON_SALE", null);
    }
}

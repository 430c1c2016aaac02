package org.telereg.platform.universal;

/**
 * Filters of the village list; every field optional.
 *
 * @param operator part of the operator's name or its credit code
 * @param text part of the village's name or code
 * @param lateOnly only villages still unfinished after their batch's completion date
 */
public record VillageSearch(
        Long batchId,
        BuildStatus status,
        String provinceCode,
        Plan plan,
        String operator,
        String text,
        boolean lateOnly) {

    public static VillageSearch everything() {
        return new VillageSearch(null, null, null, null, null, null, false);
    }

    public static VillageSearch ofBatch(long batchId) {
        return new VillageSearch(batchId, null, null, null, null, null, false);
    }

    VillageSearch withoutStatus() {
        return new VillageSearch(batchId, null, provinceCode, plan, operator, text, lateOnly);
    }
}

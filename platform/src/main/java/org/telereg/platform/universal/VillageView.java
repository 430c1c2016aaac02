package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A village of a pilot batch with its assignment and build progress.
 *
 * @param code the 12-digit statistical code of the administrative village
 * @param countyCode its first six digits, a current GB/T 2260 county
 * @param latitude WGS-84 latitude of the village committee
 * @param longitude WGS-84 longitude of the village committee
 * @param constructionCost budgeted construction, yuan
 * @param yearlyOperationCost budgeted operation per year, yuan
 * @param completionDue the batch's completion date
 */
public record VillageView(
        long id,
        long batchId,
        String batchName,
        String code,
        String name,
        String countyCode,
        String provinceCode,
        BigDecimal latitude,
        BigDecimal longitude,
        int population,
        int households,
        boolean border,
        boolean island,
        String operatorCreditCode,
        String operatorName,
        Plan plan,
        BigDecimal constructionCost,
        BigDecimal yearlyOperationCost,
        BuildStatus status,
        int progressPercent,
        LocalDate startedOn,
        LocalDate builtOn,
        LocalDate acceptedOn,
        LocalDate completionDue) {

    /** Whether the village still has to be (re)built after the batch's completion date. */
    public boolean late(LocalDate today) {
        return status.unfinished() && today.isAfter(completionDue);
    }

    /** The county's name from the reference divisions. */
    public String countyName() {
        return PilotVillages.county(countyCode)
                .map(org.telereg.engine.region.Division::name)
                .orElse(countyCode);
    }
}

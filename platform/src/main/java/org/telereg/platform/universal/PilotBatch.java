package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A pilot batch (试点批次) and its rules, all set per batch by the ministry.
 *
 * @param name e.g. 第九批
 * @param pilotYear the year the batch was launched
 * @param sharePercent the share of the cost the pilot compensates, e.g. 30
 * @param ordinaryYears operation years counted for an ordinary remote village, e.g. 6
 * @param borderYears operation years counted for a border or island village, e.g. 10
 * @param minimumYears the years every network must run at least, e.g. 6
 * @param radiusKm a 4G/5G site within this distance of the committee covers the village, e.g. 5
 * @param minHouseholds settlements of fewer households do not count in the signal test, e.g. 20
 * @param fibreMinMbps the downlink a fibre village must measure at acceptance, e.g. 100
 * @param completionDue the date every village should be built by
 */
public record PilotBatch(
        long id,
        String name,
        int pilotYear,
        BigDecimal sharePercent,
        int ordinaryYears,
        int borderYears,
        int minimumYears,
        BigDecimal radiusKm,
        int minHouseholds,
        BigDecimal fibreMinMbps,
        LocalDate completionDue) {}

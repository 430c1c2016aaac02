package org.telereg.platform.industry;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Operator reports: reminders and the thresholds of the anomaly flags.
 *
 * @param reminderDays days before the due day on which an operator that has not submitted is reminded
 * @param historyPeriods how many of the operator's own earlier periods a value is compared with
 * @param historyMinimum the fewest earlier periods needed before a value is compared with them
 * @param madFactor a value is unusual against its history when it lies more than this many (scaled)
 *     median absolute deviations from the median ...
 * @param historyPercent ... and also more than this percentage of the median away from it
 * @param peerPercent a rate, share or price is unusual against its peers (other operators, same
 *     province and period) when it lies more than this percentage from their median
 * @param peerMinimum the fewest peers needed before a value is compared with them
 * @param maxUploadBytes the largest CSV file a report upload accepts
 */
@ConfigurationProperties("telereg.industry")
public record IndustrySettings(
        @DefaultValue({"5", "1"}) int[] reminderDays,
        @DefaultValue("6") int historyPeriods,
        @DefaultValue("3") int historyMinimum,
        @DefaultValue("5") BigDecimal madFactor,
        @DefaultValue("20") BigDecimal historyPercent,
        @DefaultValue("50") BigDecimal peerPercent,
        @DefaultValue("2") int peerMinimum,
        @DefaultValue("1048576") int maxUploadBytes) {}

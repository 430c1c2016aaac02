package org.telereg.platform.numbering;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the number-resource register ({@code telereg.numbering.*}).
 *
 * @param lowUtilisation a block whose latest month has fewer numbers in use than this share of its
 *     capacity is ranked on the low-utilisation page (0.3 = 30 %)
 * @param maxBytes the largest utilisation upload accepted
 * @param maxRows the most data lines one upload may carry
 * @param segmentHolders which operator organisation (by its code) holds the segments the reference
 *     data gives to each carrier ({@code CHINA_MOBILE}, {@code CHINA_UNICOM}, {@code CHINA_TELECOM},
 *     {@code CHINA_BROADNET})
 * @param segmentsAllocatedOn the allocation date recorded for seeded segments: the reference data
 *     does not say when a segment was allocated
 */
@ConfigurationProperties("telereg.numbering")
public record NumberingSettings(
        @DefaultValue("0.3") BigDecimal lowUtilisation,
        @DefaultValue("10485760") int maxBytes,
        @DefaultValue("100000") int maxRows,
        Map<String, String> segmentHolders,
        @DefaultValue("2015-01-01") LocalDate segmentsAllocatedOn) {

    public NumberingSettings {
        // The organisation codes the demo and a fresh installation's operators are registered under.
        segmentHolders = segmentHolders == null || segmentHolders.isEmpty()
                ? Map.of(
                        "CHINA_MOBILE", "OP-CMCC",
                        "CHINA_UNICOM", "OP-CUCC",
                        "CHINA_TELECOM", "OP-CTCC",
                        "CHINA_BROADNET", "OP-CBN")
                : Map.copyOf(segmentHolders);
    }
}

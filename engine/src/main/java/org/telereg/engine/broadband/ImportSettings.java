package org.telereg.engine.broadband;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How measurement files are read.
 *
 * @param zone the local time zone of the measured lines: times written with an offset or in UTC (all M-Lab times)
 *     are converted to it, so busy hours are local; times without an offset are taken as already local
 * @param limits plausibility thresholds
 * @param clock the importer's clock, against which future timestamps are judged
 * @param maxListed how many bad rows and how many exclusions the report lists one by one (all are counted)
 * @param defaultDivision the division of measurements whose source names none (M-Lab results, a probe file that
 *     covers one county); empty for none
 * @param defaultOperator the operator of measurements whose source names none; empty for none
 * @param defaultTechnology the technology of measurements whose source names none
 */
public record ImportSettings(
        ZoneId zone,
        PlausibilityLimits limits,
        Clock clock,
        int maxListed,
        String defaultDivision,
        String defaultOperator,
        Technology defaultTechnology) {

    public ImportSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(defaultOperator, "defaultOperator");
        Objects.requireNonNull(defaultTechnology, "defaultTechnology");
        if (maxListed < 0) {
            throw new IllegalArgumentException("maxListed must not be negative: " + maxListed);
        }
        String place = Objects.requireNonNull(defaultDivision, "defaultDivision");
        defaultDivision = DivisionCodes.normalise(place)
                .orElseThrow(() -> new IllegalArgumentException("defaultDivision is not a GB/T 2260 code: " + place));
    }

    /** China Standard Time, default limits, the system clock, 100 listed problems, no defaults. */
    public static ImportSettings defaults() {
        return new ImportSettings(
                ZoneId.of("Asia/Shanghai"),
                PlausibilityLimits.defaults(),
                Clock.systemUTC(),
                100,
                "",
                "",
                Technology.UNKNOWN);
    }

    /** These settings in another time zone. */
    public ImportSettings withZone(ZoneId zone) {
        return new ImportSettings(zone, limits, clock, maxListed, defaultDivision, defaultOperator, defaultTechnology);
    }

    /** These settings with other plausibility limits. */
    public ImportSettings withLimits(PlausibilityLimits limits) {
        return new ImportSettings(zone, limits, clock, maxListed, defaultDivision, defaultOperator, defaultTechnology);
    }

    /** These settings with another clock. */
    public ImportSettings withClock(Clock clock) {
        return new ImportSettings(zone, limits, clock, maxListed, defaultDivision, defaultOperator, defaultTechnology);
    }

    /** These settings listing at most {@code maxListed} bad rows and exclusions. */
    public ImportSettings withMaxListed(int maxListed) {
        return new ImportSettings(zone, limits, clock, maxListed, defaultDivision, defaultOperator, defaultTechnology);
    }

    /** These settings with defaults for measurements whose source does not say where, whose or how. */
    public ImportSettings withDefaults(String division, String operator, Technology technology) {
        return new ImportSettings(zone, limits, clock, maxListed, division, operator, technology);
    }
}

package org.telereg.engine.region;

import java.util.Objects;

/**
 * A current administrative division (2023 list).
 *
 * @param code the code in its natural length: 2 digits for a province, 4 for a city, 6 for a county
 * @param name the official name; city-level groupings of a municipality's districts are named {@code 市辖区}
 * @param level the level of the division
 * @param provinceCode the two-digit code of the province it belongs to (its own code for a province)
 */
public record Division(String code, String name, Level level, String provinceCode) {

    /** The three levels of GB/T 2260. */
    public enum Level {
        /** Province, autonomous region, municipality or special administrative region (省级). */
        PROVINCE,
        /** Prefecture-level city, prefecture, league or autonomous prefecture (地级). */
        CITY,
        /** County, county-level city or district (县级). */
        COUNTY
    }

    public Division {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(provinceCode, "provinceCode");
    }
}

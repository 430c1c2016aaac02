package org.telereg.platform.shared;

import java.util.List;
import java.util.Map;

/**
 * One province's figure for a map: {@code name} is the short name the ECharts China map uses, so
 * the browser needs no lookup table.
 */
public record ProvinceFigure(String code, String name, String fullName, long value) {

    /** A figure for each of the 31 provinces with an administration, zero where the map has none. */
    public static List<ProvinceFigure> of(Map<String, Long> valuesByProvinceCode) {
        return ProvinceCode.administered().stream()
                .map(p -> new ProvinceFigure(
                        p.code(), p.shortName(), p.name(), valuesByProvinceCode.getOrDefault(p.code(), 0L)))
                .toList();
    }
}

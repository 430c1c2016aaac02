package org.telereg.engine.region;

import java.util.List;
import java.util.Objects;

/**
 * A province-level division of GB/T 2260.
 *
 * @param code two-digit GB/T 2260 code, e.g. {@code 44}
 * @param name full name, e.g. {@code 广东省}
 * @param shortName name as used on the ECharts china map, e.g. {@code 广东}, {@code 内蒙古}
 * @param abbreviation primary one-character abbreviation used for display, e.g. {@code 粤}
 * @param aliases other one-character abbreviations accepted when parsing, e.g. {@code 黔} for 贵州
 * @param hasAdministration whether a provincial communications administration (通信管理局) supervises it; true
 *     for the 31 mainland divisions, false for Taiwan, Hong Kong and Macao
 */
public record Province(
        String code,
        String name,
        String shortName,
        String abbreviation,
        List<String> aliases,
        boolean hasAdministration) {

    public Province {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(shortName, "shortName");
        Objects.requireNonNull(abbreviation, "abbreviation");
        aliases = List.copyOf(aliases);
    }
}

package org.telereg.platform.shared;

import java.util.List;
import org.telereg.engine.region.Divisions;
import org.telereg.engine.region.Province;

/**
 * A province-level division by its GB/T 2260 two-digit code. Parsing accepts the code, the full or
 * short name and the one-character abbreviation including the aliases 黔 滇 蜀 陇; display uses
 * the primary abbreviation.
 */
public record ProvinceCode(String code) {

    public ProvinceCode {
        if (code == null
                || Divisions.standard()
                        .province(code)
                        .filter(p -> p.code().equals(code))
                        .isEmpty()) {
            throw invalid(code);
        }
    }

    /** Parses "44", "440000", "广东", "广东省", "粤"; aliases such as "黔" give the primary province. */
    public static ProvinceCode of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("invalid.province.empty", "province is empty");
        }
        return Divisions.standard()
                .province(text.strip())
                .map(province -> new ProvinceCode(province.code()))
                .orElseThrow(() -> invalid(text));
    }

    /** The 31 provinces with a communications administration, in code order. */
    public static List<ProvinceCode> administered() {
        return Divisions.standard().provinces().stream()
                .filter(Province::hasAdministration)
                .map(province -> new ProvinceCode(province.code()))
                .toList();
    }

    public String name() {
        return province().name();
    }

    public String shortName() {
        return province().shortName();
    }

    public String abbreviation() {
        return province().abbreviation();
    }

    private Province province() {
        return Divisions.standard().province(code).orElseThrow();
    }

    private static InvalidValueException invalid(String text) {
        return new InvalidValueException("invalid.province", "unknown province: " + text, text);
    }

    @Override
    public String toString() {
        return code;
    }
}

package org.telereg.platform.shared;

import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;

/** A current (2023) GB/T 2260 division code: a province, city or county, always six digits. */
public record DivisionCode(String code) {

    public DivisionCode {
        if (code == null
                || !code.matches("\\d{6}")
                || Divisions.standard().current(code).isEmpty()) {
            throw new InvalidValueException("invalid.division", "unknown division code: " + code, code);
        }
    }

    public static DivisionCode of(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("invalid.division.empty", "division code is empty");
        }
        return new DivisionCode(text.strip());
    }

    public String name() {
        return division().name();
    }

    public ProvinceCode province() {
        return new ProvinceCode(division().provinceCode());
    }

    public Division.Level level() {
        return division().level();
    }

    private Division division() {
        return Divisions.standard().current(code).orElseThrow();
    }

    @Override
    public String toString() {
        return code;
    }
}

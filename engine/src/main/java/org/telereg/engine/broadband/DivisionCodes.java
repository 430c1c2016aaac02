package org.telereg.engine.broadband;

import java.util.Optional;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.engine.region.Province;

/** Turns what a measurement file says about place into a current GB/T 2260 code in its natural length. */
final class DivisionCodes {

    private DivisionCodes() {}

    /**
     * The code of a current division given as a 2-, 4- or 6-digit code ({@code 440000} is 广东, {@code 440300}
     * 深圳) or a province name or abbreviation; an empty text stays empty; anything else is empty.
     */
    static Optional<String> normalise(String place) {
        String text = place.strip();
        if (text.isEmpty()) {
            return Optional.of("");
        }
        Divisions divisions = Divisions.standard();
        if (text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return divisions.current(text).map(Division::code);
        }
        return divisions.province(text).map(Province::code);
    }
}

package org.telereg.platform.broadband;

import java.util.Optional;
import org.telereg.engine.broadband.Technology;

/** The technologies an operator declares a county covered by. */
public enum CoverageTechnology {
    FTTH,
    MOBILE_4G,
    MOBILE_5G;

    /** {@code FTTH}, {@code 光纤}, {@code 4G}, {@code 5G}, … as the engine reads technology names; others are empty. */
    public static Optional<CoverageTechnology> parse(String name) {
        return Technology.parse(name).flatMap(t -> switch (t) {
            case FIBRE -> Optional.of(FTTH);
            case MOBILE_4G -> Optional.of(MOBILE_4G);
            case MOBILE_5G -> Optional.of(MOBILE_5G);
            default -> Optional.empty();
        });
    }
}

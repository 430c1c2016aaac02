package org.telereg.platform.broadband;

import java.util.Locale;
import java.util.Optional;

/** The speed-test file formats the engine reads (docs/broadband-measurement.md). */
public enum MeasurementFileFormat {
    /** The generic measurement CSV, one test per row. */
    CSV,
    /** M-Lab NDT5 / NDT7 result JSON, one result per file or JSON Lines. */
    NDT,
    /** Ofcom's home broadband panel, one household per row; needs the date the panel stands for. */
    OFCOM;

    /** Parses {@code csv}, {@code ndt} or {@code ofcom} in any case. */
    public static Optional<MeasurementFileFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (MeasurementFileFormat format : values()) {
            if (format.name().equals(text.strip().toUpperCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}

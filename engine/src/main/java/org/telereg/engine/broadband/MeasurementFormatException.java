package org.telereg.engine.broadband;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A file refused as a whole: empty, not the format asked for (the message names what is missing), or not
 * well-formed (the message names the line and column, or the field).
 */
public final class MeasurementFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> missing;

    MeasurementFormatException(Path file, String message, List<String> missing) {
        super(file + ": " + message);
        this.file = file;
        this.missing = List.copyOf(missing);
    }

    MeasurementFormatException(Path file, String message) {
        this(file, message, List.of());
    }

    /** The file refused. */
    public Path file() {
        return file;
    }

    /** The columns or fields whose absence made the file unreadable; empty when the problem is another. */
    public List<String> missing() {
        return missing;
    }
}

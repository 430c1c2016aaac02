package org.telereg.engine.fraud;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** An input file that is not in the expected schema: no header, or a header without the required columns. */
public final class CdrFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final List<String> missingColumns;

    CdrFormatException(Path file, String message, List<String> missingColumns) {
        super(file + ": " + message);
        this.file = file;
        this.missingColumns = List.copyOf(missingColumns);
    }

    /** The file refused. */
    public Path file() {
        return file;
    }

    /** Required columns the header lacks, in schema order; empty when the problem is another. */
    public List<String> missingColumns() {
        return missingColumns;
    }
}

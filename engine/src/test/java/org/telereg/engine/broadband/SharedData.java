package org.telereg.engine.broadband;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** The team's broadband reference data beside the repository (../shared/data/broadband), or a clear skip. */
final class SharedData {

    // Maven runs tests in the module directory; the team's reference data sits beside the repository.
    private static final Path BROADBAND = Path.of("..", "..", "shared", "data", "broadband");

    private SharedData() {}

    static Path file(String relative) {
        Path file = BROADBAND.resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                "Skipped: " + file.toAbsolutePath().normalize()
                        + " is not there (the team's shared/data folder beside the repository)");
        return file;
    }
}

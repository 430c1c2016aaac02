package org.telereg.platform.broadband;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/** The team's real speed-test files beside the repository, and small hand-written ones. */
final class BroadbandFiles {

    // Maven runs tests in the module directory; the team's reference data sits beside the repository.
    private static final Path BROADBAND = Path.of("..", "..", "shared", "data", "broadband");

    static final String NDT7_DOWNLOAD =
            "mlab-ndt/NDT7Result/ndt7-download-20200318T000657.568382877Z.ndt-knwp4_1583603744_000000000000590E.json";
    static final String NDT5_CONTROL_ONLY = "mlab-ndt/NDT5Result/ndt-x5dms_1589313593_0000000000024063.json";
    static final String NDT_CORRUPT = "mlab-ndt/Annotation2/ndt-corrupt.json";
    static final String HOME_SPEED_TESTS = "home-speedtests-2017-2019.csv";

    static final String HEADER =
            "time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps\n";

    private BroadbandFiles() {}

    static Path path(String relative) {
        Path file = BROADBAND.resolve(relative);
        assumeTrue(
                Files.isRegularFile(file),
                "Skipped: " + file.toAbsolutePath().normalize()
                        + " is not there (the team's shared/data folder beside the repository)");
        return file;
    }

    static byte[] bytes(String relative) throws IOException {
        return Files.readAllBytes(path(relative));
    }

    static byte[] csv(String... rows) {
        return (HEADER + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** An operator name no other test or the demo data uses, so a query can select one test's rows. */
    static String uniqueOperator() {
        return "测试宽带-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static String batchId() {
        return UUID.randomUUID().toString();
    }
}

package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.telereg.engine.broadband.GroupBy;
import org.telereg.engine.broadband.ImportReport;
import org.telereg.engine.broadband.ImportSettings;
import org.telereg.engine.broadband.MeasurementFiles;
import org.telereg.engine.broadband.SpeedAggregate;
import org.telereg.engine.broadband.SpeedAggregation;

class DemoBroadbandTests {

    private static final Clock DECEMBER_2026 = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path directory;

    private static String generate(long seed) {
        return new DemoBroadband(null, null, new BroadbandSettings(1 << 26, 100, 4), DECEMBER_2026, seed).generate();
    }

    @Test
    void sameSeedGivesTheSameTests() {
        assertThat(generate(42)).isEqualTo(generate(42)).isNotEqualTo(generate(43));
    }

    @Test
    void everyTestIsAcceptedAndEveryProvinceOperatorAndMonthOfTwoYearsIsThere() throws IOException {
        Path file = directory.resolve("demo.csv");
        Files.writeString(file, generate(20261128), StandardCharsets.UTF_8);
        SpeedAggregation byProvinceOperatorMonth =
                SpeedAggregation.by(GroupBy.PROVINCE, GroupBy.OPERATOR, GroupBy.MONTH);
        SpeedAggregation byProvince = SpeedAggregation.by(GroupBy.PROVINCE);

        ImportReport report = MeasurementFiles.readCsv(
                file,
                ImportSettings.defaults().withZone(MeasurementImport.CHINA).withClock(DECEMBER_2026),
                m -> {
                    byProvinceOperatorMonth.accept(m);
                    byProvince.accept(m);
                });

        assertThat(report.rejected()).isZero();
        assertThat(report.excluded()).isZero();
        assertThat(report.accepted()).isEqualTo(31L * 3 * 24 * 4);
        assertThat(byProvinceOperatorMonth.results()).hasSize(31 * 3 * 24);
        assertThat(byProvinceOperatorMonth.results().get(0).key().period()).isEqualTo("2024-12");
        assertThat(byProvinceOperatorMonth.results().get(23).key().period()).isEqualTo("2026-11");
        Map<String, Double> means = byProvince.results().stream()
                .collect(Collectors.toMap(a -> a.key().province(), SpeedAggregate::meanMbps));
        // Shanghai (east) is faster than Tibet (west) in the generated set, as in the published figures.
        assertThat(means.get("31")).isGreaterThan(means.get("54"));
    }
}

package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CdrGeneratorTests {

    @TempDir
    Path dir;

    @Test
    void writesTheSameBytesForTheSameSettings() throws IOException {
        GeneratorSettings settings = GeneratorSettings.of(17, 120).withDays(4);

        GeneratedCdrs first = new CdrGenerator(settings).writeTo(dir.resolve("a"));
        GeneratedCdrs second = new CdrGenerator(settings).writeTo(dir.resolve("b"));
        GeneratedCdrs other = new CdrGenerator(settings.withShift(0.3)).writeTo(dir.resolve("c"));

        for (String name : new String[] {"calls.csv", "sms.csv", "users.csv", "labels.csv"}) {
            assertThat(Files.readAllBytes(dir.resolve("b").resolve(name)))
                    .as(name)
                    .isEqualTo(Files.readAllBytes(dir.resolve("a").resolve(name)));
        }
        assertThat(Files.readAllBytes(other.calls())).isNotEqualTo(Files.readAllBytes(first.calls()));
        assertThat(second.callRows()).isEqualTo(first.callRows());
    }

    @Test
    void coversEveryArchetypeInTheRequestedShares() throws IOException {
        GeneratedCdrs data = new CdrGenerator(GeneratorSettings.of(1, 1000).withDays(2)).writeTo(dir);

        assertThat(data.subscribers().keySet()).containsExactlyInAnyOrder(Archetype.values());
        int fraud = Arrays.stream(Archetype.values())
                .filter(Archetype::fraud)
                .mapToInt(a -> data.subscribers().get(a))
                .sum();
        assertThat(fraud).isEqualTo(120);
        assertThat(data.subscribers().get(Archetype.ORDINARY)).isEqualTo(580);
    }

    @Test
    void writesFilesThatTheScanReadsWithoutABadRowInTimeOrder() throws IOException {
        GeneratedCdrs data = new CdrGenerator(
                        GeneratorSettings.of(2, 200).withDays(3).withGzip(true).withAnonymised(true))
                .writeTo(dir);

        FeatureExtraction extraction =
                FraudFeatures.with(FraudModel.standard().settings()).extract(data.files());

        assertThat(data.calls().getFileName().toString()).isEqualTo("calls.csv.gz");
        assertThat(extraction.badRows()).isZero();
        assertThat(extraction.inputs().get(1).rows()).isEqualTo(data.callRows());
        assertThat(extraction.features().subscriber(0)).hasSize(32).matches("[0-9a-f]+");
    }
}

package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detection quality on generated data the model was not trained on: another seed, and archetypes shifted
 * towards each other. The floors are those documented in docs/fraud-quality.md.
 */
class FraudQualityTests {

    /** Held-out F1 the issue asks for. */
    private static final double HELD_OUT_F1 = 0.9;
    /** Documented floor with archetypes moved a quarter of the way towards their look-alikes. */
    private static final double SHIFTED_F1 = 0.85;

    @TempDir
    static Path dir;

    record Truth(Map<String, Boolean> fraud, Map<String, Archetype> archetypes) {}

    static Truth labels(GeneratedCdrs data) throws IOException {
        Map<String, Boolean> fraud = new HashMap<>();
        Map<String, Archetype> archetypes = new HashMap<>();
        List<String> lines = Files.readAllLines(data.labels(), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] fields = line.split(",");
            fraud.put(fields[0], fields[1].equals("1"));
            archetypes.put(fields[0], Archetype.valueOf(fields[2].toUpperCase(Locale.ROOT)));
        }
        return new Truth(fraud, archetypes);
    }

    private static Quality evaluate(FraudModel model, GeneratorSettings settings, String name) throws IOException {
        GeneratedCdrs data = new CdrGenerator(settings).writeTo(dir.resolve(name));
        FeatureTable table =
                FraudFeatures.with(model.settings()).extract(data.files()).features();
        Truth truth = labels(data);
        Quality quality = model.quality(table, truth.fraud());
        Map<Archetype, long[]> flagged = new EnumMap<>(Archetype.class);
        for (int row = 0; row < table.size(); row++) {
            long[] counts = flagged.computeIfAbsent(truth.archetypes().get(table.subscriber(row)), a -> new long[2]);
            counts[0]++;
            counts[1] += model.score(table, row).flagged() ? 1 : 0;
        }
        System.out.printf(
                Locale.ROOT,
                "%s: precision %.3f recall %.3f F1 %.3f%n",
                name,
                quality.precision(),
                quality.recall(),
                quality.f1());
        flagged.forEach((archetype, counts) ->
                System.out.printf(Locale.ROOT, "  %-15s %4d flagged %4d%n", archetype, counts[0], counts[1]));
        return quality;
    }

    @Test
    void theDefaultModelFindsFraudInDataItWasNotTrainedOn() throws IOException {
        FraudModel model = FraudModel.standard();

        assertThat(evaluate(model, GeneratorSettings.of(7, 1500), "held-out").f1())
                .isGreaterThanOrEqualTo(HELD_OUT_F1);
        assertThat(evaluate(model, GeneratorSettings.of(8, 1500).withAnonymised(true), "anonymised")
                        .f1())
                .isGreaterThanOrEqualTo(HELD_OUT_F1);
        assertThat(evaluate(model, GeneratorSettings.of(9, 1500).withShift(0.25), "shifted")
                        .f1())
                .isGreaterThanOrEqualTo(SHIFTED_F1);
    }

    @Test
    void aModelTrainedOnOneSeedHoldsOnAnotherAndOnShiftedArchetypes() throws IOException {
        GeneratedCdrs training = new CdrGenerator(GeneratorSettings.of(101, 1500)).writeTo(dir.resolve("train"));
        FeatureSettings settings = FraudModel.standard().settings();
        FeatureTable table =
                FraudFeatures.with(settings).extract(training.files()).features();
        FraudModel model = FraudModel.train(table, labels(training).fraud(), TrainingSettings.defaults());

        assertThat(evaluate(model, GeneratorSettings.of(202, 1500), "trained-held-out")
                        .f1())
                .isGreaterThanOrEqualTo(HELD_OUT_F1);
        assertThat(evaluate(model, GeneratorSettings.of(303, 1500).withShift(0.25), "trained-shifted")
                        .f1())
                .isGreaterThanOrEqualTo(SHIFTED_F1);
    }
}

package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudModelTests {

    @TempDir
    Path dir;

    private static final String MODEL = """
            # a hand-written model
            telereg-fraud-model 1
            short_call_seconds 10
            night_hours 23 5
            sequential_step 3
            late_days 2
            threshold 0.5
            clip 4
            reasons 2
            reason_min_contribution 0.1
            intercept -1
            feature short_call_ratio identity 0.2 0.1 1.5
            feature distinct_callees log1p 2 1 0.5
            feature callback_ratio identity 0.5 0.25 -1
            feature sms_in log1p 1 1 -3
            """;

    private FeatureTable table(String rows) throws IOException {
        Path calls = dir.resolve("calls.csv");
        java.nio.file.Files.writeString(
                calls,
                "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n" + rows);
        return FraudFeatures.with(FraudModel.parse(MODEL, "test").settings())
                .extract(CdrFiles.calls(calls))
                .features();
    }

    @Test
    void takesItsFeatureSettingsAndThresholdFromTheFile() {
        FraudModel model = FraudModel.parse(MODEL, "test");

        assertThat(model.settings()).isEqualTo(new FeatureSettings(10, 23, 5, 3, 2));
        assertThat(model.threshold()).isEqualTo(0.5);
        assertThat(model.weight(Feature.SHORT_CALL_RATIO)).isEqualTo(1.5);
        assertThat(model.weight(Feature.OUT_CALLS)).isZero();
    }

    @Test
    void readsBackWhatItWrites() throws IOException {
        FraudModel model = FraudModel.parse(MODEL, "test");
        Path file = dir.resolve("model.txt");

        model.write(file);

        assertThat(FraudModel.read(file).format()).isEqualTo(model.format());
    }

    @Test
    void explainsAHighScoreByTheFeaturesThatPushedItUpWithTheirValues() throws IOException {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            rows.append("1380000001,139")
                    .append(String.format("%08d", i * 1000))
                    .append(",1,2020-03-01 10:")
                    .append(String.format("%02d", i))
                    .append(":00,3,成都,锦江区,86\n");
        }
        rows.append("1380000002,13900000001,1,2020-03-01 10:00:00,300,成都,锦江区,87\n");
        rows.append("1380000002,13900000001,2,2020-03-01 11:00:00,300,成都,锦江区,87\n");
        FeatureTable table = table(rows.toString());
        FraudModel model = FraudModel.parse(MODEL, "test");

        Verdict dialer = model.score(table, table.rowOf("1380000001"));
        Verdict friend = model.score(table, table.rowOf("1380000002"));

        assertThat(dialer.flagged()).isTrue();
        assertThat(dialer.score()).isGreaterThan(0.99);
        assertThat(dialer.reasonCodes()).isEqualTo("short_call_ratio=1;callback_ratio=0");
        assertThat(friend.flagged()).isFalse();
        assertThat(friend.reasons()).isEmpty();
    }

    @Test
    void treatsFeaturesOfAMissingFileAsAverage() throws IOException {
        FeatureTable withoutSms = table("1380000001,13900000001,2,2020-03-01 10:00:00,30,成都,锦江区,86\n");
        FraudModel model = FraudModel.parse(MODEL, "test");

        Verdict verdict = model.score(withoutSms, 0);

        // Known: distinct_callees = 0, log1p 0 is 2 spreads below the mean, weight 0.5: -1. Unknown: the callee
        // ratios (no outgoing call) and sms_in (no SMS file), which would otherwise add -3 * (0 - 1) = +3.
        assertThat(verdict.score()).isCloseTo(1 / (1 + Math.exp(2)), within(1e-9));
    }

    @Test
    void namesTheLineOfAProblemInAModelFile() {
        assertThatThrownBy(() -> FraudModel.parse(MODEL.replace("feature sms_in", "feature sms_sent"), "m.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m.txt line 15")
                .hasMessageContaining("unknown feature 'sms_sent'");
        assertThatThrownBy(() -> FraudModel.parse(MODEL.replace("threshold 0.5\n", ""), "m.txt"))
                .hasMessageContaining("missing threshold");
        assertThatThrownBy(() -> FraudModel.parse("a model\n", "m.txt"))
                .hasMessageContaining("m.txt line 1: expected 'telereg-fraud-model 1'");
        assertThatThrownBy(() -> FraudModel.parse(MODEL.replace("clip 4", "clip four"), "m.txt"))
                .hasMessageContaining("m.txt line 8: not a number");
    }

    @Test
    void trainingSeparatesGeneratedFraudFromLookAlikes() throws IOException {
        GeneratedCdrs data = new CdrGenerator(GeneratorSettings.of(5, 600).withDays(10)).writeTo(dir.resolve("data"));
        FeatureSettings settings = FraudModel.standard().settings();
        FeatureTable table = FraudFeatures.with(settings).extract(data.files()).features();
        Map<String, Boolean> labels = FraudQualityTests.labels(data).fraud();

        FraudModel model = FraudModel.train(table, labels, TrainingSettings.defaults());

        assertThat(model.settings()).isEqualTo(settings);
        assertThat(model.quality(table, labels).f1()).isGreaterThan(0.9);
        assertThat(FraudModel.parse(model.format(), "trained").format()).isEqualTo(model.format());
    }

    @Test
    void refusesToTrainOnOneClass() throws IOException {
        FeatureTable table = table("1380000001,13900000001,1,2020-03-01 10:00:00,30,成都,锦江区,86\n");
        Map<String, Boolean> labels = new HashMap<>(Map.of("1380000001", false));

        assertThatThrownBy(() -> FraudModel.train(table, labels, TrainingSettings.defaults()))
                .hasMessageContaining("both fraud and legitimate");
    }

    @Test
    void shipsADefaultModel() {
        FraudModel model = FraudModel.standard();

        assertThat(model.threshold()).isBetween(0.05, 0.95);
        assertThat(model.weight(Feature.SHORT_CALL_RATIO)).isPositive();
        assertThat(model.weight(Feature.CONNECTED_RATIO)).isNegative();
    }
}

package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FraudTrainCommandTests {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @Test
    void generatesDataTrainsAModelAndScansWithIt() throws IOException {
        Path data = dir.resolve("data");
        Path model = dir.resolve("model.txt");
        Path suspects = dir.resolve("suspects.csv");

        assertThat(CdrGenerateCommand.run(
                        List.of("--out", data.toString(), "--subscribers", "400", "--seed", "3", "--days", "10"),
                        out,
                        err))
                .isZero();
        int trained = FraudTrainCommand.run(
                List.of(
                        "--calls", data.resolve("calls.csv").toString(),
                        "--sms", data.resolve("sms.csv").toString(),
                        "--users", data.resolve("users.csv").toString(),
                        "--labels", data.resolve("labels.csv").toString(),
                        "--out", model.toString(),
                        "--short-call-seconds", "20",
                        "--night-hours", "23-6"),
                out,
                err);
        int scanned = FraudScanCommand.run(
                List.of(
                        "--calls",
                        data.resolve("calls.csv").toString(),
                        "--model",
                        model.toString(),
                        "--out",
                        suspects.toString()),
                out,
                err);

        assertThat(trained).as(errBytes.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(scanned).isZero();
        FraudModel written = FraudModel.read(model);
        assertThat(written.settings().shortCallSeconds()).isEqualTo(20);
        assertThat(written.settings().nightStartHour()).isEqualTo(23);
        assertThat(written.settings().lateDays())
                .isEqualTo(FraudModel.standard().settings().lateDays());
        assertThat(Files.readString(model)).startsWith("# Trained by fraud-train on calls.csv");
        assertThat(outBytes.toString(StandardCharsets.UTF_8))
                .contains("training on 400 labelled subscribers (48 fraud)")
                .contains("largest weights");
        assertThat(Files.readAllLines(suspects)).hasSize(401);
    }

    @Test
    void refusesLabelsWithoutALabelColumn() throws IOException {
        Path labels = dir.resolve("labels.csv");
        Files.writeString(labels, "phone_no_m,fraud\n1,1\n");
        Path calls = dir.resolve("calls.csv");
        Files.writeString(
                calls, "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n");

        int exit = FraudTrainCommand.run(
                List.of(
                        "--calls",
                        calls.toString(),
                        "--labels",
                        labels.toString(),
                        "--out",
                        dir.resolve("m").toString()),
                out,
                err);

        assertThat(exit).isEqualTo(1);
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .contains("not a labels file")
                .contains("label");
    }
}

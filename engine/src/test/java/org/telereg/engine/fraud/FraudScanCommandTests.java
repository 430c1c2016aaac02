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

/**
 * The command line as a user runs it. The golden input under {@code golden/} was written by {@code cdr-generate
 * --subscribers 24 --seed 42 --days 5 --fraud-share 0.34 --lookalike-share 0.25} (calls gzip-compressed); after an
 * intended change of the scan or the default model, run with {@code -Dgolden.update=true} to rewrite
 * suspects.csv and review its diff.
 */
class FraudScanCommandTests {

    private static final Path GOLDEN = Path.of("src/test/resources/org/telereg/engine/fraud/golden");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    private int scan(String... args) {
        return FraudScanCommand.run(List.of(args), out, err);
    }

    private String out() {
        return outBytes.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return errBytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesTheGoldenSuspectsForTheGoldenInput() throws IOException {
        Path suspects = dir.resolve("suspects.csv");

        int exit = scan(
                "--calls", GOLDEN.resolve("calls.csv.gz").toString(),
                "--sms", GOLDEN.resolve("sms.csv").toString(),
                "--users", GOLDEN.resolve("users.csv").toString(),
                "--out", suspects.toString(),
                "--threads", "2");

        assertThat(exit).as(err()).isZero();
        if (Boolean.getBoolean("golden.update")) {
            Files.copy(suspects, GOLDEN.resolve("suspects.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        assertThat(Files.readString(suspects)).isEqualTo(Files.readString(GOLDEN.resolve("suspects.csv")));
        assertThat(out())
                .contains("calls " + GOLDEN.resolve("calls.csv.gz") + ": 4,539 rows, 0 bad")
                .contains("subscribers: 24, flagged: 8 (33.3%)")
                .contains("top suspects:");
    }

    @Test
    void flagsEveryFraudNumberOfTheGoldenInputAndNoOther() throws IOException {
        Path suspects = dir.resolve("suspects.csv");
        scan(
                "--calls",
                GOLDEN.resolve("calls.csv.gz").toString(),
                "--sms",
                GOLDEN.resolve("sms.csv").toString(),
                "--users",
                GOLDEN.resolve("users.csv").toString(),
                "--out",
                suspects.toString());

        List<String> flagged = Files.readAllLines(suspects).stream()
                .skip(1)
                .filter(line -> line.split(",")[2].equals("1"))
                .map(line -> line.split(",")[0])
                .sorted()
                .toList();
        List<String> fraud = Files.readAllLines(GOLDEN.resolve("labels.csv")).stream()
                .skip(1)
                .filter(line -> line.split(",")[1].equals("1"))
                .map(line -> line.split(",")[0])
                .sorted()
                .toList();

        assertThat(flagged).isEqualTo(fraud);
    }

    @Test
    void givesTheSameFileWithOneThreadAsWithTwo() throws IOException {
        Path one = dir.resolve("one.csv");
        Path two = dir.resolve("two.csv");
        String calls = GOLDEN.resolve("calls.csv.gz").toString();

        scan("--calls", calls, "--out", one.toString(), "--threads", "1");
        scan("--calls", calls, "--out", two.toString(), "--threads", "2");

        assertThat(Files.readString(two)).isEqualTo(Files.readString(one));
    }

    @Test
    void reportsBadRowsAndStillScoresTheGoodOnes() throws IOException {
        Path calls = dir.resolve("calls.csv");
        Files.writeString(
                calls,
                "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n"
                        + "13800000001,13900000001,1,2020-03-01 08:00:00,5,成都,锦江区,861111\n"
                        + "13800000001,13900000001,1,yesterday,5,成都,锦江区,861111\n");

        int exit =
                scan("--calls", calls.toString(), "--out", dir.resolve("s.csv").toString());

        assertThat(exit).isZero();
        assertThat(out()).contains("1 bad").contains("line 3: start_datetime is not a date and time");
        assertThat(Files.readAllLines(dir.resolve("s.csv"))).hasSize(2);
    }

    @Test
    void refusesAMissingFileWithExitCodeOne() {
        int exit = scan(
                "--calls",
                dir.resolve("missing.csv").toString(),
                "--out",
                dir.resolve("s.csv").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("no such file").contains("missing.csv");
    }

    @Test
    void refusesAFileOfAnotherSchemaNamingTheMissingColumns() throws IOException {
        Path calls = dir.resolve("calls.csv");
        Files.writeString(calls, "phone,other,when\n1,2,3\n");

        int exit =
                scan("--calls", calls.toString(), "--out", dir.resolve("s.csv").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("not a calls file").contains("phone_no_m, opposite_no_m, calltype_id");
    }

    @Test
    void refusesABrokenModelFileNamingTheLine() throws IOException {
        Path model = dir.resolve("model.txt");
        Files.writeString(model, "telereg-fraud-model 1\nthreshold high\n");

        int exit = scan(
                "--calls",
                GOLDEN.resolve("calls.csv.gz").toString(),
                "--model",
                model.toString(),
                "--out",
                dir.resolve("s.csv").toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err()).contains("model.txt line 2: not a number");
    }

    @Test
    void explainsAWrongCommandLineWithExitCodeTwo() {
        assertThat(scan("--calls", "x.csv")).isEqualTo(2);
        assertThat(err()).contains("fraud-scan needs --out").contains("usage: fraud-scan");
        assertThat(scan("--calls", "x.csv", "--out", "y.csv", "--colour", "red"))
                .isEqualTo(2);
        assertThat(err()).contains("unknown option --colour");
    }
}

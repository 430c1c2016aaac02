package org.telereg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code ./telereg} command line, before any Spring context starts (engine commands start none). */
class TeleRegApplicationTests {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @ParameterizedTest
    @ValueSource(strings = {"--help", "-h", "help"})
    void helpListsEveryCommandAndSucceeds(String option) {
        int exitCode = run(option);

        assertThat(exitCode).isZero();
        assertThat(text(out)).contains("serve", "audit-verify", "用法 / usage");
        assertThat(text(err)).isEmpty();
    }

    @Test
    void noCommandPrintsTheHelp() {
        int exitCode = run();

        assertThat(exitCode).isZero();
        assertThat(text(out)).contains("serve", "audit-verify");
    }

    @Test
    void unknownCommandFailsWithUsageErrorAndNamesTheCommand() {
        int exitCode = run("fraud-scna");

        assertThat(exitCode).isEqualTo(2);
        assertThat(text(err)).contains("unknown command: fraud-scna").contains("audit-verify");
        assertThat(text(out)).isEmpty();
    }

    @Test
    void smsScreenRunsFromTheLauncherWithoutStartingThePlatform(@TempDir Path dir) throws IOException {
        Path in = dir.resolve("messages.tsv");
        Path verdicts = dir.resolve("verdicts.tsv");
        Files.writeString(
                in,
                "id\tsender\ttext\n" + "m1\t\t【公安局】您涉嫌洗钱，请立即将资金转入安全账户配合调查\n" + "m2\t13800138000\t今晚七点在老地方吃饭，别迟到\n",
                StandardCharsets.UTF_8);

        int exitCode = run("sms-screen", "--in", in.toString(), "--out", verdicts.toString());

        assertThat(exitCode).isZero();
        assertThat(Files.readAllLines(verdicts, StandardCharsets.UTF_8))
                .extracting(line -> line.split("\t")[0] + " " + line.split("\t")[1])
                .containsExactly("id verdict", "m1 fraud", "m2 normal");
        assertThat(text(out)).contains("screened 2 messages");
    }

    private int run(String... args) {
        return TeleRegApplication.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String text(ByteArrayOutputStream stream) {
        return stream.toString(StandardCharsets.UTF_8);
    }
}

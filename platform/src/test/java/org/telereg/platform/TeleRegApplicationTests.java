package org.telereg.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code ./telereg} command line, before any Spring context starts. */
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

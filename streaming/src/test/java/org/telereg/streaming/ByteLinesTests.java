package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteLinesTests {

    @Test
    void splitsAtLineFeedsKeepingCarriageReturnsAndALastLineWithoutABreak() throws IOException {
        assertThat(lines("号码,一\r\n\nlast".getBytes(StandardCharsets.UTF_8))).containsExactly("号码,一\r", "", "last");
        assertThat(lines("only\n".getBytes(StandardCharsets.UTF_8))).containsExactly("only");
        assertThat(lines(new byte[0])).isEmpty();
    }

    @Test
    void readsLinesAcrossItsBlocksWhole() throws IOException {
        String longLine = "7".repeat(200_000);
        String text = "a\n" + longLine + "\n" + "b".repeat(70_000) + "\nc";

        assertThat(lines(text.getBytes(StandardCharsets.UTF_8)))
                .containsExactly("a", longLine, "b".repeat(70_000), "c");
    }

    @Test
    void cutsALineLongerThanTheLimitAndSkipsItsRest() throws IOException {
        String tooLong = "x".repeat(ByteLines.MAX_LINE + 5_000);
        String text = "first\n" + tooLong + "\nnext\n" + tooLong;

        List<String> lines = lines(text.getBytes(StandardCharsets.UTF_8));

        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("first");
        assertThat(lines.get(1)).hasSize(ByteLines.MAX_LINE);
        assertThat(lines.get(2)).isEqualTo("next");
        assertThat(lines.get(3)).hasSize(ByteLines.MAX_LINE);
    }

    private static List<String> lines(byte[] content) throws IOException {
        List<String> lines = new ArrayList<>();
        try (ByteLines.LineReader reader = new ByteLines.LineReader(new ByteArrayInputStream(content))) {
            for (byte[] line = reader.read(); line != null; line = reader.read()) {
                lines.add(new String(line, StandardCharsets.UTF_8));
            }
        }
        return lines;
    }
}

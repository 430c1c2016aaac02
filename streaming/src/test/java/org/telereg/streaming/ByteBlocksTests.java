package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ByteBlocksTests {

    @Test
    void givesWholeLinesKeepingCarriageReturnsAndALastLineWithoutABreak() throws IOException {
        assertThat(blocks(utf8("号码,一\r\n\nlast"), false)).containsExactly("号码,一\r\n\nlast");
        assertThat(blocks(utf8("only\n"), false)).containsExactly("only\n");
        assertThat(blocks(new byte[0], false)).isEmpty();
    }

    @Test
    void endsEachBlockAtTheLastLineBreakWithinABlockOfBytes() throws IOException {
        String line = "13800000001,13900000002,1,2020-03-01 10:00:00,35,成都,锦江区,86000001\n";
        String text = line.repeat(3_000);

        List<String> blocks = blocks(utf8(text), false);

        assertThat(blocks).hasSizeGreaterThan(3);
        assertThat(String.join("", blocks)).isEqualTo(text);
        for (String block : blocks) {
            assertThat(block).endsWith("\n");
            assertThat(block.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(ByteBlocks.BLOCK);
        }
    }

    @Test
    void cutsTheSameBlocksHoweverTheStreamHandsOutItsBytes() throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            text.append("1380000").append(i).append(",x".repeat(i % 17)).append('\n');
        }
        byte[] content = utf8(text.toString());

        assertThat(blocks(content, true)).isEqualTo(blocks(content, false));
    }

    @Test
    void givesALineLongerThanABlockWholeAndCutsOneLongerThanTheLimit() throws IOException {
        String longLine = "7".repeat(200_000);
        String tooLong = "x".repeat(ByteBlocks.MAX_LINE + 5_000);
        String text = "a\n" + longLine + "\nb\n" + tooLong + "\nnext\n" + tooLong;

        List<String> blocks = blocks(utf8(text), false);

        assertThat(blocks).hasSize(6);
        assertThat(blocks.get(0)).isEqualTo("a\n");
        assertThat(blocks.get(1)).isEqualTo(longLine + "\n");
        assertThat(blocks.get(2)).isEqualTo("b\n");
        assertThat(blocks.get(3)).isEqualTo("x".repeat(ByteBlocks.MAX_LINE));
        assertThat(blocks.get(4)).isEqualTo("next\n");
        assertThat(blocks.get(5)).isEqualTo("x".repeat(ByteBlocks.MAX_LINE));
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The blocks read from {@code content}, as text; {@code trickle} hands out at most 7 bytes per read. */
    private static List<String> blocks(byte[] content, boolean trickle) throws IOException {
        InputStream in = new ByteArrayInputStream(content);
        if (trickle) {
            in = new java.io.FilterInputStream(in) {
                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return super.read(b, off, Math.min(len, 7));
                }
            };
        }
        List<String> blocks = new ArrayList<>();
        try (ByteBlocks.BlockReader reader = new ByteBlocks.BlockReader(in)) {
            for (byte[] block = reader.read(); block != null; block = reader.read()) {
                blocks.add(new String(block, StandardCharsets.UTF_8));
            }
        }
        return blocks;
    }
}

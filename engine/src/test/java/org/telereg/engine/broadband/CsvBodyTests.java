package org.telereg.engine.broadband;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The byte-level helpers of the fast CSV reader agree with the plain definitions they stand for. */
class CsvBodyTests {

    @Test
    void findsTheFirstLineFeedAsAPlainLoopDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int round = 0; round < 20_000; round++) {
            byte[] bytes = new byte[random.nextInt(40)];
            for (int i = 0; i < bytes.length; i++) {
                // Line feeds, bytes one off a line feed, high bytes and plain text.
                bytes[i] = switch (random.nextInt(6)) {
                    case 0 -> '\n';
                    case 1 -> 0x0B;
                    case 2 -> 0x09;
                    case 3 -> (byte) (0x80 + random.nextInt(128));
                    default -> (byte) ('0' + random.nextInt(40));
                };
            }
            int from = bytes.length == 0 ? 0 : random.nextInt(bytes.length + 1);
            int to = from + random.nextInt(bytes.length - from + 1);
            int expected = -1;
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\n') {
                    expected = i;
                    break;
                }
            }
            assertThat(CsvBody.indexOfFeed(bytes, from, to)).isEqualTo(expected);
        }
    }

    @Test
    void judgesUtf8AsJavasStrictDecoderDoes() {
        SplittableRandom random = new SplittableRandom(11);
        String[] pieces = {"a", "中国移动", "é", "😀", "\u3000", ",", "0.5"};
        for (int round = 0; round < 50_000; round++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int parts = random.nextInt(8);
            for (int p = 0; p < parts; p++) {
                if (random.nextInt(4) == 0) {
                    // A lead, continuation or never-valid byte: overlong, surrogate and out-of-range forms.
                    int[] odd = {
                        0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0x9F, 0xA0, 0x8F,
                        0x90
                    };
                    out.write(odd[random.nextInt(odd.length)]);
                } else {
                    out.writeBytes(pieces[random.nextInt(pieces.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] bytes = out.toByteArray();
            boolean expected = CsvBody.strictly(StandardCharsets.UTF_8, bytes, 0, bytes.length) != null;
            assertThat(CsvBody.validUtf8(bytes, 0, bytes.length))
                    .as("%s", java.util.HexFormat.of().formatHex(bytes))
                    .isEqualTo(expected);
        }
        // Every two- and three-byte prefix of the tricky leads.
        for (int a = 0x80; a < 0x100; a++) {
            for (int b = 0x70; b < 0xD0; b++) {
                byte[] bytes = {(byte) a, (byte) b, (byte) 0x80, (byte) 0x80};
                for (int length = 1; length <= 4; length++) {
                    boolean expected = CsvBody.strictly(StandardCharsets.UTF_8, bytes, 0, length) != null;
                    assertThat(CsvBody.validUtf8(bytes, 0, length)).isEqualTo(expected);
                }
            }
        }
    }
}

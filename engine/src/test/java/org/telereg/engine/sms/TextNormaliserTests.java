package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextNormaliserTests {

    private final TextNormaliser normaliser = TextNormaliser.standard();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(
            delimiter = '=',
            value = {
                "ＶＸ１２３ＡＢＣ = vx123abc",
                "加ＱＱ：１２３４５ = 加qq 12345",
                "轉帳到安全帳戶 = 转账到安全账户",
                "銀行卡凍結，請點擊連結 = 银行卡冻结请点击连结",
                "VX Free ENTRY = vx free entry",
                "加 微 信 = 加微信",
                "加-微-信 = 加微信",
                "加★微★信 = 加微信",
                "v❤x = vx",
                "V.X = vx",
                "1 3 8 0 0 1 3 8 0 0 0 = 13800138000",
                "free entry = free entry",
                "I am here = i am here",
                "一三八零零一三八零零零 = 13800138000",
                "壹贰叁肆伍陆柒捌玖 = 123456789",
                "〇幺 = 01",
                "①③⑧⑴⒉❸➃ = 1381234",
                "Ⓥⓧ = vx",
                "加\u200B微\u200C信\u200D = 加微信",
                "ab\u200Bcd = abcd",
                "\uFEFF退订 = 退订",
                "加😀微😀信 = 加微信",
                "v\uFE0Fx = vx",
            })
    void undoesEachEvasionTrick(String written, String normalised) {
        assertThat(normaliser.normalise(written)).isEqualTo(normalised);
    }

    @Test
    void keepsOneSpaceBetweenWordsOfLatinText() {
        assertThat(normaliser.normalise("Call   now!!  Reply STOP.")).isEqualTo("call now reply stop");
    }

    @Test
    void neverWritesMoreCharactersThanItReads() {
        String text = "【某某银行】尊敬的客户：您的Ｕ盾已過期，请登录 www.abc-bank.cn 更新。回T退订";
        char[] out = new char[text.length()];
        int n = normaliser.normalise(text, out);
        assertThat(n).isLessThanOrEqualTo(text.length());
        assertThat(new String(out, 0, n)).isEqualTo("某某银行尊敬的客户您的u盾已过期请登录www abc bank cn更新回t退订");
    }

    @Test
    void normalisingTwiceChangesNothingOnRandomText() {
        String alphabet = "加微信VvXx１２ＡＢ12 3,.-★❤😀\u200B\uFE0F轉帳銀行①⑵一二零壹貳abcQ\t\n";
        SplittableRandom random = new SplittableRandom(20261128L);
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(30); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String once = normaliser.normalise(text);
            assertThat(normaliser.normalise(once))
                    .as("normalising '%s' again", text)
                    .isEqualTo(once);
            assertThat(once.length()).isLessThanOrEqualTo(text.length());
        }
    }

    @Test
    void emptyTextStaysEmpty() {
        assertThat(normaliser.normalise("")).isEmpty();
        assertThat(normaliser.normalise(" ，。！ ")).isEmpty();
    }

    @Test
    void traditionalTableHasOnlyDistinctOneToOnePairs() throws IOException {
        Map<Character, Character> pairs = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                TextNormaliser.class.getResourceAsStream("traditional-simplified.txt"), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                for (String pair : line.trim().split(" +")) {
                    assertThat(pair).hasSize(2);
                    assertThat(pair.charAt(0)).isNotEqualTo(pair.charAt(1));
                    Character before = pairs.put(pair.charAt(0), pair.charAt(1));
                    assertThat(before == null || before == pair.charAt(1))
                            .as("%s maps to one character", pair.charAt(0))
                            .isTrue();
                }
            }
        }
        assertThat(pairs).hasSizeGreaterThan(1000);
        assertThat(pairs.values())
                .as("no simplified character is itself converted again")
                .doesNotContainAnyElementsOf(pairs.keySet());
    }
}

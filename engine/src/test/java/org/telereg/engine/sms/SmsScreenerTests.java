package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmsScreenerTests {

    private final SmsScreener screener = SmsScreener.standard();

    @Test
    void callsEachCommittedExampleWhatItIs() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String[] example : examples()) {
            SmsVerdict verdict = screener.screen(example[1]);
            if (!verdict.category().label().equals(example[0])) {
                wrong.add(example[0] + " called " + verdict.category().label() + " (" + verdict.formattedScore() + ", "
                        + verdict.reasons() + "): " + example[1]);
            }
        }
        assertThat(wrong).isEmpty();
    }

    @Test
    void seesThroughSpacingTraditionalCharactersAndFullWidthDigits() {
        String plain = "您好，我是市公安局民警，您涉嫌洗钱，请将资金转入安全账户配合调查";
        String disguised = "您好，我是市公 安 局民警，您涉嫌洗錢，請將資金轉入安\u200B全\u200B帳\u200B戶配合調查";
        assertThat(screener.screen(plain).category()).isEqualTo(SmsCategory.FRAUD);
        assertThat(screener.screen(disguised).category()).isEqualTo(SmsCategory.FRAUD);
    }

    @Test
    void givesReasonsAUserCanCheck() {
        SmsVerdict verdict = screener.screen("10690000123", "您的积分即将清零，请登录 wap.abc-bank.cn 兑换，或加微信 jf_service01");
        assertThat(verdict.reasons())
                .contains("group:bank.points-redeem")
                .contains("url:wap.abc-bank.cn")
                .contains("wechat:jf_service01")
                .contains("port:10690000123")
                .contains("ngram:")
                .contains("group:bank.points-redeem; ")
                .doesNotContain("\t");
        assertThat(verdict.score()).isBetween(0.0, 1.0);
    }

    @Test
    void fastPathAgreesWithTheFullVerdict() throws IOException {
        for (String[] example : examples()) {
            assertThat(screener.categoryOf(example[1]))
                    .isEqualTo(screener.screen(example[1]).category());
        }
    }

    @Test
    void shippedModelWasTrainedWithTheShippedKeywordList() {
        assertThat(SmsModel.standard().keywords().groups())
                .as("retrain sms-model.bin (sms-train) after editing sms-keywords.tsv")
                .isEqualTo(KeywordMatcher.standard().groups());
    }

    @Test
    void emptyMessageIsNormal() {
        assertThat(screener.screen("").category()).isEqualTo(SmsCategory.NORMAL);
    }

    static List<String[]> examples() throws IOException {
        List<String[]> examples = new ArrayList<>();
        try (InputStream in = SmsScreenerTests.class.getResourceAsStream("screening-examples.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    examples.add(line.split("\t", 2));
                }
            }
        }
        return examples;
    }
}

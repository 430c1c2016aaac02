package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SmsVerdictTests {

    @Test
    void writesItsReasonsOnOneLineWhereNoItemCanBreakTheLineOrFakeASeparator() {
        Entities entities = new Entities(
                List.of("http://x.cn/a;b\tc"), List.of("13800000001"), List.of(), List.of("vx\r\nabc "), List.of());
        SmsVerdict verdict = new SmsVerdict(SmsCategory.FRAUD, 0.9, List.of(), entities, List.of("加0微;"));

        assertThat(verdict.reasons()).isEqualTo("url:http://x.cn/a b c; phone:13800000001; wechat:vx  abc; ngram:加0微");
    }
}

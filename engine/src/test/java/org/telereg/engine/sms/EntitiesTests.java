package org.telereg.engine.sms;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EntitiesTests {

    @Test
    void findsUrlsWithAndWithoutScheme() {
        Entities e = Entities.extract("点击 http://a.cn/x?y=1 或 www.abc.com，或打开xx.cn/abc。邮箱 me@qq.com");
        assertThat(e.urls()).containsExactly("http://a.cn/x?y=1", "www.abc.com", "xx.cn/abc");
    }

    @Test
    void findsMobileFixedLineAndServiceNumbers() {
        Entities e = Entities.extract("致电 +86 138-0013-8000 或 010-12345678，客服4008-123-456，热线800 123 4567");
        assertThat(e.phones()).containsExactly("13800138000", "01012345678", "4008123456", "8001234567");
    }

    @Test
    void readsDigitsHiddenAsFullWidthChineseOrCircled() {
        assertThat(Entities.extract("电话１３８００１３８０００").phones()).containsExactly("13800138000");
        assertThat(Entities.extract("电话一三八零零一三八零零零").phones()).containsExactly("13800138000");
        assertThat(Entities.extract("电话①③⑧0013800\u200B0").phones()).containsExactly("13800138000");
    }

    @Test
    void doesNotTakePartOfALongerNumberForAPhone() {
        assertThat(Entities.extract("订单号 2138001380001234").phones()).isEmpty();
    }

    @Test
    void findsQqNumbersOnlyAfterACue() {
        Entities e = Entities.extract("加QQ：12345678 或扣扣 987654，订单 55555555");
        assertThat(e.qqNumbers()).containsExactly("12345678", "987654");
    }

    @Test
    void findsWechatIdsAfterCues() {
        Entities e = Entities.extract("加微信：abc_123 或 VX: Loan8888，wx 13800138000");
        assertThat(e.wechatIds()).containsExactly("abc_123", "Loan8888", "13800138000");
    }

    @Test
    void findsSenderPortsOf106() {
        Entities e = Entities.extract("【通知】来自10690000123 和 1069012345678901234567");
        assertThat(e.senderPorts()).containsExactly("10690000123");
    }

    @Test
    void neverFailsAndOnlyReportsWellFormedNumbersOnRandomText() {
        String alphabet = "0123456789０１２壹①+-. qQ微信vx加wx106abc.cn/http:扣";
        SplittableRandom random = new SplittableRandom(7L);
        for (int round = 0; round < 5_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(60); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Entities e = Entities.extract(text);
            assertThat(e.phones()).as("phones in '%s'", text).allMatch(p -> p.matches("\\d{10,12}"));
            assertThat(e.senderPorts()).as("ports in '%s'", text).allMatch(p -> p.matches("106\\d{5,17}"));
            assertThat(e.qqNumbers()).as("QQ in '%s'", text).allMatch(q -> q.matches("[1-9]\\d{4,11}"));
        }
    }

    @Test
    void plainTextHasNoEntities() {
        assertThat(Entities.extract("晚上回家吃饭").isEmpty()).isTrue();
    }
}

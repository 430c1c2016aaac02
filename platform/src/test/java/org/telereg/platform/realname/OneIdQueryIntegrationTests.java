package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.realname.Subscribers.cuccNumber;
import static org.telereg.platform.realname.Subscribers.register;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.RequestBuilder;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;

/** 一证通查 on the portal: details, a one-time code to the phone, the counts per operator, once a day. */
@PlatformIntegrationTest
class OneIdQueryIntegrationTests {

    private static final Pattern CHALLENGE = Pattern.compile("name=\"challenge\" value=\"([0-9a-f-]{36})\"");
    private static final String CODE_SENT = "如填写的信息无误，验证码已发送到该手机号码，5 分钟内有效。";

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    SnapshotImport imports;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    LoggingOneTimeCodeSender sender;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OneIdQuery query;

    @Test
    void showsTheNumbersPerOperatorOnceTheCodeSentToTheirPhoneIsGiven() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查甲", 3, 2);

        String challenge = requestCode(id, "通查甲", numbers.get(4));
        String page = answer(challenge, sentCode(numbers.get(4)));

        assertThat(page)
                .contains("您的证件名下共有 5 个电话号码")
                .containsSubsequence("中国移动通信集团有限公司", "3", "中国联合网络通信集团有限公司", "2")
                .contains(
                        numbers.get(0).substring(0, 3) + "****" + numbers.get(0).substring(7));
        for (String number : numbers) {
            assertThat(page).doesNotContain(number);
        }
    }

    @Test
    void refusesAWrongCodeAndStillTakesTheRightOne() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查乙", 1, 0);
        String challenge = requestCode(id, "通查乙", numbers.get(0));
        String code = sentCode(numbers.get(0));

        String wrong = answer(challenge, otherCode(code));
        assertThat(wrong).contains("验证码不正确").doesNotContain("电话号码（不含已销户号码）");

        assertThat(answer(challenge, code)).contains("您的证件名下共有 1 个电话号码");
    }

    @Test
    void refusesTheRightCodeAfterFiveWrongOnes() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查丙", 1, 0);
        String challenge = requestCode(id, "通查丙", numbers.get(0));
        String code = sentCode(numbers.get(0));
        for (int i = 0; i < 5; i++) {
            assertThat(answer(challenge, otherCode(code))).contains("验证码不正确");
        }

        assertThat(answer(challenge, code)).contains("验证码已过期或已失效").doesNotContain("您的证件名下共有");
    }

    @Test
    void refusesAnExpiredCode() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查丁", 2, 0);
        String challenge = requestCode(id, "通查丁", numbers.get(1));
        String code = sentCode(numbers.get(1));
        // The code's minutes pass.
        jdbc.sql("update realname_query_challenge set expires_at = :past where id = :id")
                .param("past", clock.instant().minusSeconds(1).atOffset(ZoneOffset.UTC))
                .param("id", challenge)
                .update();

        assertThat(answer(challenge, code)).contains("验证码已过期或已失效").doesNotContain("您的证件名下共有");
    }

    @Test
    void answersDetailsThatMatchNothingAlikeButNoCodeOpensThem() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查戊", 2, 1);
        String stranger = cuccNumber();

        String matched = mvc.perform(details(id, "通查戊", numbers.get(0)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String code = sentCode(numbers.get(0));
        String notHis = mvc.perform(details(id, "通查戊", stranger))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        String wrongName = mvc.perform(details(id, "通查己", numbers.get(1)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(withoutChallenge(notHis)).isEqualTo(withoutChallenge(matched));
        assertThat(withoutChallenge(wrongName)).isEqualTo(withoutChallenge(matched));
        assertThat(sender.lastCodeTo(stranger)).isEmpty();
        assertThat(sender.lastCodeTo(numbers.get(1))).isEmpty();
        // Neither the code sent to the real phone nor any guess opens a request that matched nothing.
        assertThat(answer(challengeOf(notHis), code)).contains("验证码不正确");
        assertThat(answer(challengeOf(wrongName), code)).contains("验证码不正确");
        assertThat(answer(challengeOf(notHis), "000000")).contains("验证码不正确");
    }

    @Test
    void answersAnIdOnceADay() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查庚", 2, 1);
        String first = requestCode(id, "通查庚", numbers.get(0));
        assertThat(answer(first, sentCode(numbers.get(0)))).contains("您的证件名下共有 3 个电话号码");

        String second = requestCode(id, "通查庚", numbers.get(2));
        String refused = answer(second, sentCode(numbers.get(2)));

        assertThat(refused).contains("该证件今天已查询过。每个证件每天可查询 1 次，请明天再试。").doesNotContain("您的证件名下共有");
    }

    @Test
    void answersOnlyOneOfTwoCodesGivenAtTheSameMoment() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查壬", 1, 1);
        String first = query.requestCode(id, "通查壬", numbers.get(0));
        String second = query.requestCode(id, "通查壬", numbers.get(1));
        String firstCode = sentCode(numbers.get(0));
        String secondCode = sentCode(numbers.get(1));

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            Future<QueryAnswer> a = threads.submit(() -> {
                start.await();
                return query.answer(first, firstCode);
            });
            Future<QueryAnswer> b = threads.submit(() -> {
                start.await();
                return query.answer(second, secondCode);
            });
            start.countDown();
            assertThat(List.of(
                            a.get(30, TimeUnit.SECONDS).outcome(),
                            b.get(30, TimeUnit.SECONDS).outcome()))
                    .containsExactlyInAnyOrder(QueryAnswer.Outcome.ANSWERED, QueryAnswer.Outcome.DAILY_LIMIT);
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void sendsNoMoreThanFiveCodesADayToAnIdsPhonesYetAnswersAlike() throws Exception {
        String id = residentId();
        List<String> numbers = register(imports, access, users, id, "通查癸", 2, 0);
        String fifth = null;
        for (int i = 0; i < 5; i++) {
            fifth = mvc.perform(details(id, "通查癸", numbers.get(0)))
                    .andReturn()
                    .getResponse()
                    .getContentAsString();
        }
        String sixth = mvc.perform(details(id, "通查癸", numbers.get(1)))
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(withoutChallenge(sixth)).isEqualTo(withoutChallenge(fifth)).contains(CODE_SENT);
        assertThat(sender.lastCodeTo(numbers.get(1))).isEmpty();
        assertThat(answer(challengeOf(fifth), sentCode(numbers.get(0)))).contains("您的证件名下共有 2 个电话号码");
    }

    @Test
    void namesAMalformedIdNumberBesideTheFieldAndSendsNothing() throws Exception {
        String id = residentId();
        String broken = id.substring(0, 17) + (id.charAt(17) == '1' ? "2" : "1");

        String page = mvc.perform(details(broken, "通查辛", "19800000001"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();

        assertThat(page).contains("is-invalid").doesNotContain(CODE_SENT).doesNotContain("name=\"challenge\"");
        assertThat(sender.lastCodeTo("19800000001")).isEmpty();
    }

    @Test
    void opensFromThePortalHome() throws Exception {
        String home = mvc.perform(get("/public")).andReturn().getResponse().getContentAsString();
        assertThat(home).contains("href=\"/public/realname/query\"");
        assertThat(mvc.perform(get("/public/realname/query"))
                        .andExpect(status().isOk())
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("一证通查", "id=\"idNumber\"", "id=\"phone\"");
        mvc.perform(get("/public/realname/query/code").param("lang", "en"))
                .andExpect(redirectedUrl("/public/realname/query"));
    }

    private RequestBuilder details(String id, String name, String phone) {
        return post("/public/realname/query")
                .param("idNumber", id)
                .param("name", name)
                .param("phone", phone)
                .with(csrf());
    }

    private String requestCode(String id, String name, String phone) throws Exception {
        String page = mvc.perform(details(id, name, phone))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).contains(CODE_SENT);
        return challengeOf(page);
    }

    private String answer(String challenge, String code) throws Exception {
        return mvc.perform(post("/public/realname/query/code")
                        .param("challenge", challenge)
                        .param("code", code)
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private String sentCode(String phone) {
        return sender.lastCodeTo(phone).orElseThrow(() -> new AssertionError("no code was sent to " + phone));
    }

    private static String otherCode(String code) {
        return String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    }

    private static String challengeOf(String page) {
        Matcher matcher = CHALLENGE.matcher(page);
        assertThat(matcher.find()).as("the page carries a request id").isTrue();
        return matcher.group(1);
    }

    /** The page without the request's id and the CSRF token, which differ on every answer. */
    private static String withoutChallenge(String page) {
        return CHALLENGE.matcher(page).replaceAll("").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "");
    }
}

package org.telereg.platform.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
@RecordApplicationEvents
class AppealStatisticsIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger(5000);

    @Autowired
    AppealStatistics statistics;

    @Autowired
    AppealDesk desk;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    ApplicationEvents events;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    /** An appeal against the operator in the province, accepted, received {@code daysAgo} days ago. */
    private AppealView accepted(String operator, String province, String subject, int daysAgo) {
        LocalDate today = desk.today();
        AppealView appeal = desk.submit(
                AppealChannel.PORTAL,
                new NewAppeal(
                        "赵六",
                        "1371234" + SERIAL.incrementAndGet(),
                        operator,
                        province,
                        subject,
                        "请求处理 " + SERIAL.get(),
                        "企业未解决。",
                        today.minusDays(daysAgo + 20L).toString(),
                        today.minusDays(daysAgo + 19L).toString(),
                        "HOTLINE",
                        "不予处理",
                        today.minusDays(daysAgo + 18L).toString(),
                        "false",
                        "false",
                        "false"));
        desk.decide(SignIn.actor(users, "officer"), appeal.id(), "ACCEPTED", null);
        if (daysAgo > 0) {
            jdbc.sql("update appeals_appeal set received_at = :at where id = :id")
                    .param(
                            "at",
                            today.minusDays(daysAgo)
                                    .atTime(10, 0)
                                    .atZone(ZoneId.of("Asia/Shanghai"))
                                    .toOffsetDateTime())
                    .param("id", appeal.id())
                    .update();
        }
        return appeal;
    }

    @Test
    void countsAcceptedAppealsPerMillionUsersByOperatorAndCategory() {
        Quarter quarter = Quarter.of(desk.today());
        statistics.importUserCounts(
                SignIn.actor(users, "officer"),
                ("operator,quarter,users\nOP-MVNO2," + quarter + ",2000000\n").getBytes(StandardCharsets.UTF_8));
        long before = figures(quarter).total();

        accepted("OP-MVNO2", "31", "BILLING_ERROR", 0);
        accepted("OP-MVNO2", "31", "SIGNAL_COVERAGE", 0);
        desk.submit(
                AppealChannel.PORTAL,
                new NewAppeal(
                        "钱七",
                        "1371234" + SERIAL.incrementAndGet(),
                        "OP-MVNO2",
                        "31",
                        "BILLING_ERROR",
                        "未受理的申诉",
                        "不计入",
                        desk.today().minusDays(3).toString(),
                        null,
                        null,
                        null,
                        null,
                        "false",
                        "false",
                        "false"));

        AppealStatistics.OperatorFigures after = figures(quarter);
        assertThat(after.total())
                .as("received but not accepted appeals are not counted")
                .isEqualTo(before + 2);
        assertThat(after.users()).isEqualTo(2_000_000L);
        assertThat(after.perMillionUsers())
                .isEqualByComparingTo(
                        BigDecimal.valueOf(after.total()).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        assertThat(after.byCategory().get(AppealSubject.Category.FEES)).isPositive();

        // 2 000 000 users: a threshold of 5 per million is passed by 11 appeals.
        long toAdd = Math.max(0, 11 - after.total());
        for (long i = 0; i < toAdd; i++) {
            accepted("OP-MVNO2", "31", "SERVICE_CONDUCT", 0);
        }
        assertThat(statistics.checkRates(quarter))
                .filteredOn(e -> e.operatorName().equals("样例移动转售科技有限公司"))
                .singleElement()
                .satisfies(e -> assertThat(e.perMillionUsers()).isGreaterThan(e.threshold()));
        assertThat(events.stream(AppealRateExceeded.class)).isNotEmpty();
    }

    private AppealStatistics.OperatorFigures figures(Quarter quarter) {
        return statistics.quarter(quarter).operators().stream()
                .filter(o -> o.operatorName().equals("样例移动转售科技有限公司"))
                .findFirst()
                .orElse(new AppealStatistics.OperatorFigures(null, null, null, java.util.Map.of()));
    }

    @Test
    void refusesAUserCountFileWithBadLinesNamingEachAndWritesNothing() {
        Quarter quarter = new Quarter(2024, 1);
        byte[] gbk = ("operator,quarter,users\n"
                        + "OP-CMCC," + quarter + ",990000000\n"
                        + "中国移动,2024-Q1,5\n"
                        + "OP-CUCC,2024-Q5,300000000\n"
                        + "OP-CTCC,2024-Q1,-4\n"
                        + "OP-CMCC,2024q1,990000001\n")
                .getBytes(Charset.forName("GBK"));

        List<FieldProblem> problems = problems(() -> statistics.importUserCounts(SignIn.actor(users, "officer"), gbk));

        assertThat(problems)
                .extracting(FieldProblem::code)
                .containsExactly(
                        "appeals.userCounts.operator",
                        "appeals.userCounts.quarter",
                        "appeals.userCounts.users",
                        "appeals.userCounts.duplicate");
        assertThat(problems.get(0).arguments()).containsExactly(3L, "中国移动");
        assertThat(jdbc.sql("select count(*) from appeals_user_count where quarter = '2024-Q1'")
                        .query(Long.class)
                        .single())
                .as("nothing written")
                .isZero();
        assertThat(problems(() -> statistics.importUserCounts(SignIn.actor(users, "officer"), new byte[0])))
                .extracting(FieldProblem::code)
                .containsExactly("invalid.file.empty");
    }

    @Test
    void aSharpRiseOpensOneSupervisionTaskForThatProvince() {
        for (int i = 0; i < 6; i++) {
            accepted("OP-CBN", "65", "CALL_QUALITY", 1 + i);
        }
        accepted("OP-CBN", "65", "CALL_QUALITY", 70);

        statistics.detectSpikes();
        statistics.detectSpikes();

        assertThat(statistics.tasks(DataScope.all()))
                .filteredOn(
                        t -> t.provinceCode().equals("65") && t.category() == AppealSubject.Category.NETWORK_QUALITY)
                .singleElement()
                .satisfies(t -> {
                    assertThat(t.operatorName()).isEqualTo("中国广电网络股份有限公司");
                    assertThat(t.recent()).isEqualTo(6);
                    assertThat(t.baseline()).isEqualByComparingTo("0.33");
                });
        assertThat(statistics.tasks(DataScope.province("44")))
                .noneMatch(t -> t.provinceCode().equals("65"));
    }

    @Test
    void thePublicReportShowsOperatorsWithoutPersonalDataAndTheConsoleIsTheRegulators() throws Exception {
        AppealView appeal = accepted("OP-CTCC", "33", "TARIFF_DISPUTE", 0);

        mvc.perform(get("/public/appeals/report"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("中国电信集团有限公司")))
                .andExpect(content().string(Matchers.containsString("每百万用户申诉")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(appeal.complainantPhone()))));
        mvc.perform(get("/public/appeals/report").param("quarter", "2026-Q9"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("季度格式应为 2026-Q3")));
        mvc.perform(get("/console/appeals/statistics").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("import-users")));
        mvc.perform(get("/console/appeals/statistics").with(as(users, "cmcc"))).andExpect(status().isForbidden());
    }

    private static List<FieldProblem> problems(Runnable call) {
        try {
            call.run();
        } catch (RejectedInputException e) {
            return e.problems();
        }
        throw new AssertionError("the input was accepted");
    }
}

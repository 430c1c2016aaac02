package org.telereg.platform.interconnect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class InterconnectIntegrationTests {

    @Autowired
    Clock clock;

    private static final AtomicInteger POINTS = new AtomicInteger();
    private static final String HEADER =
            "time,point,from_operator,to_operator,delay_ms,loss_percent,internal_delay_ms,internal_loss_percent\n";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    InterconnectPoints points;

    @Autowired
    InterconnectLinks links;

    @Autowired
    ExpansionTasks tasks;

    @Autowired
    QualityImport imports;

    private final Actor ministry = Actor.system();

    /** A fresh point (in Guangdong unless told) so each test has links of its own. */
    private PointView point(String division) {
        String code = "T" + POINTS.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 4);
        return points.add(ministry, new NewPoint(code, "测试直联点 " + code, "BACKBONE_POINT", division, "2020-01-01"));
    }

    private LinkView link(PointView point, String a, String b) {
        return links.create(ministry, new NewLink(point.code(), a, b, "100", "PAID", "50000", b, "2024-01-01"));
    }

    private ResultActions upload(String user, String batchId, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/interconnect/measurements?batchId=" + batchId)
                .with(as(users, user))
                .with(csrf())
                .contentType("text/csv")
                .content(body));
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private static String batch() {
        return UUID.randomUUID().toString();
    }

    private long measurements() {
        return jdbc.sql("select count(*) from interconnect_measurement")
                .query(Long.class)
                .single();
    }

    private long batches() {
        return jdbc.sql("select count(*) from interconnect_batch")
                .query(Long.class)
                .single();
    }

    @Test
    void theTenBackbonePointsComeWithTheirOpeningYears() {
        List<PointView> all = points.list(DataScope.all());

        assertThat(all)
                .filteredOn(
                        p -> p.kind() == PointKind.BACKBONE_POINT && p.code().length() == 2)
                .extracting(PointView::code)
                .contains("BJ", "SH", "GZ", "CD", "WH", "XA", "SY", "NJ", "CQ", "ZZ");
        PointView guangzhou =
                all.stream().filter(p -> p.code().equals("GZ")).findFirst().orElseThrow();
        assertThat(guangzhou.openedOn().getYear()).isEqualTo(2001);
        assertThat(guangzhou.divisionCode()).isEqualTo("440100");
        assertThat(all.stream()
                        .filter(p -> p.code().equals("XA"))
                        .findFirst()
                        .orElseThrow()
                        .openedOn()
                        .getYear())
                .isEqualTo(2014);
    }

    @Test
    void aSecondBadTestInTheMonthOpensOneTaskAndNothingOpensItAgain() throws Exception {
        PointView point = point("440100");
        LinkView link = link(point, "中国移动", "中国电信");

        upload(
                        "officer",
                        batch(),
                        csv("2025-03-03 20:00," + point.code() + ",中国移动,中国电信,45,0.1,20,0.1\n" + "2025-03-04 20:00,"
                                + point.code() + ",中国电信,中国移动,22,0.1,20,0.1\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.rows").value(2))
                .andExpect(jsonPath("$.tasksOpened", Matchers.hasSize(0)));
        assertThat(tasks.list(DataScope.all(), null, link.id())).isEmpty();

        upload("officer", batch(), csv("2025-03-20 21:00," + point.code() + ",China Telecom,CMCC,20,0.9,20,0.2\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasksOpened", Matchers.hasSize(1)));
        List<TaskView> opened = tasks.list(DataScope.all(), null, link.id());
        assertThat(opened).singleElement().satisfies(task -> {
            assertThat(task.periodCode()).isEqualTo("2025-03");
            assertThat(task.status()).isEqualTo(TaskStatus.OPEN);
            assertThat(task.badTests()).isEqualTo(2);
            assertThat(task.tests()).isEqualTo(3);
            assertThat(task.dueOn()).isEqualTo(task.openedOn().plusDays(30));
            assertThat(task.capacityBefore()).isEqualByComparingTo("100");
        });

        upload("officer", batch(), csv("2025-03-25 21:00," + point.code() + ",中国移动,中国电信,80,2,20,0.2\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tasksOpened", Matchers.hasSize(0)));
        tasks.evaluateMonth(YearMonth.of(2025, 3));
        tasks.daily();
        assertThat(tasks.list(DataScope.all(), null, link.id())).hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_log where entity_type = 'ExpansionTask' and entity_id = :id"
                                + " and action = 'opened'")
                        .param("id", Long.toString(opened.get(0).id()))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void badTestsOfDifferentMonthsDoNotAddUp() throws Exception {
        PointView point = point("440100");
        LinkView link = link(point, "中国移动", "中国联通");

        upload(
                        "officer",
                        batch(),
                        csv("2025-04-30 23:59," + point.code() + ",中国移动,中国联通,45,0.1,20,0.1\n" + "2025-05-01 00:00,"
                                + point.code() + ",中国联通,中国移动,45,0.1,20,0.1\n"))
                .andExpect(status().isOk());

        assertThat(tasks.list(DataScope.all(), null, link.id())).isEmpty();
    }

    @Test
    void readsAGbkFileWithChineseColumnNamesInAnyOrder() throws Exception {
        PointView point = point("440100");
        LinkView link = link(point, "中国电信", "中国联通");
        String file = "网间丢包率(%),网间时延(ms),时间,直联点,发起方,接收方,网内时延(ms),网内丢包率(%)\n" + "0.2%,25.5,2025/6/1 20:30,"
                + point.name() + ",中国电信,中国联通,20,0.1\n";

        upload("officer", batch(), file.getBytes(Charset.forName("GBK")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.charset").value("GB18030"));

        List<QualityTest> stored = links.tests(
                link.id(),
                LocalDate.of(2025, 6, 1).atStartOfDay(),
                LocalDate.of(2025, 7, 1).atStartOfDay());
        assertThat(stored).singleElement().satisfies(test -> {
            assertThat(test.delayMs()).isEqualByComparingTo("25.5");
            assertThat(test.lossPercent()).isEqualByComparingTo("0.2");
            assertThat(test.fromOperator())
                    .isEqualTo(link.operatorA().equals(test.fromOperator()) ? link.operatorA() : link.operatorB());
        });
    }

    @Test
    void refusesAFileWithBadLinesNamingLineAndColumnAndStoresNothing() throws Exception {
        PointView point = point("440100");
        link(point, "中国移动", "中国电信");
        String p = point.code();
        long measurementsBefore = measurements();
        long batchesBefore = batches();

        upload(
                        "officer",
                        batch(),
                        csv("2025-03-03 20:00," + p + ",中国移动,中国电信,30,0.1,20,0.1\n"
                                + "2025-03-03 20:05," + p + ",中国移动,中国电信,-1,0.1,20,0.1\n"
                                + "2025-03-03 20:10," + p + ",中国移动,中国电信,30,120,20,0.1\n"
                                + "2025-03-03 20:15," + p + ",中国移动,某某通信,30,0.1,20,0.1\n"
                                + "2025-03-03 20:20," + p + ",中国移动,CMCC,30,0.1,20,0.1\n"
                                + "2025-03-03 20:25,NOPE,中国移动,中国电信,30,0.1,20,0.1\n"
                                + "yesterday," + p + ",中国移动,中国电信,30,0.1,20,0.1\n"
                                + "2025-03-03 20:00," + p + ",中国移动,中国电信,31,0.1,20,0.1\n"
                                + "2025-03-03 20:40," + p + ",中国移动,中国联通,30,0.1,20,0.1\n"
                                + "2025-03-03 20:45," + p + ",中国移动,中国电信,abc,,20,0.1\n"
                                + "2099-03-03 20:45," + p + ",中国移动,中国电信,30,0.1,20,0.1\n"))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("delay_ms"))
                .andExpect(jsonPath("$.errors[0].code").value("interconnect.import.negative"))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("loss_percent"))
                .andExpect(jsonPath("$.errors[1].code").value("interconnect.import.lossOver100"))
                .andExpect(jsonPath("$.errors[2].line").value(5))
                .andExpect(jsonPath("$.errors[2].field").value("to_operator"))
                .andExpect(jsonPath("$.errors[2].code").value("interconnect.import.unknownOperator"))
                .andExpect(jsonPath("$.errors[3].line").value(6))
                .andExpect(jsonPath("$.errors[3].code").value("interconnect.import.sameOperator"))
                .andExpect(jsonPath("$.errors[4].line").value(7))
                .andExpect(jsonPath("$.errors[4].field").value("point"))
                .andExpect(jsonPath("$.errors[5].line").value(8))
                .andExpect(jsonPath("$.errors[5].field").value("time"))
                .andExpect(jsonPath("$.errors[6].line").value(9))
                .andExpect(jsonPath("$.errors[6].code").value("interconnect.import.duplicateLine"))
                .andExpect(jsonPath("$.errors[7].line").value(10))
                .andExpect(jsonPath("$.errors[7].code").value("interconnect.import.noLink"))
                .andExpect(jsonPath("$.errors[8].line").value(11))
                .andExpect(jsonPath("$.errors[8].field").value("delay_ms"))
                .andExpect(jsonPath("$.errors[9].line").value(11))
                .andExpect(jsonPath("$.errors[9].field").value("loss_percent"))
                .andExpect(jsonPath("$.errors[9].code").value("interconnect.import.emptyCell"))
                .andExpect(jsonPath("$.errors[10].line").value(12))
                .andExpect(jsonPath("$.errors[10].code").value("interconnect.import.future"))
                .andExpect(jsonPath("$.errors", Matchers.hasSize(11)));

        assertThat(measurements()).isEqualTo(measurementsBefore);
        assertThat(batches()).isEqualTo(batchesBefore);
    }

    @Test
    void refusesAHeaderWithoutAColumnAndAFileWithoutRows() throws Exception {
        upload(
                        "officer",
                        batch(),
                        "time,point,from_operator,to_operator,delay_ms,loss_percent,internal_delay_ms\n"
                                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].line").value(1))
                .andExpect(jsonPath("$.errors[0].field").value("internal_loss_percent"))
                .andExpect(jsonPath("$.errors[0].code").value("interconnect.import.missingColumn"));
        upload("officer", batch(), csv(""))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("interconnect.import.noRows"));
        upload("officer", batch(), new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        upload("officer", batch(), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe})
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("invalid.file.encoding"));
        upload("officer", batch(), ("x".repeat(300) + "\n1,2\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("interconnect.import.missingColumn"));
    }

    @Test
    void theSameFileAgainChangesNothingAndABatchIdCannotBeReusedForOtherBytes() throws Exception {
        PointView point = point("440100");
        link(point, "中国移动", "中国电信");
        byte[] file = csv("2025-07-03 20:00," + point.code() + ",中国移动,中国电信,30,0.1,20,0.1\n");
        String batchId = batch();

        upload("officer", batchId, file).andExpect(jsonPath("$.status").value("IMPORTED"));
        long stored = measurements();
        upload("officer", batch(), file)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ALREADY_IMPORTED"))
                .andExpect(jsonPath("$.rows").value(1));
        upload("officer", batchId, csv("2025-07-04 20:00," + point.code() + ",中国移动,中国电信,30,0.1,20,0.1\n"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].field").value("batchId"));
        upload(
                        "officer",
                        batch(),
                        csv("2025-07-03 20:00," + point.code() + ",中国移动,中国电信,30,0.1,20,0.1\n" + "2025-07-05 20:00,"
                                + point.code() + ",中国移动,中国电信,30,0.1,20,0.1\n"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].line").value(2))
                .andExpect(jsonPath("$.errors[0].code").value("interconnect.import.alreadyStored"));
        assertThat(measurements()).isEqualTo(stored);
    }

    @Test
    void aLinkJoinsTwoDifferentOperatorsOncePerPointAtAPriceUnderTheCap() {
        PointView point = point("110000");
        link(point, "中国移动", "中国电信");

        assertThatThrownBy(() -> links.create(
                        ministry,
                        new NewLink(point.code(), "中国移动", "CMCC", "10", "SETTLEMENT_FREE", null, null, "2024-01-01")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(pr -> pr.field() + ":" + pr.code())
                                .containsExactly("operatorB:interconnect.invalid.sameOperator"));
        assertThatThrownBy(() -> links.create(
                        ministry,
                        new NewLink(
                                point.code(),
                                "China Telecom",
                                "中国移动",
                                "10",
                                "SETTLEMENT_FREE",
                                null,
                                null,
                                "2024-01-01")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(pr -> pr.code())
                                .containsExactly("interconnect.invalid.linkExists"));
        assertThatThrownBy(() -> links.create(
                        ministry,
                        new NewLink(point.code(), "中国移动", "中国联通", "10", "PAID", "80000.01", "中国广电", "2024-01-01")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(pr -> pr.field() + ":" + pr.code())
                                .containsExactly(
                                        "priceYuan:interconnect.invalid.priceAboveCap",
                                        "payer:interconnect.invalid.payer"));
        assertThatThrownBy(() -> links.create(
                        ministry, new NewLink(point.code(), "", "中国联通", "0", "BARTER", null, null, "2999-01-01")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(pr -> pr.field())
                                .containsExactly("operatorA", "capacityGbps", "regime", "openedOn"));

        LinkView atCap = links.create(
                ministry, new NewLink(point.code(), "中国移动", "中国联通", "10", "PAID", "80000", "中国联通", "2024-01-01"));
        assertThat(atCap.priceYuan()).isEqualByComparingTo("80000");
        assertThat(atCap.payer()).isEqualTo(links.resolveOperator("中国联通").orElseThrow());
    }

    @Test
    void onlyTheMinistryAddsPointsAndLinks() {
        Actor officer = new Actor("gd", "gd", Role.PROVINCIAL_OFFICER, 1, "广东", DataScope.province("44"));

        assertThatThrownBy(
                        () -> points.add(officer, new NewPoint("X1", "x", "EXCHANGE_CENTRE", "440100", "2020-01-01")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> links.create(
                        officer, new NewLink("GZ", "中国移动", "中国电信", "1", "SETTLEMENT_FREE", null, null, "2024-01-01")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theOperatorExpandsTheMinistryVerifiesAndTheCapacityHistoryFollows() throws Exception {
        PointView point = point("440100");
        LinkView link = link(point, "中国移动", "中国电信");
        upload(
                        "officer",
                        batch(),
                        csv("2025-08-03 20:00," + point.code() + ",中国移动,中国电信,45,0.1,20,0.1\n" + "2025-08-04 20:00,"
                                + point.code() + ",中国电信,中国移动,45,0.1,20,0.1\n"))
                .andExpect(jsonPath("$.tasksOpened", Matchers.hasSize(1)));
        long task =
                tasks.list(DataScope.all(), TaskStatus.OPEN, link.id()).get(0).id();
        String path = "/api/v1/interconnect/tasks/" + task;

        mvc.perform(post(path + "/expansion")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacityGbps\": \"100\", \"effectiveOn\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("capacityGbps"));
        mvc.perform(post(path + "/verification")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/expansion")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacityGbps\": \"300\", \"effectiveOn\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(post(path + "/expansion")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacityGbps\": \"300\", \"effectiveOn\": \""
                                + LocalDate.now(clock).minusDays(1) + "\", \"note\": \"新增两条 100G\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPANDED"))
                .andExpect(jsonPath("$.capacityAfter").value(300));
        assertThat(links.find(DataScope.all(), link.id()).orElseThrow().capacityGbps())
                .isEqualByComparingTo("300");
        assertThat(links.history(link.id()))
                .extracting(CapacityEntry::capacityGbps)
                .extracting(Object::toString)
                .containsExactly("100", "300");

        mvc.perform(post(path + "/expansion")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacityGbps\": \"400\", \"effectiveOn\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/verification")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/verification")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"note\": \"核查到位\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        assertThat(tasks.steps(task)).extracting(TaskStep::action).containsExactly("OPENED", "EXPANDED", "VERIFIED");
    }

    @Test
    void anOpenTaskPastItsDueDateBecomesOverdueAndCanStillBeExpanded() throws Exception {
        PointView point = point("440100");
        LinkView link = link(point, "中国移动", "中国联通");
        upload(
                        "officer",
                        batch(),
                        csv("2025-09-03 20:00," + point.code() + ",中国移动,中国联通,20,0.9,20,0.1\n" + "2025-09-04 20:00,"
                                + point.code() + ",中国移动,中国联通,20,0.9,20,0.1\n"))
                .andExpect(jsonPath("$.tasksOpened", Matchers.hasSize(1)));
        TaskView task = tasks.list(DataScope.all(), null, link.id()).get(0);

        LocalDate today = links.today();
        dueOn(task, today);
        tasks.markOverdue(today);
        assertThat(tasks.find(DataScope.all(), task.id()).orElseThrow().status())
                .isEqualTo(TaskStatus.OPEN);
        dueOn(task, today.minusDays(1));
        tasks.markOverdue(today);
        assertThat(tasks.find(DataScope.all(), task.id()).orElseThrow().status())
                .isEqualTo(TaskStatus.OVERDUE);
        assertThat(tasks.steps(task.id())).extracting(TaskStep::action).containsExactly("OPENED", "OVERDUE");

        mvc.perform(post("/api/v1/interconnect/tasks/" + task.id() + "/expansion")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"capacityGbps\": \"200\", \"effectiveOn\": \"" + LocalDate.now(clock) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("EXPANDED"));
    }

    private void dueOn(TaskView task, LocalDate day) {
        jdbc.sql("update interconnect_task set due_on = :day where id = :id")
                .param("day", day)
                .param("id", task.id())
                .update();
    }

    @Test
    void eachReaderSeesOnlyTheirScope() throws Exception {
        PointView beijing = point("110000");
        LinkView telecomUnicom = link(beijing, "中国电信", "中国联通");
        String cmcc = links.resolveOperator("中国移动").orElseThrow();

        mvc.perform(get("/api/v1/interconnect/links").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].provinceCode", Matchers.everyItem(Matchers.is("44"))))
                .andExpect(jsonPath("$[*].pointCode", Matchers.hasItem("GZ")));
        mvc.perform(get("/api/v1/interconnect/points").with(as(users, "gd")))
                .andExpect(jsonPath("$[*].provinceCode", Matchers.everyItem(Matchers.is("44"))));
        mvc.perform(get("/api/v1/interconnect/links").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", Matchers.not(Matchers.hasItem((int) telecomUnicom.id()))))
                .andExpect(jsonPath("$", Matchers.not(Matchers.empty())));
        assertThat(links.list(DataScope.enterprise(cmcc), null)).allMatch(l -> l.hasParty(cmcc));
        mvc.perform(get("/console/interconnect/links/" + telecomUnicom.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/interconnect/links/" + telecomUnicom.id()).with(as(users, "gd")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/interconnect/links/" + telecomUnicom.id()).with(as(users, "bj")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/interconnect/tasks").with(as(users, "gd")))
                .andExpect(jsonPath("$[*].provinceCode", Matchers.everyItem(Matchers.is("44"))));
        mvc.perform(get("/console/interconnect").with(as(users, "isp"))).andExpect(status().isForbidden());
    }

    @Test
    void aProvincialOfficerImportsOnlyForPointsInTheProvince() throws Exception {
        PointView beijing = point("110000");
        link(beijing, "中国电信", "中国联通");

        upload("gd", batch(), csv("2025-03-03 20:00," + beijing.code() + ",中国电信,中国联通,30,0.1,20,0.1\n"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("point"))
                .andExpect(jsonPath("$.errors[0].code").value("interconnect.import.outsideScope"));
        upload("cmcc", batch(), csv("2025-03-03 20:00," + beijing.code() + ",中国电信,中国联通,30,0.1,20,0.1\n"))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].field").value("from_operator"));
        upload("isp", batch(), csv("2025-03-03 20:00," + beijing.code() + ",中国电信,中国联通,30,0.1,20,0.1\n"))
                .andExpect(status().isForbidden());
        upload("bj", batch(), csv("2025-03-03 20:00," + beijing.code() + ",中国电信,中国联通,30,0.1,20,0.1\n"))
                .andExpect(status().isOk());
    }

    @Test
    void theSettlementReportSumsLinksPerOperatorPair() throws Exception {
        YearMonth month = YearMonth.from(links.today()).minusMonths(1);
        List<PairSettlement> pairs = links.pairs(DataScope.all(), month);

        assertThat(pairs).isNotEmpty();
        assertThat(pairs)
                .filteredOn(p -> p.regime() == Regime.SETTLEMENT_FREE)
                .allMatch(p -> p.amountYuan().signum() == 0);
        assertThat(pairs)
                .filteredOn(p -> p.regime() == Regime.PAID)
                .allMatch(p -> p.amountYuan().signum() > 0);
        mvc.perform(get("/api/v1/interconnect/settlements?month=" + month).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].payerName").exists());
        mvc.perform(get("/api/v1/interconnect/settlements?month=13-2025").with(as(users, "officer")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"));
    }

    @Test
    void theDemoHasSeriousFaultsWithTasksInEveryState() {
        List<TaskView> all = tasks.list(DataScope.all(), null, null);

        assertThat(all).extracting(TaskView::status).contains(TaskStatus.values());
        assertThat(links.list(DataScope.all(), null).size()).isGreaterThanOrEqualTo(34);
    }

    @Test
    void theConsolePagesShowPointsLinksQualityTasksAndSettlement() throws Exception {
        LinkView demo = links.list(DataScope.all(), null).stream()
                .filter(l -> l.pointCode().equals("GZ"))
                .findFirst()
                .orElseThrow();
        TaskView task = tasks.list(DataScope.all(), TaskStatus.EXPANDED, null).get(0);

        mvc.perform(get("/console/interconnect?lang=zh_CN").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("广州骨干网直联点")))
                .andExpect(content().string(Matchers.containsString("point-form")));
        mvc.perform(get("/console/interconnect/map-data").with(as(users, "gd")))
                .andExpect(jsonPath("$[?(@.code == '44')].value", Matchers.hasItem(Matchers.greaterThan(0))))
                .andExpect(jsonPath("$[?(@.code == '11')].value", Matchers.hasItem(0)));
        mvc.perform(get("/console/interconnect/points/" + demo.pointId()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("link-" + demo.id())))
                .andExpect(content().string(Matchers.not(Matchers.containsString("link-form"))));
        mvc.perform(get("/console/interconnect/links/" + demo.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("data-quality-chart")));
        mvc.perform(get("/console/interconnect/tasks").with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("task-" + task.id())));
        mvc.perform(get("/console/interconnect/tasks/" + task.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("verification-form")));
        mvc.perform(get("/console/interconnect/tasks/" + task.id()).with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("verification-form"))));
        mvc.perform(get("/console/interconnect/settlements").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("settlement-total")));
        mvc.perform(get("/console/interconnect/import").with(as(users, "cmcc"))).andExpect(status().isOk());
        mvc.perform(get("/console/interconnect/import").with(as(users, "auditor")))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConsoleFormsShowProblemsBesideTheFields() throws Exception {
        PointView point = point("440100");

        mvc.perform(post("/console/interconnect/points/" + point.id() + "/links")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .param("operatorA", "中国移动")
                        .param("operatorB", "中国移动")
                        .param("capacityGbps", "-5")
                        .param("regime", "PAID")
                        .param("priceYuan", "99999")
                        .param("payer", "中国移动")
                        .param("openedOn", "2024-01-01"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"problems\"")))
                .andExpect(content().string(Matchers.containsString("is-invalid")));
        assertThat(links.list(DataScope.all(), point.id())).isEmpty();
    }
}

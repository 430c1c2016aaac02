package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class IncidentIntegrationTests {

    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};

    @Autowired
    Clock clock;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Incidents incidents;

    @Autowired
    AccessManagement access;

    @Autowired
    IncidentTaskReminders taskReminders;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static String unique(String title) {
        return title + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    private String hoursAgo(int hours) {
        return LocalDateTime.now(clock)
                .truncatedTo(ChronoUnit.MINUTES)
                .minusHours(hours)
                .toString();
    }

    /** A leak concerning 中国移动 (an operator reporting it gives its own company anyway). */
    private IncidentReport leak(String title, String users, List<String> provinces) {
        return leak(
                title,
                users,
                provinces,
                access.organisation("OP-CMCC").orElseThrow().creditCode(),
                "数据库备份被公开访问。");
    }

    private IncidentReport leak(
            String title, String users, List<String> provinces, String company, String description) {
        return times(
                new IncidentReport(
                        "DATA_LEAK",
                        title,
                        provinces,
                        null,
                        users,
                        "会员系统",
                        company,
                        null,
                        null,
                        null,
                        description,
                        "姓名、手机号码"),
                hoursAgo(5),
                hoursAgo(4),
                hoursAgo(3));
    }

    private static IncidentReport times(IncidentReport r, String started, String detected, String reported) {
        return new IncidentReport(
                r.type(),
                r.title(),
                r.provinces(),
                r.affectedCities(),
                r.affectedUsers(),
                r.services(),
                r.companyCreditCode(),
                started,
                detected,
                reported,
                r.description(),
                r.dataKinds());
    }

    private IncidentView reportAs(String user, IncidentReport report) {
        return incidents.report(SignIn.actor(users, user), report);
    }

    private long notices(long incidentId, String organisation) {
        return jdbc.sql("select count(*) from notice where once_key = :key")
                .param("key", "netsec.incident:" + incidentId + ":" + organisation)
                .query(Long.class)
                .single();
    }

    private static List<String> fields(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    private static List<String> codes(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::code).toList();
    }

    @Test
    void anOperatorReportsThroughTheApiAndTheLevelFollowsTheLeakThresholds() throws Exception {
        String title = unique("API 泄露");
        mvc.perform(post("/api/v1/netsec/incidents")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "DATA_LEAK", "title": "%s", "provinces": ["44", "粤", "广西"],
                                 "affectedUsers": 1000000, "services": "会员", "startedAt": "%s",
                                 "detectedAt": "%s", "description": "泄露", "dataKinds": "手机号码"}""".formatted(title, hoursAgo(3), hoursAgo(2))))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.level").value("III"))
                .andExpect(jsonPath("$.computedLevel").value("III"))
                .andExpect(jsonPath("$.status").value("RESPONDING"))
                .andExpect(jsonPath("$.provinces").value(org.hamcrest.Matchers.contains("44", "45")))
                .andExpect(jsonPath("$.reporterCode").value("OP-CMCC"));

        IncidentView incident = incidents.list(DataScope.all(), Incidents.Filter.none()).stream()
                .filter(i -> i.title().equals(title))
                .findFirst()
                .orElseThrow();
        mvc.perform(get("/api/v1/netsec/incidents/" + incident.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.timeline[0].kind").value("REPORT"));
        mvc.perform(post("/api/v1/netsec/incidents/" + incident.id() + "/timeline")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"body\": \"已封堵泄露接口\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.timeline[1].kind").value("UPDATE"))
                .andExpect(jsonPath("$.timeline[1].body").value("已封堵泄露接口"));
        mvc.perform(post("/api/v1/netsec/incidents/" + incident.id() + "/timeline")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"DECISION\", \"body\": \"企业不能作出决策\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void theLevelStepsAtEachLeakThresholdExactly() {
        assertThat(reportAs("gd", leak(unique("99999"), "99999", List.of("44"))).level())
                .isNull();
        assertThat(reportAs("gd", leak(unique("100000"), "100000", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.IV);
        assertThat(reportAs("gd", leak(unique("999999"), "999999", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.IV);
        assertThat(reportAs("gd", leak(unique("1000000"), "1000000", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.III);
        assertThat(reportAs("gd", leak(unique("9999999"), "9999999", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.III);
        assertThat(reportAs("gd", leak(unique("10^7"), "10000000", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.II);
        assertThat(reportAs("gd", leak(unique("10^8-1"), "99999999", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.II);
        assertThat(reportAs("gd", leak(unique("10^8"), "100000000", List.of("44")))
                        .level())
                .isEqualTo(IncidentLevel.I);
    }

    @Test
    void anUngradedIncidentIsRecordedWithoutAResponse() {
        IncidentView incident = reportAs("gd", leak(unique("少量泄露"), "99999", List.of("44")));

        assertThat(incident.status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(incidents.checklist(incident.id())).isEmpty();
        assertThat(notices(incident.id(), "MIIT")).isZero();
    }

    @Test
    void aNationwideOutageStartsTheLevelOneChecklistWithDutyAndNotifiesEveryAdministrationOnce() {
        List<String> provinces = List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32");
        IncidentView incident = reportAs(
                "officer",
                new IncidentReport(
                        "OUTAGE",
                        unique("全国中断"),
                        provinces,
                        "1",
                        "0",
                        "移动数据",
                        null,
                        hoursAgo(2),
                        hoursAgo(2),
                        null,
                        "骨干中断",
                        null));

        assertThat(incident.level()).isEqualTo(IncidentLevel.I);
        List<ResponseCheck> checklist = incidents.checklist(incident.id());
        assertThat(checklist)
                .extracting(ResponseCheck::step)
                .containsExactlyElementsOf(ResponseStep.checklist(IncidentLevel.I));
        assertThat(checklist)
                .filteredOn(c -> c.step().automatic())
                .allSatisfy(c -> assertThat(c.done()).isTrue());
        assertThat(checklist)
                .filteredOn(c -> c.step() == ResponseStep.PROGRESS_HOURLY)
                .singleElement()
                .satisfies(c -> assertThat(c.done()).isFalse());
        assertThat(incidents.duties(incident.id())).singleElement().satisfies(d -> {
            assertThat(d.running()).isTrue();
            assertThat(d.startedBy()).isEqualTo("officer");
        });
        assertThat(notices(incident.id(), "MIIT")).isEqualTo(1);
        for (String province : provinces) {
            assertThat(notices(incident.id(), "CA-" + province)).isEqualTo(1);
        }
        assertThat(notices(incident.id(), "CA-44")).isZero();

        Actor officer = SignIn.actor(users, "officer");
        incidents.override(officer, incident.id(), "II", "已恢复大部分省份");
        incidents.override(officer, incident.id(), "I", "再次中断");
        assertThat(notices(incident.id(), "MIIT")).isEqualTo(1);
        assertThat(notices(incident.id(), "CA-11")).isEqualTo(1);
        assertThat(incidents.duties(incident.id())).hasSize(1);
    }

    @Test
    void aLevelFourResponseHasNoDutyAndItsStepsAreTickedWithWhoAndWhen() {
        IncidentView incident = reportAs("gd", leak(unique("一般"), "100000", List.of("44")));
        Actor gd = SignIn.actor(users, "gd");

        assertThat(incidents.checklist(incident.id()))
                .extracting(ResponseCheck::step)
                .doesNotContain(ResponseStep.DUTY_24H, ResponseStep.PROGRESS_DAILY);
        assertThat(incidents.duties(incident.id())).isEmpty();

        incidents.tick(gd, incident.id(), "CONTAINMENT", "已下线接口");
        ResponseCheck ticked = incidents.checklist(incident.id()).stream()
                .filter(c -> c.step() == ResponseStep.CONTAINMENT)
                .findFirst()
                .orElseThrow();
        assertThat(ticked.doneBy()).isEqualTo("gd");
        assertThat(ticked.doneAt()).isNotNull();
        assertThat(ticked.note()).isEqualTo("已下线接口");
        assertThatThrownBy(() -> incidents.tick(gd, incident.id(), "CONTAINMENT", null))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e)).contains("netsec.incident.invalid.step"));
        assertThatThrownBy(() -> incidents.tick(gd, incident.id(), "PROGRESS_HOURLY", null))
                .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void anOfficerOverridesTheLevelOnlyWithAReasonAndBothLevelsAreKept() {
        IncidentView incident = reportAs("cmcc", leak(unique("提级"), "2300000", List.of("44")));
        Actor gd = SignIn.actor(users, "gd");

        assertThatThrownBy(() -> incidents.override(gd, incident.id(), "II", "  "))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e)).containsExactly("reason"));
        assertThatThrownBy(() -> incidents.override(gd, incident.id(), "III", "同级"))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e))
                        .containsExactly("netsec.incident.invalid.sameLevel"));
        assertThatThrownBy(() -> incidents.override(gd, incident.id(), "V", "无此级别"))
                .isInstanceOf(RejectedInputException.class);
        assertThatThrownBy(() -> incidents.override(SignIn.actor(users, "cmcc"), incident.id(), "IV", "企业降级"))
                .isInstanceOf(AccessDeniedException.class);

        IncidentView overridden = incidents.override(gd, incident.id(), "II", "涉及身份证件号码");

        assertThat(overridden.level()).isEqualTo(IncidentLevel.II);
        assertThat(overridden.computedLevel()).isEqualTo(IncidentLevel.III);
        assertThat(overridden.overrideReason()).isEqualTo("涉及身份证件号码");
        assertThat(incidents.checklist(incident.id()))
                .extracting(ResponseCheck::step)
                .contains(ResponseStep.DUTY_24H, ResponseStep.PROGRESS_DAILY);
        assertThat(incidents.timeline(incident.id()))
                .extracting(IncidentEntry::kind)
                .contains("REPORT", "LEVEL", "DUTY");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select before_state from audit_log where module = 'netsec'"
                                        + " and entity_id = :id and action = 'levelOverridden'")
                                .param("id", Long.toString(incident.id()))
                                .query(String.class)
                                .list())
                        .singleElement()
                        .asString()
                        .contains("III"));
    }

    @Test
    void refusesBadInputNamingEachField() {
        Actor gd = SignIn.actor(users, "gd");
        IncidentReport bad = new IncidentReport(
                "WEATHER",
                "x".repeat(201),
                List.of("44", "火星"),
                "0",
                "-5",
                "",
                "91440300MA5XXXXXXX",
                hoursAgo(1),
                hoursAgo(2),
                hoursAgo(3),
                "y".repeat(4001),
                null);

        assertThatThrownBy(() -> incidents.report(gd, bad))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e))
                        .contains(
                                "type",
                                "title",
                                "provinces",
                                "affectedCities",
                                "affectedUsers",
                                "services",
                                "companyCreditCode",
                                "description"));
        assertThatThrownBy(() -> incidents.report(
                        gd, times(leak("时间", "100", List.of("44")), hoursAgo(1), hoursAgo(2), hoursAgo(3))))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e))
                        .containsExactly(
                                "netsec.incident.invalid.detectedBeforeStarted",
                                "netsec.incident.invalid.reportedBeforeStarted"));
        assertThatThrownBy(() -> incidents.report(
                        gd, times(leak("时间", "100", List.of("44")), hoursAgo(3), hoursAgo(1), hoursAgo(2))))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e))
                        .containsExactly("netsec.incident.invalid.reportedBeforeDetected"));
        assertThatThrownBy(() ->
                        incidents.report(gd, times(leak("将来", "100", List.of("44")), hoursAgo(-2), hoursAgo(-2), null)))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e)).contains("invalid.future"));
        assertThatThrownBy(() -> incidents.report(gd, leak("无省份", "abc", List.of())))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e))
                        .containsExactlyInAnyOrder("invalid.required", "netsec.incident.invalid.number"));
        assertThatThrownBy(() -> incidents.report(gd, leak("泄露无企业", "100", List.of("44"), null, "无企业")))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e)).containsExactly("companyCreditCode"));
        assertThatThrownBy(() -> incidents.report(gd, leak("北京的事", "100", List.of("11"))))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(codes((RejectedInputException) e))
                        .containsExactly("netsec.incident.invalid.ownProvince"));
        assertThat(incidents.list(DataScope.all(), Incidents.Filter.none()))
                .extracting(IncidentView::title)
                .doesNotContain("时间", "将来", "无省份", "泄露无企业", "北京的事");
    }

    @Test
    void theApiAnswersARefusedReportWithProblemsPerField() throws Exception {
        mvc.perform(post("/api/v1/netsec/incidents")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"type": "OUTAGE", "title": "负数", "provinces": ["99"], "affectedUsers": "-1",
                                 "services": "x", "startedAt": "yesterday", "detectedAt": "%s", "description": "d"}""".formatted(hoursAgo(1))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("provinces")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("affectedUsers")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("startedAt")));
        mvc.perform(post("/api/v1/netsec/incidents")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void maliciousTextIsShownEscapedOnTheCommandPage() throws Exception {
        IncidentView incident = reportAs(
                "cmcc",
                leak("<script>alert('t')</script>", "100000", List.of("44"), null, "<img src=x onerror=alert(1)>"));

        mvc.perform(get("/console/netsec/incidents/" + incident.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt;")))
                .andExpect(content().string(containsString("&lt;img src=x onerror=alert(1)&gt;")))
                .andExpect(content().string(not(containsString("<script>alert('t')</script>"))));
    }

    @Test
    void anAdministrationSeesOnlyTheIncidentsOfItsProvinceAndAnOperatorOnlyItsOwn() throws Exception {
        IncidentView guangdong = reportAs(
                "gd",
                leak(
                        unique("粤"),
                        "100000",
                        List.of("44"),
                        access.organisation("OP-CUCC").orElseThrow().creditCode(),
                        "粤"));

        mvc.perform(get("/console/netsec/incidents/" + guangdong.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/netsec/incidents/" + guangdong.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/netsec/incidents/" + guangdong.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/netsec/incidents?province=44").with(as(users, "bj")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id", not(hasItem((int) guangdong.id()))));
        mvc.perform(get("/console/netsec/incidents").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/netsec/incidents").with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(guangdong.title())));
    }

    @Test
    void tasksAreDoneByTheirAssigneeAndShowOverdueAfterTheirDeadline() throws Exception {
        IncidentView incident = reportAs("gd", leak(unique("任务"), "1000000", List.of("44")));
        Actor gd = SignIn.actor(users, "gd");

        assertThatThrownBy(() -> incidents.addTask(gd, incident.id(), "排查", "OP-NOPE", "2020-01-01"))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e)).containsExactly("assignee", "dueOn"));
        IncidentTask task = incidents.addTask(
                gd, incident.id(), "排查全部数据库", "OP-CMCC", incidents.today().toString());
        IncidentTask other = incidents.addTask(
                gd, incident.id(), "报送整改方案", "OP-CUCC", incidents.today().toString());
        jdbc.sql("update netsec_incident_task set due_on = :day where id = :id")
                .param("day", incidents.today().minusDays(1))
                .param("id", other.id())
                .update();

        mvc.perform(get("/console/netsec/incidents/" + incident.id()).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"done-task-" + task.id() + "\"")))
                .andExpect(content().string(not(containsString("id=\"done-task-" + other.id() + "\""))));
        assertThatThrownBy(() -> incidents.completeTask(SignIn.actor(users, "cmcc"), incident.id(), other.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        IncidentTask done = incidents.completeTask(SignIn.actor(users, "cmcc"), incident.id(), task.id(), "已完成");
        assertThat(done.done()).isTrue();
        assertThat(done.doneBy()).isEqualTo("cmcc");
        assertThat(incidents.tasks(incident.id()))
                .filteredOn(t -> t.id() == other.id())
                .singleElement()
                .satisfies(t -> assertThat(t.overdue(incidents.today())).isTrue());
        mvc.perform(get("/console/netsec/incidents/" + incident.id()).with(as(users, "gd")))
                .andExpect(content().string(containsString("已逾期")));
    }

    @Test
    void attachmentsMustBeImagesOrPdfWithinTheLimitAndReadingThemIsAudited() throws Exception {
        IncidentView incident = reportAs("cmcc", leak(unique("附件"), "100000", List.of("44")));

        mvc.perform(multipart("/console/netsec/incidents/" + incident.id() + "/attachments")
                        .file(new MockMultipartFile("file", "x.exe", "image/png", "MZ not an image".getBytes()))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("x.exe 不是图片或 PDF")));
        mvc.perform(multipart("/console/netsec/incidents/" + incident.id() + "/attachments")
                        .file(new MockMultipartFile("file", "big.png", "image/png", new byte[10_485_761]))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(content().string(containsString("big.png 超过 10 MB")));
        assertThat(incidents.attachments(incident.id())).isEmpty();

        mvc.perform(multipart("/console/netsec/incidents/" + incident.id() + "/attachments")
                        .file(new MockMultipartFile("file", "../../截图.png", "application/octet-stream", PNG))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        IncidentAttachment stored = incidents.attachments(incident.id()).get(0);
        assertThat(stored.fileName()).isEqualTo("截图.png");
        assertThat(stored.contentType()).isEqualTo("image/png");
        mvc.perform(get("/console/netsec/incidents/" + incident.id() + "/attachments/" + stored.id())
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PNG));
        mvc.perform(get("/console/netsec/incidents/" + incident.id() + "/attachments/" + stored.id())
                        .with(as(users, "bj")))
                .andExpect(status().isNotFound());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit_log where module = 'netsec'"
                                                + " and entity_type = 'IncidentAttachment' and entity_id = :id and action = 'attachmentRead'")
                                .param("id", Long.toString(stored.id()))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void closingIsRefusedWithoutAFinalReportAndEndsTheDutyAfterOne() throws Exception {
        IncidentView incident = reportAs("cmcc", leak(unique("结案"), "10000000", List.of("44")));
        Actor gd = SignIn.actor(users, "gd");

        assertThatThrownBy(() -> incidents.close(gd, incident.id()))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e)).containsExactly("finalReport"));
        mvc.perform(post("/console/netsec/incidents/" + incident.id() + "/close")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("提交总结报告后才能结案")));
        assertThatThrownBy(() -> incidents.submitFinalReport(
                        gd, incident.id(), "原因", List.of("整改", ""), List.of("", "2027-01-01")))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e)).containsExactly("dueOn0", "measure1"));
        assertThatThrownBy(() -> incidents.submitFinalReport(gd, incident.id(), "原因", List.of(), List.of()))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields((RejectedInputException) e)).containsExactly("rectifications"));

        incidents.submitFinalReport(
                SignIn.actor(users, "cmcc"), incident.id(), "备份桶未设访问控制", List.of("全部存储桶加访问控制"), List.of("2027-03-01"));
        assertThatThrownBy(() -> incidents.close(SignIn.actor(users, "cmcc"), incident.id()))
                .isInstanceOf(AccessDeniedException.class);
        IncidentView closed = incidents.close(gd, incident.id());

        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incidents.duties(incident.id()))
                .allSatisfy(d -> assertThat(d.running()).isFalse());
        assertThat(incidents.finalReport(incident.id()).orElseThrow().rectifications())
                .singleElement()
                .satisfies(r -> assertThat(r.dueOn()).isEqualTo(LocalDate.of(2027, 3, 1)));
        assertThatThrownBy(() -> incidents.addEntry(SignIn.actor(users, "cmcc"), incident.id(), "UPDATE", "结案后"))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theAssigneeOfAnOverdueTaskIsRemindedOnceButNotForADoneTaskOrAClosedIncident() {
        Actor gd = SignIn.actor(users, "gd");
        Actor cmcc = SignIn.actor(users, "cmcc");
        String today = incidents.today().toString();
        IncidentView incident = reportAs("gd", leak(unique("逾期任务"), "1000000", List.of("44")));
        IncidentTask late = incidents.addTask(gd, incident.id(), "提交排查报告", "OP-CMCC", today);
        IncidentTask done = incidents.addTask(gd, incident.id(), "封堵漏洞", "OP-CMCC", today);
        incidents.completeTask(cmcc, incident.id(), done.id(), "已封堵");
        IncidentView closed = reportAs("gd", leak(unique("已结案"), "1000000", List.of("44")));
        IncidentTask ofClosed = incidents.addTask(gd, closed.id(), "复核", "OP-CMCC", today);
        incidents.submitFinalReport(cmcc, closed.id(), "配置错误", List.of("改正配置"), List.of("2027-03-01"));
        incidents.close(gd, closed.id());

        taskReminders.remind(incidents.today());
        assertThat(taskNotices(late)).isZero();

        taskReminders.remind(incidents.today().plusDays(1));
        taskReminders.remind(incidents.today().plusDays(2));
        assertThat(taskNotices(late)).isEqualTo(1);
        assertThat(taskNotices(done)).isZero();
        assertThat(taskNotices(ofClosed)).isZero();
        assertThat(jdbc.sql("select link from notice where once_key = :key")
                        .param("key", "netsec.incident-task-overdue:" + late.id() + ":" + today)
                        .query(String.class)
                        .single())
                .isEqualTo("/console/netsec/incidents/" + incident.id());
    }

    private long taskNotices(IncidentTask task) {
        return jdbc.sql("select count(*) from notice where once_key like :key")
                .param("key", "netsec.incident-task-overdue:" + task.id() + ":%")
                .query(Long.class)
                .single();
    }

    @Test
    void theListPagesNewestFirstAndTheExportHoldsWhatTheFilterSelectsDefusedInTheUsersLanguage() throws Exception {
        List<IncidentView> xinjiang = new ArrayList<>();
        for (int h = 12; h >= 8; h -= 2) {
            String title = unique(h == 8 ? "=HYPERLINK(\"http://x\")新疆" : "新疆");
            xinjiang.add(reportAs(
                    "officer",
                    times(leak(title, "100000", List.of("65")), hoursAgo(h), hoursAgo(h - 1), hoursAgo(h - 1))));
        }
        Incidents.Filter leaks = new Incidents.Filter(IncidentType.DATA_LEAK, null, null, "65");
        List<Long> paged = new ArrayList<>();
        Page<IncidentView> page = incidents.search(DataScope.all(), leaks, PageRequest.of(0, 2));
        while (true) {
            assertThat(page.getContent()).hasSizeLessThanOrEqualTo(2);
            page.getContent().forEach(i -> paged.add(i.id()));
            if (!page.hasNext()) {
                break;
            }
            page = incidents.search(DataScope.all(), leaks, page.nextPageable());
        }
        assertThat(paged).hasSize((int) page.getTotalElements()).doesNotHaveDuplicates();
        assertThat(paged.stream().filter(id -> xinjiang.stream().anyMatch(i -> i.id() == id)))
                .containsExactly(
                        xinjiang.get(2).id(),
                        xinjiang.get(1).id(),
                        xinjiang.get(0).id());

        mvc.perform(get("/console/netsec/incidents?type=DATA_LEAK&province=65&lang=zh_CN")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(xinjiang.get(0).title())))
                .andExpect(content().string(containsString("/console/netsec/incidents/export.csv?type=DATA_LEAK")));
        String csv = new String(
                mvc.perform(get("/console/netsec/incidents/export.csv?type=DATA_LEAK&province=65&lang=en")
                                .with(as(users, "officer")))
                        .andExpect(status().isOk())
                        .andExpect(content().contentTypeCompatibleWith("text/csv"))
                        .andReturn()
                        .getResponse()
                        .getContentAsByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFF\"Incident\",\"Type\"");
        assertThat(csv).contains("\"" + xinjiang.get(0).title() + "\",\"Personal-data leak\"");
        // A title a spreadsheet would run as a formula is written as text.
        assertThat(csv).contains("\"'=HYPERLINK(\"\"http://x\"\")新疆");
        assertThat(csv.lines().filter(line -> line.contains("新疆 ")).count()).isGreaterThanOrEqualTo(3);
        // A province's administration exports only its own province's incidents; access providers none.
        String guangdong = mvc.perform(get("/console/netsec/incidents/export.csv?type=DATA_LEAK")
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(guangdong).doesNotContain(xinjiang.get(0).title());
        mvc.perform(get("/console/netsec/incidents/export.csv").with(as(users, "isp")))
                .andExpect(status().isForbidden());
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select count(*) from audit_log where module = 'netsec'"
                                        + " and entity_type = 'Incident' and action = 'exported'")
                                .query(Long.class)
                                .single())
                        .isGreaterThanOrEqualTo(2));
    }

    @Test
    void duringListsTheIncidentsOfAnEventsDaysAndProvinces() {
        IncidentView hainan = reportAs("officer", leak(unique("海南"), "100000", List.of("46")));
        LocalDate today = LocalDate.now(clock);

        assertThat(incidents.during(DataScope.all(), today.minusDays(1), today, Set.of("46")))
                .extracting(IncidentView::id)
                .contains(hainan.id());
        assertThat(incidents.during(DataScope.all(), today.minusDays(1), today, Set.of("65")))
                .extracting(IncidentView::id)
                .doesNotContain(hainan.id());
        assertThat(incidents.during(DataScope.all(), today.minusDays(30), today.minusDays(2), Set.of("46")))
                .extracting(IncidentView::id)
                .doesNotContain(hainan.id());
        assertThat(incidents.during(DataScope.all(), today, today, Set.of()))
                .extracting(IncidentView::id)
                .contains(hainan.id());
        // A reader outside Hainan does not see its incident on an event's page.
        assertThat(incidents.during(DataScope.province("65"), today, today, Set.of()))
                .extracting(IncidentView::id)
                .doesNotContain(hainan.id());
    }

    @Test
    void theLeakPageLinksTheCompanyAndItsLicences() throws Exception {
        IncidentView incident = reportAs("cmcc", leak(unique("链接"), "100000", List.of("44")));

        mvc.perform(get("/console/netsec/incidents/leaks").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(incident.title())))
                .andExpect(content().string(containsString("/console/entities/" + incident.companyCreditCode())));
        mvc.perform(get("/console/netsec/incidents/" + incident.id()).with(as(users, "officer")))
                .andExpect(content().string(containsString("id=\"company-link\"")))
                .andExpect(content().string(containsString("/console/entities/" + incident.companyCreditCode())))
                // China Mobile holds demo licences: each is listed with its status in words.
                .andExpect(content().string(containsString("id=\"company-licences\"")))
                .andExpect(content().string(containsString("/console/licensing/licences/")))
                .andExpect(content().string(not(containsString("??"))));
    }

    @Test
    void theReportFormShowsErrorsBesideTheFieldsAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/console/netsec/incidents")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("type", "OUTAGE")
                        .param("title", "表单标题")
                        .param("provinces", "44")
                        .param("affectedUsers", "-3")
                        .param("services", "宽带")
                        .param("startedAt", hoursAgo(1))
                        .param("detectedAt", hoursAgo(2))
                        .param("description", "描述")
                        .characterEncoding(StandardCharsets.UTF_8))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不能小于 0")))
                .andExpect(content().string(containsString("发现时间不能早于发生时间")))
                .andExpect(content().string(containsString("value=\"表单标题\"")));
    }
}

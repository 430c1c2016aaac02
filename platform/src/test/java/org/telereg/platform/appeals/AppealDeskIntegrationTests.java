package org.telereg.platform.appeals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.IssuedToken;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
@RecordApplicationEvents
class AppealDeskIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger(1000);

    @Autowired
    AppealDesk desk;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static String phone() {
        return "1391234" + SERIAL.incrementAndGet();
    }

    private NewAppeal appeal(String phone, String contactedOn, String answeredOn) {
        LocalDate today = desk.today();
        return new NewAppeal(
                "王小明",
                phone,
                "OP-CMCC",
                "44",
                "UNEXPLAINED_CHARGES",
                "退还不明扣费 30 元并道歉",
                "2026 年 11 月账单多扣 30 元增值业务费，本人从未订购。",
                today.minusDays(40).toString(),
                contactedOn,
                contactedOn == null ? null : "HOTLINE",
                answeredOn == null ? null : "经核实扣费无误，不予退还。",
                answeredOn,
                "false",
                "false",
                "false");
    }

    private NewAppeal answered(String phone) {
        LocalDate today = desk.today();
        return appeal(phone, today.minusDays(30).toString(), today.minusDays(20).toString());
    }

    @Test
    void aPortalAppealGetsATrackingNumberAndAFiveWorkingDayDeadline() throws Exception {
        String phone = phone();
        NewAppeal input = answered(phone);

        String page = mvc.perform(post("/public/appeals")
                        .param("complainantName", input.complainantName())
                        .param("complainantPhone", phone)
                        .param("respondentCode", input.respondentCode())
                        .param("provinceCode", input.provinceCode())
                        .param("subject", input.subject())
                        .param("request", input.request())
                        .param("facts", input.facts())
                        .param("occurredOn", input.occurredOn())
                        .param("operatorContactedOn", input.operatorContactedOn())
                        .param("operatorContact", input.operatorContact())
                        .param("operatorAnsweredOn", input.operatorAnsweredOn())
                        .param("operatorAnswer", input.operatorAnswer())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        String tracking = page.replaceAll("(?s).*id=\"tracking-number\">(SS\\d{8}-[A-Z2-9]{6})<.*", "$1");
        assertThat(tracking).matches("SS\\d{8}-[A-Z2-9]{6}");

        AppealView received = desk.track(tracking).orElseThrow();
        assertThat(received.status()).isEqualTo(AppealStatus.RECEIVED);
        assertThat(received.ruleOutcome()).isEqualTo(AppealStatus.ACCEPTED);
        assertThat(received.channel()).isEqualTo(AppealChannel.PORTAL);
        assertThat(received.respondentName()).isEqualTo("中国移动通信集团有限公司");
        assertThat(received.acceptanceDeadline()).isEqualTo(workingDays.plus(desk.today(), 5));
        assertThat(events.stream(AppealReceived.class))
                .anyMatch(e -> e.trackingNumber().equals(tracking)
                        && e.complainantPhone().equals(phone)
                        && e.subject() == AppealSubject.UNEXPLAINED_CHARGES);
        assertThat(page).contains(received.acceptanceDeadline().toString());
        mvc.perform(get("/public/appeals/track").param("no", tracking.toLowerCase()))
                .andExpect(content().string(Matchers.containsString("待审查")));
    }

    @Test
    void evidenceIsCheckedByContentKeptWithTheAppealAndServedToStaff() throws Exception {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0};
        byte[] pdf = "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1);
        long appealsBefore = jdbc.sql("select count(*) from appeals_appeal")
                .query(Long.class)
                .single();

        assertThat(problems(() -> desk.submit(
                        AppealChannel.PORTAL,
                        answered(phone()),
                        List.of(
                                new Evidence("bill.png", png),
                                new Evidence(
                                        "invoice.png", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8)),
                                new Evidence("empty.pdf", new byte[0]),
                                new Evidence("huge.pdf", new byte[5 * 1024 * 1024 + 1])))))
                .extracting(FieldProblem::code)
                .containsExactly(
                        "appeals.invalid.fileType", "appeals.invalid.fileEmpty", "appeals.invalid.fileTooLarge");
        assertThat(jdbc.sql("select count(*) from appeals_appeal")
                        .query(Long.class)
                        .single())
                .as("nothing written")
                .isEqualTo(appealsBefore);

        AppealView appeal = desk.submit(
                AppealChannel.PORTAL,
                answered(phone()),
                List.of(new Evidence("C:\\fakepath\\账单.png", png), new Evidence("回复.pdf", pdf)));

        assertThat(desk.evidence(appeal.id()))
                .extracting(EvidenceView::fileName, EvidenceView::contentType)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("账单.png", "image/png"),
                        org.assertj.core.groups.Tuple.tuple("回复.pdf", "application/pdf"));
        long pdfId = desk.evidence(appeal.id()).get(1).id();
        mvc.perform(get("/console/appeals/{id}/evidence/{file}", appeal.id(), pdfId)
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andExpect(content().bytes(pdf));
        mvc.perform(get("/console/appeals/{id}/evidence/{file}", appeal.id(), pdfId)
                        .with(as(users, "bj")))
                .andExpect(status().isNotFound());
    }

    @Test
    void anAppealNotFirstTakenToTheOperatorIsReferredBackWithTheReasonShownToTheUser() throws Exception {
        AppealView appeal = desk.submit(AppealChannel.PORTAL, appeal(phone(), null, null));

        assertThat(appeal.ruleOutcome()).isEqualTo(AppealStatus.REFERRED_TO_OPERATOR);
        AppealView decided = desk.decide(SignIn.actor(users, "gd"), appeal.id(), "REFERRED_TO_OPERATOR", null);

        assertThat(decided.status()).isEqualTo(AppealStatus.REFERRED_TO_OPERATOR);
        assertThat(decided.answerDeadline()).isNull();
        mvc.perform(get("/public/appeals/track").param("no", appeal.trackingNumber()))
                .andExpect(content().string(Matchers.containsString("请先向企业投诉")))
                .andExpect(content().string(Matchers.containsString("尚未向企业投诉")));
    }

    @Test
    void aDecisionAgainstTheRulesNeedsAReasonAndIsAuditedAsAnOverride() {
        AppealView appeal = desk.submit(AppealChannel.PORTAL, appeal(phone(), null, null));
        var gd = SignIn.actor(users, "gd");

        assertThat(problems(() -> desk.decide(gd, appeal.id(), "ACCEPTED", " ")))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reason", "appeals.invalid.overrideReason"));

        AppealView accepted = desk.decide(gd, appeal.id(), "ACCEPTED", "企业客服热线长期无人接听，来电人无法先行投诉");

        assertThat(accepted.status()).isEqualTo(AppealStatus.ACCEPTED);
        assertThat(accepted.answerDeadline()).isEqualTo(desk.today().plusDays(30));
        assertThat(accepted.decidedBy()).isEqualTo("gd");
        assertThat(problems(() -> desk.decide(gd, appeal.id(), "REFUSED", "x")))
                .extracting(FieldProblem::code)
                .contains("appeals.invalid.decided");
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log where module = 'appeals'"
                                        + " and entity_id = :no order by occurred_at, seq")
                                .param("no", appeal.trackingNumber())
                                .query(String.class)
                                .list())
                        .containsExactly("received", "overridden"));
    }

    @Test
    void refusesBadInputNamingEachFieldAndADuplicateWithinThirtyDays() {
        String today = desk.today().toString();
        String tomorrow = desk.today().plusDays(1).toString();
        NewAppeal bad = new NewAppeal(
                "",
                "12345",
                "OP-NOPE",
                "99",
                "WEATHER",
                " ",
                "事实",
                tomorrow,
                today,
                null,
                null,
                desk.today().minusDays(3).toString(),
                "false",
                "false",
                "false");

        assertThat(problems(() -> desk.submit(AppealChannel.PORTAL, bad)))
                .extracting(FieldProblem::field)
                .contains(
                        "complainantName",
                        "complainantPhone",
                        "respondentCode",
                        "provinceCode",
                        "subject",
                        "request",
                        "occurredOn",
                        "operatorContact",
                        "operatorAnsweredOn");
        NewAppeal answerWithoutComplaint =
                appeal(phone(), null, desk.today().minusDays(1).toString());
        assertThat(problems(() -> desk.submit(AppealChannel.PORTAL, answerWithoutComplaint)))
                .extracting(FieldProblem::code)
                .containsExactly("appeals.invalid.answerWithoutContact");

        String phone = phone();
        AppealView first = desk.submit(AppealChannel.PORTAL, answered(phone));
        assertThat(problems(() -> desk.submit(AppealChannel.PORTAL, answered(phone))))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("request");
                    assertThat(p.code()).isEqualTo("appeals.invalid.duplicate");
                    assertThat(p.arguments()).containsExactly(first.trackingNumber());
                });
    }

    @Test
    void staffRecordAnIncompleteCallAndTheRulesRefuseItNamingWhatIsMissing() {
        NewAppeal call = new NewAppeal(
                "李四",
                phone(),
                null,
                "44",
                "SIGNAL_COVERAGE",
                null,
                null,
                desk.today().minusDays(10).toString(),
                desk.today().minusDays(9).toString(),
                "STORE",
                null,
                desk.today().minusDays(2).toString(),
                null,
                null,
                null);

        AppealView recorded = desk.submit(AppealChannel.PHONE, call);

        assertThat(recorded.channel()).isEqualTo(AppealChannel.PHONE);
        assertThat(recorded.ruleOutcome()).isEqualTo(AppealStatus.REFUSED);
        assertThat(recorded.ruleReasons()).singleElement().satisfies(r -> {
            assertThat(r.code()).isEqualTo("appeals.rule.incomplete");
            assertThat(r.arguments()).containsExactly("respondent,request,facts");
        });
        assertThat(problems(() -> desk.submit(AppealChannel.PORTAL, call)))
                .as("the portal asks for them instead")
                .extracting(FieldProblem::field)
                .contains("respondentCode", "request", "facts");
    }

    @Test
    void administrationsSeeTheirOwnProvinceMaskedAndEveryFullReadIsAudited() throws Exception {
        String phone = phone();
        AppealView guangdong = desk.submit(AppealChannel.PORTAL, answered(phone));

        mvc.perform(get("/console/appeals").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(guangdong.trackingNumber())))
                .andExpect(content().string(Matchers.containsString("王**")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(phone))));
        mvc.perform(get("/console/appeals").with(as(users, "bj")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(guangdong.trackingNumber()))));
        mvc.perform(get("/console/appeals/{id}", guangdong.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
        assertThatThrownBy(() -> desk.decide(SignIn.actor(users, "bj"), guangdong.id(), "ACCEPTED", null))
                .isInstanceOf(NoSuchElementException.class);
        mvc.perform(get("/console/appeals").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(guangdong.trackingNumber()))));
        // An operator sees an appeal once it is accepted and served on it.
        mvc.perform(get("/console/appeals/{id}", guangdong.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/appeals").with(as(users, "isp"))).andExpect(status().isForbidden());

        mvc.perform(get("/console/appeals/{id}", guangdong.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(phone)))
                .andExpect(content().string(Matchers.containsString("符合受理条件")));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select actor from audit_log where module = 'appeals'"
                                        + " and entity_id = :no and action = 'viewed'")
                                .param("no", guangdong.trackingNumber())
                                .query(String.class)
                                .list())
                        .containsExactly("gd"));
    }

    @Test
    void theOverdueListShowsAppealsPastTheirDeadline() throws Exception {
        AppealView late = desk.submit(AppealChannel.PORTAL, answered(phone()));
        jdbc.sql("update appeals_appeal set acceptance_deadline = :past where id = :id")
                .param("past", desk.today().minusDays(1))
                .param("id", late.id())
                .update();

        assertThat(desk.search(DataScope.province("44"), null, true, PageRequest.of(0, 100))
                        .getContent())
                .extracting(AppealView::id)
                .contains(late.id());
        assertThat(desk.search(DataScope.province("44"), null, true, PageRequest.of(0, 100))
                        .getContent())
                .allMatch(a -> a.overdue(desk.today()));
        mvc.perform(get("/console/appeals/{id}", late.id()).with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString("已超期")));

        AppealView dueTomorrow = desk.submit(AppealChannel.PORTAL, answered(phone()));
        long before = desk.dueSoon(DataScope.province("44"));
        jdbc.sql("update appeals_appeal set acceptance_deadline = :soon where id = :id")
                .param("soon", workingDays.plus(desk.today(), 1))
                .param("id", dueTomorrow.id())
                .update();
        assertThat(desk.dueSoon(DataScope.province("44"))).isEqualTo(before + 1);
        mvc.perform(get("/console/appeals").with(as(users, "gd")))
                .andExpect(content().string(Matchers.containsString("今天或下一个工作日到期")));
    }

    @Autowired
    AccessManagement access;

    @Autowired
    ApplicationEvents events;

    @Test
    void theOperatorRespondsByApiTheAdministrationClosesAndTheComplainantRates() throws Exception {
        String phone = phone();
        AppealView appeal = desk.submit(AppealChannel.PORTAL, answered(phone));
        IssuedToken token = access.issueToken(
                SignIn.actor(users, "admin"),
                access.organisation("OP-CMCC").orElseThrow().id(),
                "申诉对接");
        mvc.perform(get("/api/v1/appeals").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(appeal.trackingNumber()))));

        AppealView accepted = desk.decide(SignIn.actor(users, "gd"), appeal.id(), "ACCEPTED", null);
        assertThat(accepted.responseDeadline()).isEqualTo(workingDays.plus(desk.today(), 10));
        mvc.perform(get("/api/v1/appeals").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.trackingNumber == '" + appeal.trackingNumber() + "')].complainantPhone")
                        .value(phone));
        mvc.perform(post("/api/v1/appeals/{no}/response", appeal.trackingNumber())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\": \"\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("response"));
        mvc.perform(post("/api/v1/appeals/{no}/response", appeal.trackingNumber())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"response\": \"已核实为系统误订，同意退还 30 元。\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(content().string("\"RESPONDED\""));
        assertThat(events.stream(AppealResponded.class))
                .anyMatch(e -> e.trackingNumber().equals(appeal.trackingNumber()) && e.inTime());

        var gd = SignIn.actor(users, "gd");
        assertThat(problems(() -> desk.close(gd, appeal.id(), "电话调解，企业同意退费", "NOT_SETTLED", null)))
                .extracting(FieldProblem::field)
                .containsExactly("outcomeNote");
        AppealView closed = desk.close(gd, appeal.id(), "电话调解，企业同意退费，申诉人接受", "SETTLED", null);
        assertThat(closed.status()).isEqualTo(AppealStatus.CLOSED);
        assertThat(events.stream(AppealClosed.class))
                .anyMatch(e -> e.trackingNumber().equals(appeal.trackingNumber())
                        && e.outcome() == Outcome.SETTLED
                        && e.subject().category() == AppealSubject.Category.FEES);

        assertThat(problems(() -> desk.rate(appeal.trackingNumber(), "13800000000", "5", null)))
                .extracting(FieldProblem::code)
                .containsExactly("appeals.invalid.notYourAppeal");
        mvc.perform(post("/public/appeals/rating")
                        .param("no", appeal.trackingNumber())
                        .param("phone", phone)
                        .param("rating", "4")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("谢谢您的评价")))
                .andExpect(content().string(Matchers.containsString("满意")));
        assertThat(problems(() -> desk.rate(appeal.trackingNumber(), phone, "1", null)))
                .extracting(FieldProblem::code)
                .containsExactly("appeals.invalid.rated");
        assertThat(desk.track(appeal.trackingNumber()).orElseThrow().rating()).isEqualTo(4);
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

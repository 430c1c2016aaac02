package org.telereg.platform.spam;

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

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.IssuedToken;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class ReportDeskIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger();

    @Autowired
    Clock clock;

    @Autowired
    ReportDesk desk;

    @Autowired
    AccessManagement access;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Bulletins bulletins;

    @Autowired
    org.telereg.platform.credit.CreditRegistry credit;

    @Autowired
    org.telereg.platform.numbering.NumberResources numberResources;

    private Actor actor(String username) {
        return SignIn.actor(users, username);
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    /** A China Mobile number, different for every call. */
    private static String mobile() {
        return "1380013" + String.format("%04d", SERIAL.incrementAndGet());
    }

    @Test
    void spamSmsIsRoutedToTheCarrierWithADeadline() {
        ReportView report =
                desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", mobile(), "【某店】全场一折，退订回T", "13912345678"));

        assertThat(report.status()).isEqualTo(ReportStatus.ROUTED);
        assertThat(report.operatorName()).isEqualTo("中国移动通信集团有限公司");
        assertThat(report.trackingNumber()).matches("JB\\d{8}-[A-Z2-9]{6}");
        assertThat(report.handlingDeadline()).isEqualTo(report.receivedAt().plusSeconds(72 * 3600));
        assertThat(report.reporterPhoneMasked()).isEqualTo("139****5678");
    }

    @Test
    void aReportAgainstA106PortGoesToTheOperatorCarryingItAndNamesItsHolder() {
        // The demo register allocates 1069012345 nationally, carried by China Mobile; senders add extensions.
        ReportView report =
                desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", "1069012345 0001", "【某贷】额度已到账，回T退订", null));

        assertThat(report.reportedParty()).isEqualTo("10690123450001");
        assertThat(report.status()).isEqualTo(ReportStatus.ROUTED);
        assertThat(report.operatorName()).isEqualTo("中国移动通信集团有限公司");
        assertThat(report.portHolderName()).isNotBlank();
        assertThat(report.handlingDeadline()).isNotNull();

        ReportView unallocated =
                desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", "10699990001", "【某店】清仓，回T退订", null));
        assertThat(unallocated.status()).isEqualTo(ReportStatus.UNROUTED);
        assertThat(unallocated.portHolderName()).isNull();
    }

    @Test
    void reporterPhoneNeverReachesTheDatabaseInFull() {
        desk.submit(ReportChannel.WEB, new NewReport("CRANK_CALL", mobile(), "每天打三次推销", "13698765432"));

        List<Map<String, Object>> rows =
                jdbc.sql("select * from spam_report").query().listOfRows();
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.values())
                        .noneMatch(value -> String.valueOf(value).contains("13698765432")));
        assertThat(rows)
                .anySatisfy(row -> assertThat(row.values()).contains(desk.keyedHash("13698765432"), "136****5432"));
    }

    @Test
    void sameSenderAndContentWithinTheWindowIsFoldedIntoTheFirstReport() {
        String sender = mobile();
        ReportView first = desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", sender, "贷款秒批 加V 123", null));

        // Full-width letters and digits, ideographic spaces, a different case: the same message.
        ReportView second = desk.submit(ReportChannel.API, new NewReport("SPAM_SMS", sender, "贷款秒批　加ｖ　１２３", null));

        assertThat(second.status()).isEqualTo(ReportStatus.DUPLICATE);
        assertThat(second.duplicateOf()).isEqualTo(first.id());
        assertThat(second.handlingDeadline()).isNull();
    }

    @Test
    void smsTo12321IsParsedFromTheStarFormat() {
        String sender = "1069" + String.format("%010d", SERIAL.incrementAndGet());
        ReportView report = desk.submitSms("13800138000", sender + "*您的积分即将清零，点击 x.cn/abc 兑换");

        assertThat(report.channel()).isEqualTo(ReportChannel.SMS);
        assertThat(report.reportedParty()).isEqualTo(sender);
        assertThat(report.content()).isEqualTo("您的积分即将清零，点击 x.cn/abc 兑换");
        assertThat(report.status()).isEqualTo(ReportStatus.UNROUTED);
    }

    @Test
    void malformedSmsIsRefusedWithTheReason() {
        assertThatThrownBy(() -> desk.submitSms("13800138000", "没有星号的短信"))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.smsFormat"));
        assertThatThrownBy(() -> desk.submitSms("13800138000", "abc*内容"))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.smsSender"));
        assertThatThrownBy(() -> desk.submitSms("13800138000", "10690000*   "))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.smsContent"));
        assertThatThrownBy(() -> desk.submitSms("13800138000", ""))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.smsEmpty"));
    }

    @Test
    void badInputNamesEveryField() {
        assertThatThrownBy(
                        () -> desk.submit(ReportChannel.WEB, new NewReport("NONSENSE", "", "x".repeat(5000), "12345")))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::field)
                        .containsExactly("category", "reportedParty", "content", "reporterPhone"));
        assertThatThrownBy(() ->
                        desk.submit(ReportChannel.WEB, new NewReport("FRAUD_CALL", "http://bad.example", "x", null)))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.partyNumber"));
    }

    @Test
    void citizenReportsOnThePortalAndFollowsTheAnswer() throws Exception {
        String sender = mobile();
        MvcResult result = mvc.perform(post("/public/reports")
                        .param("category", "FRAUD_SMS")
                        .param("reportedParty", sender)
                        .param("content", "您的快递丢失，点击链接理赔")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("tracking-number")))
                .andReturn();
        ReportView received = (ReportView) result.getModelAndView().getModel().get("report");
        String tracking = received.trackingNumber();
        long id = received.id();

        mvc.perform(get("/console/spam").with(as(users, "cmcc")))
                .andExpect(content().string(Matchers.containsString(tracking)));
        mvc.perform(post("/console/spam/{id}/answer", id)
                        .param("action", "NUMBER_STOPPED")
                        .param("note", "已核实并停机")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        mvc.perform(get("/public/reports/track").param("no", tracking.toLowerCase()))
                .andExpect(content().string(Matchers.containsString("停止号码服务")));
    }

    @Test
    void portalFormShowsProblemsBesideTheFields() throws Exception {
        mvc.perform(post("/public/reports")
                        .param("category", "")
                        .param("reportedParty", "")
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("is-invalid")))
                .andExpect(content().string(Matchers.containsString("必填")));
    }

    @Test
    void operatorSeesOnlyItsQueueAndAnswersThroughTheApi() throws Exception {
        IssuedToken token = access.issueToken(
                actor("admin"), access.organisation("OP-CMCC").orElseThrow().id(), "举报处理系统");
        ReportView mine =
                desk.submit(ReportChannel.API, new NewReport("SPAM_SMS", mobile(), "广告" + SERIAL.get(), null));
        ReportView unicom = desk.submit(
                ReportChannel.API,
                new NewReport("SPAM_SMS", "1860000" + String.format("%04d", SERIAL.incrementAndGet()), "广告", null));
        assertThat(unicom.operatorName()).isEqualTo("中国联合网络通信集团有限公司");

        mvc.perform(get("/api/v1/spam/reports")
                        .param("status", "ROUTED")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.id == " + mine.id() + ")]").isNotEmpty())
                .andExpect(jsonPath("$[?(@.id == " + unicom.id() + ")]").isEmpty());
        mvc.perform(post("/api/v1/spam/reports/{id}/answer", unicom.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"WARNED\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/spam/reports/{id}/answer", mine.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"PORT_SHUT\",\"note\":\"端口已关停\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ANSWERED"));
        mvc.perform(post("/api/v1/spam/reports/{id}/answer", mine.id())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"PORT_SHUT\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isConflict());
    }

    @Test
    void smsGatewayRelaysThroughTheApi() throws Exception {
        IssuedToken token = access.issueToken(
                actor("admin"), access.organisation("OP-CMCC").orElseThrow().id(), "12321 短信网关");

        mvc.perform(post("/api/v1/spam/sms")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"13800138000\",\"text\":\"" + mobile() + "*中奖通知请回电\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("SMS"))
                .andExpect(jsonPath("$.reporterPhoneMasked").value("138****8000"));
        mvc.perform(post("/api/v1/spam/sms")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"from\":\"13800138000\",\"text\":\"no star here\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("spam.invalid.smsFormat"));
    }

    @Test
    void bulletinCountsTheMonthAndThePublicVersionMasksNumbers() throws Exception {
        // Other tests report into the same month: this one compares the bulletin before and after its reports.
        MonthlyBulletin before = bulletins.of(java.time.YearMonth.now(clock));
        String sender = mobile();
        ReportView first = desk.submit(ReportChannel.WEB, new NewReport("FRAUD_CALL", sender, "冒充客服" + sender, null));
        desk.submit(ReportChannel.WEB, new NewReport("FRAUD_CALL", sender, "冒充客服" + sender, null));
        desk.submit(ReportChannel.API, new NewReport("FRAUD_CALL", sender, "又来了" + sender, null));
        desk.answer(actor("cmcc"), first.id(), OperatorAnswer.NUMBER_STOPPED, null);
        // Answered two hours after receipt, within the 72-hour deadline.
        jdbc.sql("update spam_report set answered_at = received_at + interval '2' hour where id = :id")
                .param("id", first.id())
                .update();
        String scam = "【公安局】您的账户涉嫌洗钱，请立即将资金转入安全账户配合调查";
        desk.submit(ReportChannel.WEB, new NewReport("FRAUD_SMS", mobile(), scam, null));
        desk.submit(ReportChannel.WEB, new NewReport("FRAUD_SMS", mobile(), scam + "。", null));
        String duplicated = mobile();
        desk.submit(ReportChannel.WEB, new NewReport("FRAUD_SMS", duplicated, scam, null));
        desk.submit(ReportChannel.WEB, new NewReport("FRAUD_SMS", duplicated, scam, null));

        MonthlyBulletin bulletin = bulletins.of(java.time.YearMonth.now(clock));

        // Seven reports, two of them folded: five counted, four on the web and one by the API.
        assertThat(bulletin.total() - before.total()).isEqualTo(5);
        assertThat(bulletin.duplicates() - before.duplicates()).isEqualTo(2);
        assertThat(count(bulletin.byCategory(), ReportCategory.FRAUD_CALL)
                        - count(before.byCategory(), ReportCategory.FRAUD_CALL))
                .isEqualTo(2);
        assertThat(count(bulletin.byChannel(), ReportChannel.WEB) - count(before.byChannel(), ReportChannel.WEB))
                .isEqualTo(4);
        assertThat(count(bulletin.byChannel(), ReportChannel.API) - count(before.byChannel(), ReportChannel.API))
                .isEqualTo(1);
        MonthlyBulletin.OperatorHandling cmccBefore = handling(before, "中国移动通信集团有限公司");
        MonthlyBulletin.OperatorHandling cmcc = handling(bulletin, "中国移动通信集团有限公司");
        assertThat(cmcc.routed() - cmccBefore.routed()).isEqualTo(5);
        assertThat(cmcc.answered() - cmccBefore.answered()).isEqualTo(1);
        assertThat(cmcc.answeredInTime() - cmccBefore.answeredInTime()).isEqualTo(1);
        assertThat(cmcc.averageHours() * cmcc.answered() - cmccBefore.averageHours() * cmccBefore.answered())
                .as("the answer's two hours added to the operator's total")
                .isCloseTo(2.0, org.assertj.core.data.Offset.offset(0.05));
        assertThat(bulletin.topParties()).anyMatch(p -> p.party().equals(sender) && p.reports() >= 2);
        assertThat(bulletin.topKeywords())
                .as("the safe-account scam among the top keywords")
                .anyMatch(k -> k.groupId().equals("auth.safe-account")
                        && k.reports() >= 3
                        && k.category().equals("fraud"));

        String masked = sender.substring(0, 3) + "****" + sender.substring(7);
        mvc.perform(get("/public/reports/bulletin"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(masked)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(sender))));
        mvc.perform(get("/console/spam/bulletin").with(as(users, "officer")))
                .andExpect(content().string(Matchers.containsString(sender)));
        mvc.perform(get("/console/spam/bulletin.csv").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("operator,\"中国移动通信集团有限公司\"")))
                .andExpect(content().string(Matchers.containsString("category,\"FRAUD_CALL\"")))
                .andExpect(content().string(Matchers.containsString("keyword,\"公安 + 安全账户\"")));
        mvc.perform(get("/public/reports/bulletin")).andExpect(content().string(Matchers.containsString("公安 + 安全账户")));
        mvc.perform(get("/public/reports/bulletin").param("month", "2026-13"))
                .andExpect(content().string(Matchers.containsString("月份格式应为")));
        mvc.perform(get("/console/spam/bulletin.csv").param("month", "garbage").with(as(users, "officer")))
                .andExpect(status().isBadRequest());
    }

    @Test
    void aFoldedReportFollowsTheAnswerToTheReportItWasFoldedInto() throws Exception {
        String sender = mobile();
        ReportView first = desk.submit(ReportChannel.WEB, new NewReport("FRAUD_CALL", sender, "冒充客服要求转账", null));
        ReportView folded = desk.submit(ReportChannel.WEB, new NewReport("FRAUD_CALL", sender, "冒充客服，要求转账！", null));
        assertThat(folded.status()).isEqualTo(ReportStatus.DUPLICATE);
        assertThat(desk.track(folded.trackingNumber()).orElseThrow().status()).isEqualTo(ReportStatus.ROUTED);

        desk.answer(actor("cmcc"), first.id(), OperatorAnswer.NUMBER_STOPPED, "已停机");

        TrackedReport followed = desk.track(folded.trackingNumber()).orElseThrow();
        assertThat(followed.trackingNumber()).isEqualTo(folded.trackingNumber());
        assertThat(followed.folded()).isTrue();
        assertThat(followed.status()).isEqualTo(ReportStatus.ANSWERED);
        assertThat(followed.answer()).isEqualTo(OperatorAnswer.NUMBER_STOPPED);
        mvc.perform(get("/public/reports/track").param("no", folded.trackingNumber()))
                .andExpect(content().string(Matchers.containsString("合并处理")))
                .andExpect(content().string(Matchers.containsString("停止号码服务")));
    }

    @Test
    void theAdministrationAnswersAReportNoOperatorIsResponsibleFor() throws Exception {
        ReportView site = desk.submit(
                ReportChannel.WEB,
                new NewReport("BAD_SITE", "http://loan-" + SERIAL.incrementAndGet() + ".example", "网贷诈骗网站", null));
        assertThat(site.status()).isEqualTo(ReportStatus.UNROUTED);
        ReportView routed = desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", mobile(), "促销广告", null));

        // Operators do not see it; referral is the administration's answer, and only for such reports.
        assertThatThrownBy(() -> desk.answer(actor("cmcc"), site.id(), OperatorAnswer.WARNED, null))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> desk.answer(actor("officer"), routed.id(), OperatorAnswer.REFERRED, null))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.referred"));
        mvc.perform(get("/console/spam/{id}", routed.id()).with(as(users, "cmcc")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("value=\"REFERRED\""))));

        mvc.perform(get("/console/spam/{id}", site.id()).with(as(users, "officer")))
                .andExpect(content().string(Matchers.containsString("value=\"REFERRED\"")));
        mvc.perform(post("/console/spam/{id}/answer", site.id())
                        .param("action", "REFERRED")
                        .param("note", "已移交属地公安")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());

        TrackedReport answered = desk.track(site.trackingNumber()).orElseThrow();
        assertThat(answered.status()).isEqualTo(ReportStatus.ANSWERED);
        assertThat(answered.answer()).isEqualTo(OperatorAnswer.REFERRED);
        assertThat(answered.folded()).isFalse();
        mvc.perform(get("/public/reports/track").param("no", site.trackingNumber()))
                .andExpect(content().string(Matchers.containsString("移交主管部门处理")));
        assertThat(bulletins.of(java.time.YearMonth.now(clock)).operators())
                .as("an administration's answer is not an operator's")
                .allSatisfy(o -> assertThat(o.operatorName()).isNotNull());
    }

    @Test
    void aReportPastItsDeadlineIsHighlightedInTheOperatorsQueue() throws Exception {
        ReportView late = desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", mobile(), "逾期未处理的广告", null));
        ReportView fresh = desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", mobile(), "刚收到的广告", null));
        // Received 73 hours ago, with the 72-hour deadline the desk set then.
        java.time.OffsetDateTime received = java.time.OffsetDateTime.now(clock).minusHours(73);
        jdbc.sql("update spam_report set received_at = :received, handling_deadline = :deadline where id = :id")
                .param("received", received)
                .param("deadline", received.plusHours(72))
                .param("id", late.id())
                .update();

        String queue = mvc.perform(
                        get("/console/spam").param("status", "ROUTED").with(as(users, "cmcc")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rowOf(queue, late.trackingNumber())).contains("table-danger").contains("已超时");
        assertThat(rowOf(queue, fresh.trackingNumber()))
                .doesNotContain("table-danger")
                .doesNotContain("已超时");
        mvc.perform(get("/console/spam/{id}", late.id()).with(as(users, "cmcc")))
                .andExpect(content().string(Matchers.containsString("text-bg-danger")))
                .andExpect(content().string(Matchers.containsString("近 30 天被举报 1 次")));
    }

    /** The table row of the queue page that shows a tracking number. */
    private static String rowOf(String page, String trackingNumber) {
        int at = page.indexOf(trackingNumber);
        assertThat(at).as(trackingNumber + " in the queue").isNotNegative();
        return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
    }

    @Test
    void partnersReportThroughTheRestApiAndBadBodiesNameTheirFields() throws Exception {
        IssuedToken token = access.issueToken(
                actor("admin"), access.organisation("OP-CMCC").orElseThrow().id(), "反诈平台对接");
        String sender = mobile();

        mvc.perform(post("/api/v1/spam/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"FRAUD_SMS\",\"reportedParty\":\"" + sender
                                + "\",\"content\":\"您的医保卡已冻结，请点击链接解冻\",\"reporterPhone\":\"13512345678\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.channel").value("API"))
                .andExpect(jsonPath("$.trackingNumber").value(Matchers.matchesPattern("JB\\d{8}-[A-Z2-9]{6}")))
                .andExpect(jsonPath("$.status").value("ROUTED"))
                .andExpect(jsonPath("$.reporterPhoneMasked").value("135****5678"));

        long before =
                jdbc.sql("select count(*) from spam_report").query(Long.class).single();
        mvc.perform(post("/api/v1/spam/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"NOPE\",\"reportedParty\":\"\",\"reporterPhone\":\"abc\"}")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.contains("category", "reportedParty", "reporterPhone")));
        mvc.perform(post("/api/v1/spam/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"SPAM_SMS\",\"reportedParty\":")
                        .header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/api/v1/spam/reports")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"SPAM_SMS\",\"reportedParty\":\"" + sender + "\"}")
                        .header("Authorization", "Bearer trg_not-a-real-token"))
                .andExpect(status().isUnauthorized());
        assertThat(jdbc.sql("select count(*) from spam_report")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void aPortReportedAgainAndAgainUnderAnyExtensionPutsTheCompanyHoldingItOnTheWatchList() throws Exception {
        // A port of its own, so that no other test's reports count towards it; held by the demo port's holder.
        String holder = numberResources
                .holderOf("1069012345", java.time.LocalDate.now(clock))
                .orElseThrow()
                .holderCreditCode();
        String port = "10698" + String.format("%04d", SERIAL.incrementAndGet());
        numberResources.allocate(
                actor("officer"),
                new org.telereg.platform.numbering.NewAllocation(
                        "SMS_PORT",
                        port,
                        "",
                        holder,
                        "OP-CMCC",
                        java.time.LocalDate.now(clock).minusDays(1).toString(),
                        "工信部码号〔2026〕9号"));

        // Senders append extension digits; each report names another one.
        List<ReportView> reports = new java.util.ArrayList<>();
        for (String text : List.of("【某贷】额度已到账，回T退订", "【某贷】您的贷款已审批", "【某贷】最后一天，速领")) {
            String sender = port + String.format("%04d", reports.size() + 1);
            reports.add(desk.submit(ReportChannel.WEB, new NewReport("SPAM_SMS", sender, text, null)));
        }

        assertThat(reports).extracting(ReportView::senderKey).containsOnly(port);
        assertThat(reports).extracting(ReportView::portHolderCreditCode).containsOnly(holder);
        await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(credit.ofCompany(holder))
                        .filteredOn(r -> r.reasonCode().equals("SPAM_PORT_REPORTED")
                                && r.reason().startsWith("短信端口 " + port + " 被"))
                        .singleElement()
                        .satisfies(r -> {
                            assertThat(r.list()).isEqualTo(org.telereg.platform.credit.CreditList.WATCH);
                            assertThat(r.reason()).contains("举报 3 次");
                            assertThat(r.sourceModule()).isEqualTo("spam");
                        }));
        mvc.perform(get("/console/spam/{id}", reports.get(0).id()).with(as(users, "cmcc")))
                .andExpect(content().string(Matchers.containsString("端口 " + port + "（含各扩展号）近 30 天被举报 3 次")));
    }

    @Test
    void staffReadingAReportOrItsScreenshotIsAudited() throws Exception {
        ReportView report = desk.submitWithScreenshot(
                new NewReport("SPAM_SMS", mobile(), "截图里有我的号码", "13712345678"), "shot.png", PNG);
        long attachment = desk.attachments(org.telereg.platform.access.DataScope.all(), report.id())
                .get(0)
                .id();

        mvc.perform(get("/console/spam/{id}", report.id()).with(as(users, "officer")))
                .andExpect(status().isOk());
        mvc.perform(get("/console/spam/{id}/attachments/{a}", report.id(), attachment)
                        .with(as(users, "officer")))
                .andExpect(status().isOk());

        await().atMost(java.time.Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select entity_type, action, actor from audit_log"
                                        + " where module = 'spam' and entity_id like :id")
                                .param("id", report.trackingNumber() + "%")
                                .query((rs, n) -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3))
                                .list())
                        .contains("Report viewed officer", "ReportScreenshot viewed officer"));
    }

    private static <K> long count(Map<K, Long> counts, K key) {
        return counts.getOrDefault(key, 0L);
    }

    private static MonthlyBulletin.OperatorHandling handling(MonthlyBulletin bulletin, String operator) {
        return bulletin.operators().stream()
                .filter(o -> o.operatorName().equals(operator))
                .findFirst()
                .orElse(new MonthlyBulletin.OperatorHandling(operator, 0, 0, 0, 0));
    }

    private static final String EML = String.join(
            "\r\n",
            "From: \"Prize Center\" <winner@spam.example>",
            "To: victim@example.cn",
            "Subject: =?UTF-8?B?5oGt5Zac5Lit5aWW?=",
            "Date: Sat, 28 Nov 2026 10:00:00 +0800",
            "MIME-Version: 1.0",
            "Content-Type: multipart/alternative; boundary=\"b1\"",
            "",
            "--b1",
            "Content-Type: text/plain; charset=UTF-8",
            "Content-Transfer-Encoding: 8bit",
            "",
            "您已中奖，请点击链接领取",
            "--b1",
            "Content-Type: text/html; charset=UTF-8",
            "",
            "<p>您已中奖</p>",
            "--b1--",
            "");

    @Test
    void forwardedSpamEmailIsParsedIntoAReport() throws Exception {
        var file = new org.springframework.mock.web.MockMultipartFile(
                "file", "spam.eml", "message/rfc822", EML.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/api/v1/spam/eml")
                        .file(file)
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.category").value("SPAM_EMAIL"))
                .andExpect(jsonPath("$.channel").value("EMAIL"))
                .andExpect(jsonPath("$.reportedParty").value("winner@spam.example"))
                .andExpect(jsonPath("$.content").value("恭喜中奖\n您已中奖，请点击链接领取"));
    }

    @Test
    void emailFilesWithoutSenderOrTextAreRefused() {
        String noBody = EML.substring(0, EML.indexOf("MIME-Version")) + "\r\n";
        assertThatThrownBy(() -> desk.submitEmail(noBody.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.emlNoBody"));
        assertThatThrownBy(() -> desk.submitEmail(new byte[0]))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.emlEmpty"));
        assertThatThrownBy(() -> desk.submitEmail(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2, 3}))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.emlNotMail"));
    }

    @Test
    void chineseEmailInGbkIsReadAndAnOversizedOneRefused() {
        String gbkMail = String.join(
                "\r\n",
                "From: <kefu@bank-notice.example>",
                "Subject: =?GB2312?B?" + java.util.Base64.getEncoder().encodeToString("朱镕账户异常".getBytes(GBK)) + "?=",
                "Date: Sat, 28 Nov 2026 10:00:00 +0800",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=gb2312",
                "Content-Transfer-Encoding: 8bit",
                "",
                "");
        // 镕 is in GBK but not in GB2312: mail that declares gb2312 often carries GBK.
        byte[] body = "尊敬的客户朱镕：您的账户异常，请点击链接验证".getBytes(GBK);
        // No charset anywhere: the subject as raw eight-bit bytes, the body without a Content-Type.
        byte[] undeclared = gbkMail.replace("Content-Type: text/plain; charset=gb2312\r\n", "")
                .replaceFirst("Subject: [^\r]*", "Subject: 镕账户冻结通知")
                .getBytes(GBK);

        ReportView declared = desk.submitEmail(concat(gbkMail.getBytes(GBK), body));
        assertThat(declared.content()).isEqualTo("朱镕账户异常\n尊敬的客户朱镕：您的账户异常，请点击链接验证");
        assertThat(desk.submitEmail(concat(undeclared, body)).content())
                .as("eight-bit Chinese text with no charset")
                .isEqualTo("镕账户冻结通知\n尊敬的客户朱镕：您的账户异常，请点击链接验证");

        byte[] huge = concat(EML.getBytes(java.nio.charset.StandardCharsets.UTF_8), new byte[6 * 1024 * 1024]);
        assertThatThrownBy(() -> desk.submitEmail(huge))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::field, FieldProblem::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("file", "spam.invalid.emlTooLarge")));
    }

    private static final java.nio.charset.Charset GBK = java.nio.charset.Charset.forName("GBK");

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    private static final byte[] PNG = {
        (byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1
    };

    @Test
    void screenshotIsKeptWithTheReportAndServedToStaff() throws Exception {
        String sender = mobile();
        MvcResult result = mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/public/reports")
                                .file(new org.springframework.mock.web.MockMultipartFile(
                                        "screenshot", "短信截图.png", "image/png", PNG))
                                .param("category", "SPAM_SMS")
                                .param("reportedParty", sender)
                                .param("content", "截图为证")
                                .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("tracking-number")))
                .andReturn();
        long id = ((ReportView) result.getModelAndView().getModel().get("report")).id();
        AttachmentView attachment = desk.attachments(org.telereg.platform.access.DataScope.all(), id)
                .get(0);
        assertThat(attachment.contentType()).isEqualTo("image/png");
        assertThat(attachment.fileName()).isEqualTo("短信截图.png");

        mvc.perform(get("/console/spam/{id}/attachments/{a}", id, attachment.id())
                        .with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(PNG));
        // The number is a Beijing one: Guangdong's administration does not see the report.
        mvc.perform(get("/console/spam/{id}/attachments/{a}", id, attachment.id())
                        .with(as(users, "gd")))
                .andExpect(status().isNotFound());
    }

    @Test
    void disguisedOrOversizedScreenshotRefusesTheWholeReport() throws Exception {
        long before =
                jdbc.sql("select count(*) from spam_report").query(Long.class).single();
        byte[] program = "MZ\u0090\u0000 this is an executable".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/public/reports")
                        .file(new org.springframework.mock.web.MockMultipartFile(
                                "screenshot", "photo.png", "image/png", program))
                        .param("category", "SPAM_SMS")
                        .param("reportedParty", mobile())
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("只接受 PNG、JPEG、GIF 或 WebP 图片")));
        assertThatThrownBy(() -> desk.submitWithScreenshot(
                        new NewReport("SPAM_SMS", mobile(), "x", null), "empty.png", new byte[0]))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.attachmentEmpty"));
        byte[] huge = java.util.Arrays.copyOf(PNG, 3 * 1024 * 1024);
        assertThatThrownBy(() ->
                        desk.submitWithScreenshot(new NewReport("SPAM_SMS", mobile(), "x", null), "big.png", huge))
                .satisfies(e -> assertThat(((RejectedInputException) e).problems())
                        .extracting(FieldProblem::code)
                        .containsExactly("spam.invalid.attachmentTooLarge"));

        assertThat(jdbc.sql("select count(*) from spam_report")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void reportedMessageIsScreenedAndAFraudCategorySuggested() throws Exception {
        ReportView report = desk.submit(
                ReportChannel.WEB,
                new NewReport("SPAM_SMS", mobile(), "【公安局】您涉嫌一起洗钱案件，请立即将资金转入安全账户配合调查，否则将冻结您名下所有银行卡", null));

        assertThat(report.screeningVerdict()).isEqualTo("fraud");
        assertThat(report.screeningScore()).isGreaterThan(new java.math.BigDecimal("0.5"));
        assertThat(report.suggestedCategory()).isEqualTo(ReportCategory.FRAUD_SMS);
        mvc.perform(get("/console/spam/{id}", report.id()).with(as(users, "officer")))
                .andExpect(content().string(Matchers.containsString("建议类别：诈骗短信")));

        ReportView call = desk.submit(ReportChannel.WEB, new NewReport("CRANK_CALL", mobile(), "推销保险", null));
        assertThat(call.screeningVerdict()).isNull();
    }
}

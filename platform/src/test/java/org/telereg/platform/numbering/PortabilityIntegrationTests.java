package org.telereg.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.insight.NumberFacts;
import org.telereg.platform.insight.NumberPanel;
import org.telereg.platform.realname.SnapshotImport;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PortabilityIntegrationTests {

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @Autowired
    Carriers carriers;

    @Autowired
    PortabilityRules rules;

    @Autowired
    PortRestrictions restrictions;

    @Autowired
    PortOrders orders;

    @Autowired
    ObstructionIndex obstruction;

    @Autowired
    NumberResources resources;

    @Autowired
    SnapshotImport imports;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    List<NumberFacts> panels;

    @Autowired
    Clock clock;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    private Porting porting;
    private String cmcc;
    private String cucc;
    private String ctcc;

    @BeforeEach
    void subscribers() {
        porting = new Porting(resources, imports, access, users);
        cmcc = porting.creditCode("OP-CMCC");
        cucc = porting.creditCode("OP-CUCC");
        ctcc = porting.creditCode("OP-CTCC");
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(Carriers.CHINA));
    }

    private static Instant beijing(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(Carriers.CHINA).toInstant();
    }

    private Actor operator(String user) {
        return SignIn.actor(users, user);
    }

    private String province(String number) {
        return carriers.carrierAt(number, clock.instant()).provinceCode();
    }

    private String requestCode(Porting.Subscriber subscriber) throws Exception {
        String body = mvc.perform(post("/api/v1/numbers/sms-commands")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sms(subscriber.number(), "SQXZ#" + subscriber.name() + "#" + subscriber.idNumber())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("CODE_ISSUED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher code = CODE.matcher(body);
        assertThat(code.find()).as(body).isTrue();
        return code.group(1);
    }

    private static String sms(String from, String text) {
        return "{\"from\":\"" + from + "\",\"text\":\"" + text + "\"}";
    }

    private static String order(Porting.Subscriber s, String code, String province) {
        return "{\"number\":\"" + s.number() + "\",\"authCode\":\"" + code + "\",\"name\":\"" + s.name()
                + "\",\"documentNumber\":\"" + s.idNumber() + "\",\"provinceCode\":\"" + province + "\"}";
    }

    @Test
    void theCarrierOnADateIsTheRecipientOfTheLastPortThatTookEffectBeforeItElseTheBlockHolder() throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(LocalDate.of(2024, 1, 5));
        String number = subscriber.number();
        orders.recordPast(
                number,
                province(number),
                cmcc,
                cucc,
                PortStatus.COMPLETED,
                null,
                beijing("2025-03-10T09:12:00"),
                beijing("2025-03-10T10:00:00"));
        orders.recordPast(
                number,
                province(number),
                cucc,
                ctcc,
                PortStatus.COMPLETED,
                null,
                beijing("2025-09-01T08:00:00"),
                beijing("2025-09-01T09:00:00"));

        assertThat(carriers.carrierAt(number, beijing("2025-03-10T09:59:59")).carrierCreditCode())
                .isEqualTo(cmcc);
        assertThat(carriers.carrierAt(number, beijing("2025-03-10T10:00:00")).carrierCreditCode())
                .as("in force from its whole hour")
                .isEqualTo(cucc);
        assertThat(carriers.carrierAt(number, beijing("2025-09-01T09:00:00")).carrierCreditCode())
                .isEqualTo(ctcc);

        // A date means its first instant: the port of 10:00 that day is not yet in force.
        mvc.perform(get("/api/v1/numbers/{n}/carrier", number)
                        .param("date", "2025-03-10")
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.carrierCreditCode").value(cmcc))
                .andExpect(jsonPath("$.holderCreditCode").value(cmcc))
                .andExpect(jsonPath("$.portedAt").doesNotExist());
        mvc.perform(get("/api/v1/numbers/{n}/carrier", number)
                        .param("date", "2025-03-11")
                        .with(as(users, "isp")))
                .andExpect(jsonPath("$.carrierCreditCode").value(cucc))
                .andExpect(jsonPath("$.portedAt").value("2025-03-10T10:00:00+08:00"));
        mvc.perform(get("/api/v1/numbers/{n}/carrier", "+86 " + number).with(as(users, "isp")))
                .andExpect(jsonPath("$.number").value(number))
                .andExpect(jsonPath("$.carrierCreditCode").value(ctcc))
                .andExpect(jsonPath("$.holderCreditCode").value(cmcc));
    }

    @Test
    void aBadNumberOrDateIsNamedAndANumberOfNoBlockIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/numbers/{n}/carrier", "1385")
                        .param("date", "2025-13-01")
                        .with(as(users, "officer")))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("number", "date")));
        mvc.perform(get("/api/v1/numbers/{n}/carrier", "16900000001").with(as(users, "officer")))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void aBulkLookupAnswersEveryNumberInOrderAndMarksTheUnknown() throws Exception {
        String held = porting.unregisteredCmcc();
        mvc.perform(post("/api/v1/numbers/carriers")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"numbers\":[\"" + held + "\",\"16900000002\"],\"date\":\"2025-06-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].number").value(held))
                .andExpect(jsonPath("$[0].known").value(true))
                .andExpect(jsonPath("$[0].carrierCreditCode").value(cmcc))
                .andExpect(jsonPath("$[1].known").value(false))
                .andExpect(jsonPath("$[1].carrierCreditCode").doesNotExist());
    }

    @Test
    void aBulkLookupNamesBadNumbersByIndexAndRefusesBadBodies() throws Exception {
        mvc.perform(post("/api/v1/numbers/carriers")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"numbers\":[\"13800138000\",\"12345\",null,\"<script>\"],\"date\":\"yesterday\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.containsInAnyOrder("numbers[1]", "numbers[2]", "numbers[3]", "date")));
        mvc.perform(post("/api/v1/numbers/carriers")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numbers"));
        mvc.perform(post("/api/v1/numbers/carriers")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"numbers\": [\"138"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
        List<String> tooMany = new ArrayList<>();
        for (int i = 0; i <= carriers.bulkMax(); i++) {
            tooMany.add("\"13800" + String.format("%06d", i) + "\"");
        }
        mvc.perform(post("/api/v1/numbers/carriers")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"numbers\":[" + String.join(",", tooMany) + "]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("numbers"))
                .andExpect(jsonPath("$.errors[0].code").value("numbering.invalid.tooMany"));
    }

    @Test
    void aRegisteredNormalNumberActivatedLongAgoMayPort() {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        Eligibility eligibility = rules.check(subscriber.number(), clock.instant());
        assertThat(eligibility.reasons()).isEmpty();
        assertThat(eligibility.carrier().carrierCreditCode()).isEqualTo(cmcc);
    }

    @Test
    void aRefusalGivesEveryReasonThatApplies() {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(10), "SUSPENDED");
        Actor donor = operator("cmcc");
        restrictions.record(
                donor, subscriber.number(), RestrictionKind.ARREARS, new NewRestriction("35.20", null, null));
        restrictions.record(
                donor,
                subscriber.number(),
                RestrictionKind.CONTRACT,
                new NewRestriction(null, today().plusMonths(3).toString(), "合约机"));

        assertThat(rules.check(subscriber.number(), clock.instant()).reasons())
                .containsExactly(
                        Ineligibility.NOT_NORMAL,
                        Ineligibility.ARREARS,
                        Ineligibility.CONTRACT,
                        Ineligibility.RECENTLY_ACTIVATED);
        assertThat(rules.check(porting.unregisteredCmcc(), clock.instant()).reasons())
                .containsExactly(Ineligibility.NOT_REGISTERED);
    }

    @Test
    void settledBillsAndAnEndedContractNoLongerStopAPort() {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(300));
        Actor donor = operator("cmcc");
        restrictions.record(donor, subscriber.number(), RestrictionKind.ARREARS, new NewRestriction("12", null, null));
        restrictions.record(
                donor,
                subscriber.number(),
                RestrictionKind.CONTRACT,
                new NewRestriction(null, today().minusDays(1).toString(), null));
        assertThat(rules.check(subscriber.number(), clock.instant()).reasons())
                .as("a contract that ended yesterday is over")
                .containsExactly(Ineligibility.ARREARS);

        restrictions.clear(donor, subscriber.number(), RestrictionKind.ARREARS);
        restrictions.clear(donor, subscriber.number(), RestrictionKind.ARREARS);
        assertThat(rules.check(subscriber.number(), clock.instant()).reasons()).isEmpty();
    }

    @Test
    void onlyTheCarrierRecordsRestrictionsAndRecordingTwiceIsHarmless() throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(300));
        String path = "/api/v1/numbers/" + subscriber.number() + "/restrictions/ARREARS";
        for (int i = 0; i < 2; i++) {
            mvc.perform(put(path)
                            .with(as(users, "cmcc"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content("{\"amount\":\"88.50\"}"))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.amount").value(88.50));
        }
        mvc.perform(get("/api/v1/numbers/{n}/restrictions", subscriber.number()).with(as(users, "cmcc")))
                .andExpect(jsonPath("$.length()").value(1));
        mvc.perform(put(path)
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isForbidden());
        mvc.perform(put(path)
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":\"-3\",\"endsOn\":\"2026-01-01\",\"note\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.containsInAnyOrder("amount", "endsOn")));
        mvc.perform(delete(path).with(as(users, "cmcc")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(delete(path).with(as(users, "cmcc")).with(csrf())).andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/numbers/{n}/eligibility", subscriber.number()).with(as(users, "cmcc")))
                .andExpect(jsonPath("$.eligible").value(true));
    }

    @Test
    void oneHundredAndTwentyDaysSinceActivationIsEnoughAndOneDayLessIsNot() {
        Porting.Subscriber enough = porting.cmcc(today().minusDays(120));
        Porting.Subscriber tooSoon = porting.cmcc(today().minusDays(119));
        assertThat(rules.check(enough.number(), clock.instant()).reasons()).isEmpty();
        assertThat(rules.check(tooSoon.number(), clock.instant()).reasons())
                .containsExactly(Ineligibility.RECENTLY_ACTIVATED);
    }

    @Test
    void aNumberPortsAgainOnlyOneHundredAndTwentyDaysAfterItsLastPort() {
        Porting.Subscriber enough = porting.cmcc(today().minusDays(400));
        Porting.Subscriber tooSoon = porting.cmcc(today().minusDays(400));
        for (Porting.Subscriber s : List.of(enough, tooSoon)) {
            LocalDate portedOn = today().minusDays(s == enough ? 120 : 119);
            Instant effective = portedOn.atTime(10, 0).atZone(Carriers.CHINA).toInstant();
            orders.recordPast(
                    s.number(),
                    province(s.number()),
                    cmcc,
                    cucc,
                    PortStatus.COMPLETED,
                    null,
                    effective.minus(Duration.ofMinutes(30)),
                    effective);
            porting.register(Porting.CUCC_USER, s, today().minusDays(400));
        }
        Eligibility eligible = rules.check(enough.number(), clock.instant());
        assertThat(eligible.carrier().carrierCreditCode()).isEqualTo(cucc);
        assertThat(eligible.reasons()).isEmpty();
        assertThat(rules.check(tooSoon.number(), clock.instant()).reasons())
                .containsExactly(Ineligibility.RECENTLY_PORTED);
    }

    @Test
    void dataAndIotNumbersNeverPort() {
        Porting.Subscriber iot = porting.registered("cmcc", "OP-CMCC", "1475", today().minusDays(400), "NORMAL");
        assertThat(rules.check(iot.number(), clock.instant()).reasons()).containsExactly(Ineligibility.IOT_NUMBER);
    }

    @Test
    void cxxzAnswersEligibilityAndExplainsEveryRefusalInChinese() throws Exception {
        Porting.Subscriber ok = porting.cmcc(today().minusDays(400));
        mvc.perform(post("/api/v1/numbers/sms-commands")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sms(
                                ok.number(),
                                " cxxz ＃" + ok.name() + "＃ " + ok.idNumber().toLowerCase() + " ")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.command").value("CXXZ"))
                .andExpect(jsonPath("$.outcome").value("ELIGIBLE"))
                .andExpect(jsonPath("$.text").value(Matchers.containsString("符合携号转网条件")));

        Porting.Subscriber young = porting.cmcc(today().minusDays(30));
        restrictions.record(
                operator("cmcc"), young.number(), RestrictionKind.ARREARS, new NewRestriction(null, null, null));
        mvc.perform(post("/api/v1/numbers/sms-commands")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sms(young.number(), "CXXZ#" + young.name() + "#" + young.idNumber())))
                .andExpect(jsonPath("$.outcome").value("INELIGIBLE"))
                .andExpect(jsonPath("$.reasons", Matchers.contains("ARREARS", "RECENTLY_ACTIVATED")))
                .andExpect(jsonPath("$.text")
                        .value(Matchers.allOf(Matchers.containsString("欠费"), Matchers.containsString("入网未满"))));
    }

    @Test
    void smsCommandsThatAreMalformedOrNameSomeoneElseAreAnsweredSo() throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        for (String text : List.of("", "CXXZ", "CXXZ#" + subscriber.name(), "XHZW#张三#110105196001010018", "CXXZ##1")) {
            mvc.perform(post("/api/v1/numbers/sms-commands")
                            .with(as(users, "cmcc"))
                            .with(csrf())
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(sms(subscriber.number(), text)))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.outcome").value("MALFORMED"))
                    .andExpect(jsonPath("$.text").value(Matchers.containsString("CXXZ#姓名#证件号码")));
        }
        mvc.perform(post("/api/v1/numbers/sms-commands")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sms(subscriber.number(), "SQXZ#张三#" + subscriber.idNumber())))
                .andExpect(jsonPath("$.outcome").value("HOLDER_MISMATCH"));
        mvc.perform(post("/api/v1/numbers/sms-commands")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sms(subscriber.number(), "CXXZ#" + subscriber.name() + "#" + subscriber.idNumber())))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/numbers/sms-commands")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(sms("12345", "CXXZ#a#b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("from"));
    }

    @Test
    void aPortOrderWithTheUsersCodeTakesEffectAtTheNextWholeHourAndTheCodeWorksOnce() throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        String code = requestCode(subscriber);
        String province = province(subscriber.number());
        Instant before = clock.instant();
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(subscriber, code, province)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SCHEDULED"))
                .andExpect(jsonPath("$.donorCreditCode").value(cmcc))
                .andExpect(jsonPath("$.recipientCreditCode").value(cucc));
        PortOrderView saved = orders.search(
                        DataScope.enterprise(cucc),
                        new PortOrderSearch(null, null, subscriber.number(), null, null),
                        PageRequest.of(0, 5))
                .getContent()
                .get(0);
        assertThat(saved.effectiveAt().toInstant())
                .isEqualTo(PortOrders.nextWholeHour(saved.submittedAt().toInstant()));
        assertThat(saved.effectiveAt().getMinute()).isZero();
        assertThat(saved.effectiveAt().toInstant()).isAfter(before);
        assertThat(carriers.carrierAt(subscriber.number(), clock.instant()).carrierCreditCode())
                .as("not before its hour")
                .isEqualTo(cmcc);
        assertThat(carriers.carrierAt(subscriber.number(), saved.effectiveAt().toInstant())
                        .carrierCreditCode())
                .isEqualTo(cucc);

        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CTCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(subscriber, code, province)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", Matchers.hasItem("authCode")))
                .andExpect(jsonPath("$.errors[*].code", Matchers.hasItem("numbering.reason.PORT_PENDING")));
    }

    @Test
    void aPortOrderNamesEveryFieldThatFails() throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        String code = requestCode(subscriber);
        String wrongCode = code.equals("000000") ? "000001" : "000000";
        String otherProvince = "44".equals(province(subscriber.number())) ? "11" : "44";
        Porting.Subscriber impostor =
                new Porting.Subscriber(subscriber.number(), subscriber.name() + "乙", Porting.residentId());
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(impostor, wrongCode, otherProvince)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.containsInAnyOrder("authCode", "provinceCode", "name", "documentNumber")))
                .andExpect(jsonPath("$.errors[*].code", Matchers.hasItem("numbering.reason.OTHER_LOCAL_NETWORK")));
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"number\":\"1\",\"authCode\":\"12ab\",\"provinceCode\":\"99\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.containsInAnyOrder("number", "authCode", "name", "documentNumber", "provinceCode")));
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(subscriber, code, province(subscriber.number()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].code", Matchers.hasItem("numbering.reason.SAME_OPERATOR")));
        // The right code still works after the failed attempts above (fewer than code-attempts).
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(subscriber, code, province(subscriber.number()))))
                .andExpect(status().isCreated());
    }

    @Test
    void theRecipientCancelsAndTheDonorRefusesWithAReasonBeforeTheHour() throws Exception {
        Porting.Subscriber first = porting.cmcc(today().minusDays(400));
        submit(first);
        PortOrderView cancelled = orders.cancel(operator(Porting.CUCC_USER), idOf(first), "用户改变主意");
        assertThat(cancelled.status()).isEqualTo(PortStatus.CANCELLED);
        assertThat(carriers.carrierAt(first.number(), clock.instant().plus(Duration.ofDays(1)))
                        .carrierCreditCode())
                .isEqualTo(cmcc);

        Porting.Subscriber second = porting.cmcc(today().minusDays(400));
        submit(second);
        long id = idOf(second);
        assertThatThrownBy(() -> orders.refuse(operator(Porting.CUCC_USER), id, "ARREARS", null))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> orders.refuse(operator("cmcc"), id, "OTHER", " "))
                .isInstanceOf(RejectedInputException.class)
                .extracting(e -> ((RejectedInputException) e)
                        .problems().stream().map(FieldProblem::field).toList())
                .isEqualTo(List.of("note"));
        mvc.perform(post("/console/porting/{id}/refuse", id)
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .param("reason", "CONTRACT")
                        .param("note", "合约未到期"))
                .andExpect(status().is3xxRedirection());
        PortOrderView refused = orders.find(DataScope.all(), id).orElseThrow();
        assertThat(refused.status()).isEqualTo(PortStatus.REFUSED);
        assertThat(refused.refusalReason()).isEqualTo(DonorRefusal.CONTRACT);
        mvc.perform(get("/console/porting/{id}", id).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("合约期内")))
                .andExpect(content().string(Matchers.containsString("携出方拒绝")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"refuse\""))));
        assertThatThrownBy(() -> orders.cancel(operator(Porting.CUCC_USER), id, null))
                .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void operatorsSeeOnlyOrdersTheyAreDonorOrRecipientOf() throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        submit(subscriber);
        long id = idOf(subscriber);
        String masked = subscriber.number().substring(0, 3) + "****"
                + subscriber.number().substring(7);
        mvc.perform(get("/console/porting").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(masked)))
                .andExpect(content().string(Matchers.not(Matchers.containsString(subscriber.number()))));
        mvc.perform(get("/console/porting/{id}", id).with(as(users, Porting.CUCC_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"cancel\"")));
        mvc.perform(get("/console/porting/{id}", id).with(as(users, Porting.CTCC_USER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/numbers/port-orders/{id}", id).with(as(users, Porting.CTCC_USER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/numbers/port-orders")
                        .param("number", subscriber.number())
                        .with(as(users, Porting.CTCC_USER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/numbers/port-orders")
                        .param("number", subscriber.number())
                        .with(as(users, Porting.CUCC_USER)))
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/numbers/port-orders").param("number", "abc").with(as(users, "cmcc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(get("/console/porting").with(as(users, Porting.CTCC_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(masked))));
        String otherProvince = "44".equals(province(subscriber.number())) ? "bj" : "gd";
        mvc.perform(get("/console/porting/{id}", id).with(as(users, otherProvince)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/porting").with(as(users, "isp"))).andExpect(status().isForbidden());
    }

    @Test
    void theObstructionIndexRanksDonorsByRefusalsCancellationsDelayAndAppeals() throws Exception {
        String[] numbers = {
            porting.unregisteredCmcc(),
            porting.unregisteredCmcc(),
            porting.unregisteredCmcc(),
            porting.unregisteredCmcc()
        };
        String province = province(numbers[0]);
        orders.recordPast(
                numbers[0],
                province,
                cmcc,
                cucc,
                PortStatus.REFUSED,
                DonorRefusal.ARREARS,
                beijing("2019-03-04T09:00:00"),
                beijing("2019-03-04T10:00:00"));
        orders.recordPast(
                numbers[1],
                province,
                cmcc,
                cucc,
                PortStatus.CANCELLED,
                null,
                beijing("2019-03-05T09:00:00"),
                beijing("2019-03-05T10:00:00"));
        orders.recordPast(
                numbers[2],
                province,
                cmcc,
                ctcc,
                PortStatus.COMPLETED,
                null,
                beijing("2019-03-06T08:00:00"),
                beijing("2019-03-06T10:00:00"));
        orders.recordPast(
                numbers[3],
                province,
                cmcc,
                ctcc,
                PortStatus.COMPLETED,
                null,
                beijing("2019-03-07T06:00:00"),
                beijing("2019-03-07T10:00:00"));

        List<OperatorObstruction> ranked =
                obstruction.rank(beijing("2019-03-01T00:00:00"), beijing("2019-04-01T00:00:00"));
        assertThat(ranked).hasSize(1);
        OperatorObstruction line = ranked.get(0);
        assertThat(line.creditCode()).isEqualTo(cmcc);
        assertThat(line.orders()).isEqualTo(4);
        assertThat(line.refusals()).containsEntry(DonorRefusal.ARREARS, 1L);
        assertThat(line.cancelled()).isEqualTo(1);
        assertThat(line.medianDelayHours()).isEqualTo(3.0);
        // 100 × (0.4 × 1/4 + 0.2 × 1/4 + 0.2 × 3/24 + 0)
        assertThat(line.index()).isEqualTo(17.5);

        mvc.perform(get("/console/porting/obstruction")
                        .param("from", "2019-03-01")
                        .param("to", "2019-03-31")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("17.5")));
        mvc.perform(get("/console/porting/obstruction").with(as(users, "cmcc"))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/numbers/obstruction-index")
                        .param("from", "2019-03-01")
                        .param("to", "2019-03-31")
                        .with(as(users, "officer")))
                .andExpect(jsonPath("$[0].index").value(17.5));
    }

    @Test
    void theNumberPagePanelShowsTheCarrierTheHolderAndThePortsTheScopeMaySee() {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        orders.recordPast(
                subscriber.number(),
                province(subscriber.number()),
                cmcc,
                cucc,
                PortStatus.COMPLETED,
                null,
                beijing("2025-05-01T09:30:00"),
                beijing("2025-05-01T10:00:00"));
        NumberFacts panel = panels.stream()
                .filter(p -> p instanceof PortingPanel)
                .findFirst()
                .orElseThrow();
        NumberPanel all = panel.panel(DataScope.all(), subscriber.number()).orElseThrow();
        assertThat(all.facts())
                .extracting(NumberPanel.Fact::labelKey)
                .containsExactly("numbering.panel.carrier", "numbering.panel.holder", "numbering.panel.port");
        assertThat(all.facts().get(0).text()).isEqualTo("中国联合网络通信集团有限公司");
        assertThat(all.facts().get(2).text()).startsWith("2025-05-01 10:00");
        assertThat(panel.panel(DataScope.enterprise(ctcc), subscriber.number())
                        .orElseThrow()
                        .facts())
                .extracting(NumberPanel.Fact::labelKey)
                .doesNotContain("numbering.panel.port");
        assertThat(panel.panel(DataScope.all(), "16900000003")).isEmpty();
    }

    @Test
    void neitherTheUsersNameAndIdNorTheCodeAreKeptOrLogged(CapturedOutput output) throws Exception {
        Porting.Subscriber subscriber = porting.cmcc(today().minusDays(400));
        String code = requestCode(subscriber);
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(subscriber, code, province(subscriber.number()))))
                .andExpect(status().isCreated());
        long id = idOf(subscriber);
        // The audit log is written after each commit, off the request thread.
        await().atMost(Duration.ofSeconds(10))
                .until(() ->
                        jdbc.sql("select count(*) from audit_log where entity_type = 'PortOrder' and entity_id = :id")
                                        .param("id", Long.toString(id))
                                        .query(Long.class)
                                        .single()
                                > 0);

        List<String> hits = new ArrayList<>();
        List<String> secrets = List.of(subscriber.name(), subscriber.idNumber(), code);
        for (String query : List.of(
                "select * from numbering_port_order",
                "select * from numbering_port_code",
                "select * from numbering_port_restriction",
                "select * from audit_log where module = 'numbering'")) {
            for (Map<String, Object> row : jdbc.sql(query).query().listOfRows()) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    String text = String.valueOf(cell.getValue());
                    for (String secret : secrets) {
                        if (text.contains(secret)) {
                            hits.add(query + ": " + cell.getKey() + " holds " + secret);
                        }
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
        assertThat(output.getAll()).doesNotContain(subscriber.name(), subscriber.idNumber());
    }

    private void submit(Porting.Subscriber subscriber) throws Exception {
        String code = requestCode(subscriber);
        mvc.perform(post("/api/v1/numbers/port-orders")
                        .with(as(users, Porting.CUCC_USER))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(order(subscriber, code, province(subscriber.number()))))
                .andExpect(status().isCreated());
    }

    private long idOf(Porting.Subscriber subscriber) {
        return orders.search(
                        DataScope.all(),
                        new PortOrderSearch(null, null, subscriber.number(), null, null),
                        PageRequest.of(0, 1))
                .getContent()
                .get(0)
                .id();
    }
}

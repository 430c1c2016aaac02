package org.telereg.platform.numbering;

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

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditLog;
import org.telereg.platform.audit.AuditQuery;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class NumberResourcesIntegrationTests {

    private static final AtomicInteger SERIAL = new AtomicInteger(100);

    @Autowired
    NumberResources resources;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditLog auditLog;

    @Autowired
    MockMvc mvc;

    private List<CompanyView> registered;

    @BeforeEach
    void companies() {
        registered = companies
                .search(DataScope.all(), CompanySearch.everything(), PageRequest.of(0, 5))
                .getContent();
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    /** A port no other test (nor the demo data, which uses 10690…, 10691…, 10655…) allocates. */
    private static String freshPort() {
        return "10697" + SERIAL.incrementAndGet();
    }

    private NewAllocation port(String prefix, String province, CompanyView holder, String carrier, String on) {
        return new NewAllocation("SMS_PORT", prefix, province, holder.creditCode(), carrier, on, "工信部码号〔2026〕1号");
    }

    @Test
    void theLongestAllocatedPrefixHoldingOnTheDayNamesTheHolderAndTheCarrier() {
        Actor ministry = SignIn.actor(users, "officer");
        String port = freshPort();
        AllocationView allocation =
                resources.allocate(ministry, port(port, "", registered.get(0), "OP-CMCC", "2025-06-01"));

        // Senders append extension digits to their port.
        String sender = port + "8801";
        assertThat(resources.holderOf(sender, LocalDate.of(2025, 6, 1))).hasValueSatisfying(found -> {
            assertThat(found.prefix()).isEqualTo(port);
            assertThat(found.holderName()).isEqualTo(registered.get(0).name());
            assertThat(found.carrierName()).isEqualTo("中国移动通信集团有限公司");
            assertThat(found.provinceCode()).isNull();
        });
        assertThat(resources.holderOf(sender, LocalDate.of(2025, 5, 31)))
                .as("before allocation")
                .isEmpty();
        assertThat(resources.holderOf("10696" + sender.substring(5), LocalDate.of(2025, 6, 1)))
                .isEmpty();

        resources.withdraw(ministry, allocation.id(), "2026-01-01", "使用单位申请注销");

        assertThat(resources.holderOf(sender, LocalDate.of(2025, 12, 31))).isPresent();
        assertThat(resources.holderOf(sender, LocalDate.of(2026, 1, 1)))
                .as("withdrawn")
                .isEmpty();
        // The audit log is written after each commit, off the request thread.
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(auditLog.search(
                                        new AuditQuery("numbering", null, "Allocation", port, null, null, null),
                                        PageRequest.of(0, 10))
                                .getContent())
                        .extracting(entry -> entry.action())
                        .containsExactlyInAnyOrder("allocated", "withdrawn"));

        // Once withdrawn, the block can go to someone else.
        resources.allocate(ministry, port(port, "", registered.get(1), "OP-CUCC", "2026-02-01"));
        assertThat(resources.holderOf(sender, LocalDate.of(2026, 2, 1)))
                .hasValueSatisfying(found -> assertThat(found.holderName())
                        .isEqualTo(registered.get(1).name()));
    }

    @Test
    void aHolderRecordsAProvincialBlockInsideItsNationalOneAndTheLongerPrefixNamesTheProvince() {
        Actor ministry = SignIn.actor(users, "officer");
        String port = freshPort();
        resources.allocate(ministry, port(port, "", registered.get(0), "OP-CMCC", "2025-01-01"));

        resources.allocate(ministry, port(port + "7", "44", registered.get(0), "OP-CMCC", "2025-02-01"));

        assertThat(resources.holderOf(port + "71", LocalDate.of(2025, 3, 1)))
                .hasValueSatisfying(found -> assertThat(found.provinceCode()).isEqualTo("44"));
        assertThat(resources.holderOf(port + "81", LocalDate.of(2025, 3, 1)))
                .hasValueSatisfying(found -> assertThat(found.provinceCode()).isNull());
        assertThat(problems(() -> resources.allocate(
                        ministry, port(port + "8", "44", registered.get(1), "OP-CMCC", "2025-02-01"))))
                .as("another holder's block inside it overlaps")
                .extracting(FieldProblem::code)
                .containsExactly("numbering.invalid.overlap");
    }

    @Test
    void refusesBadPrefixesUnknownHoldersMissingCarriersAndOverlaps() {
        Actor ministry = SignIn.actor(users, "officer");
        String port = freshPort();
        resources.allocate(ministry, port(port, "", registered.get(0), "OP-CTCC", "2025-01-01"));

        assertThat(problems(() -> resources.allocate(
                        ministry,
                        new NewAllocation("SMS_PORT", "12345", "", "91110000000000000X", "", "2025-13-01", null))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("prefix", "numbering.invalid.prefix.SMS_PORT"),
                        org.assertj.core.groups.Tuple.tuple(
                                "holderCreditCode", "invalid.creditCode.BAD_CHECK_CHARACTER"),
                        org.assertj.core.groups.Tuple.tuple("carrierCode", "invalid.required"),
                        org.assertj.core.groups.Tuple.tuple("allocatedOn", "invalid.date"));
        assertThat(problems(() ->
                        resources.allocate(ministry, port(port + "9", "", registered.get(1), "OP-CMCC", "2025-03-01"))))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("prefix", "numbering.invalid.overlap"));
        assertThat(problems(() -> resources.allocate(
                        ministry,
                        port(port.substring(0, port.length() - 1), "", registered.get(1), "OP-CMCC", "2025-03-01"))))
                .as("a shorter prefix would swallow the held port")
                .extracting(FieldProblem::code)
                .containsExactly("numbering.invalid.overlap");
        assertThat(problems(() -> resources.allocate(
                        ministry,
                        new NewAllocation(
                                "SHORT_CODE",
                                "95" + SERIAL.incrementAndGet(),
                                "",
                                registered.get(0).creditCode(),
                                "OP-CMCC",
                                "2025-01-01",
                                null))))
                .extracting(FieldProblem::code)
                .containsExactly("numbering.invalid.carrierNotApplicable");
        assertThat(problems(() -> resources.allocate(
                        ministry, port(freshPort(), "", registered.get(0), "AP-DEMO", "2025-01-01"))))
                .as("an access provider carries no SMS ports")
                .extracting(FieldProblem::code)
                .containsExactly("numbering.invalid.carrier");
    }

    @Test
    void aProvincialAdministrationAllocatesSmsPortsOfItsOwnProvinceOnly() {
        Actor guangdong = SignIn.actor(users, "gd");

        assertThat(resources
                        .allocate(guangdong, port(freshPort(), "44", registered.get(0), "OP-CMCC", "2025-01-01"))
                        .provinceCode())
                .isEqualTo("44");
        assertThatThrownBy(() -> resources.allocate(
                        guangdong, port(freshPort(), "11", registered.get(0), "OP-CMCC", "2025-01-01")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resources.allocate(
                        guangdong, port(freshPort(), "", registered.get(0), "OP-CMCC", "2025-01-01")))
                .as("national ports are the ministry's")
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> resources.allocate(
                        SignIn.actor(users, "cmcc"), port(freshPort(), "", registered.get(0), "OP-CMCC", "2025-01-01")))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void consoleShowsTheRegisterAndExplainsARefusedAllocationInChinese() throws Exception {
        mvc.perform(get("/console/numbering").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("1069012345")))
                .andExpect(content().string(Matchers.containsString("id=\"allocate\"")));
        mvc.perform(get("/console/numbering").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"allocate\""))));
        mvc.perform(post("/console/numbering")
                        .param("kind", "SMS_PORT")
                        .param("prefix", "1096")
                        .param("holderCreditCode", registered.get(0).creditCode())
                        .param("carrierCode", "OP-CMCC")
                        .param("allocatedOn", "2025-01-01")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("短信端口应为 106 开头的 5 到 21 位数字")));
    }

    @Test
    void operatorSystemsLookUpTheHolderOfAPortThroughTheApi() throws Exception {
        mvc.perform(get("/api/v1/numbering/holders/{number}", "10690123456789").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.prefix").value("1069012345"))
                .andExpect(jsonPath("$.carrierName").value("中国移动通信集团有限公司"));
        mvc.perform(get("/api/v1/numbering/holders/{number}", "10699999999").with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/numbering/holders/{number}", "10690123456789")
                        .param("date", "yesterday")
                        .with(as(users, "cmcc")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("date"));
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

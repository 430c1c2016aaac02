package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
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

/** Store inspections: planning, results, compliance rates and who sees which inspection. */
@PlatformIntegrationTest
class StoreInspectionsIntegrationTests {

    /** Years long before the demo's inspections, one per test, so compliance periods never overlap. */
    private static final AtomicInteger YEARS = new AtomicInteger(2000);

    @Autowired
    StoreInspections inspections;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private String cmcc() {
        return access.organisation("OP-CMCC").orElseThrow().creditCode();
    }

    private String cucc() {
        return access.organisation("OP-CUCC").orElseThrow().creditCode();
    }

    private static String outlet() {
        return "测试营业厅-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private InspectionView planned(Actor actor, String operator, String province, LocalDate on) {
        return inspections.plan(
                actor, new InspectionPlanInput(operator, outlet(), province, "天河区", on.toString(), "检查员甲"));
    }

    private InspectionView done(
            Actor actor, String operator, String province, LocalDate on, boolean compliant, boolean terminated) {
        InspectionView plan = planned(actor, operator, province, on);
        return inspections.record(
                actor,
                plan.id(),
                new InspectionResultInput(
                        on.toString(),
                        Boolean.toString(compliant),
                        compliant ? null : "未核验证件原件",
                        Boolean.toString(terminated),
                        null));
    }

    @Test
    void thePlanFormRefusesEachBadFieldByName() {
        Actor gd = SignIn.actor(users, "gd");

        assertThatThrownBy(() -> inspections.plan(gd, new InspectionPlanInput("不存在", " ", "11", null, "明天", "")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(
                                        tuple("operator", "realname.inspection.unknownOperator"),
                                        tuple("outletName", "invalid.required"),
                                        tuple("province", "realname.inspection.provinceOutsideScope"),
                                        tuple("plannedOn", "invalid.date"),
                                        tuple("inspector", "invalid.required")));
    }

    @Test
    void aResultNeedsFindingsWhenNotCompliantAndNoFutureVisit() {
        Actor gd = SignIn.actor(users, "gd");
        InspectionView plan = planned(gd, cmcc(), "44", inspections.today());

        assertThatThrownBy(() -> inspections.record(
                        gd,
                        plan.id(),
                        new InspectionResultInput(
                                inspections.today().plusDays(1).toString(), "false", null, "maybe", "2000-01-01")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(
                                        tuple("doneOn", "invalid.future"),
                                        tuple("findings", "realname.inspection.findingsRequired"),
                                        tuple("outletTerminated", "invalid.choice")));
        assertThatThrownBy(() -> inspections.record(
                        gd,
                        plan.id(),
                        new InspectionResultInput(inspections.today().toString(), "false", " ", null, null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(tuple("findings", "realname.inspection.findingsRequired")));

        InspectionView done = inspections.record(
                gd,
                plan.id(),
                new InspectionResultInput(
                        inspections.today().toString(),
                        "false",
                        "代办未登记代办人",
                        "true",
                        inspections.today().plusDays(30).toString()));

        assertThat(done.status()).isEqualTo(InspectionStatus.DONE);
        assertThat(done.compliant()).isFalse();
        assertThat(done.outletTerminated()).isTrue();
        assertThat(done.recordedBy()).isEqualTo("gd");
        assertThatThrownBy(() -> inspections.record(
                        gd,
                        plan.id(),
                        new InspectionResultInput(inspections.today().toString(), "true", null, null, null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("realname.inspection.alreadyDone"));
    }

    @Test
    void theComplianceRateIsCompliantVisitsOverVisitsInThePeriod() {
        Actor ministry = SignIn.actor(users, "officer");
        int year = YEARS.incrementAndGet();
        LocalDate march = LocalDate.of(year, 3, 10);
        done(ministry, cmcc(), "44", march, true, false);
        done(ministry, cmcc(), "44", march, true, false);
        done(ministry, cmcc(), "11", march, true, false);
        done(ministry, cmcc(), "11", march, false, true);
        done(ministry, cucc(), "44", march, false, false);
        planned(ministry, cucc(), "44", march.plusDays(5));
        done(ministry, cucc(), "44", LocalDate.of(year, 5, 1), true, false);

        LocalDate from = LocalDate.of(year, 3, 1);
        LocalDate to = LocalDate.of(year, 3, 31);
        assertThat(inspections.byOperator(DataScope.all(), from, to))
                .extracting(
                        ComplianceRate::key,
                        ComplianceRate::planned,
                        ComplianceRate::done,
                        ComplianceRate::withFindings,
                        ComplianceRate::terminated,
                        r -> r.rate().toPlainString())
                .containsExactlyInAnyOrder(
                        tuple(cmcc(), 4L, 4L, 1L, 1L, "75.00"), tuple(cucc(), 2L, 1L, 1L, 0L, "0.00"));
        assertThat(inspections.byProvince(DataScope.province("44"), from, to))
                .extracting(
                        ComplianceRate::key, ComplianceRate::done, r -> r.rate().toPlainString())
                .containsExactly(tuple("44", 3L, "66.67"));
    }

    @Test
    void provincialOfficersPlanInTheirProvinceAndOperatorsOnlyReadTheirOwnOutlets() throws Exception {
        Actor ministry = SignIn.actor(users, "officer");
        int year = YEARS.incrementAndGet();
        InspectionView ownOutlet = planned(ministry, cmcc(), "11", LocalDate.of(year, 6, 1));
        InspectionView otherOperator = planned(ministry, cucc(), "11", LocalDate.of(year, 6, 1));
        InspectionView guangdong = planned(ministry, cmcc(), "44", LocalDate.of(year, 6, 1));
        StoreInspections.Search thatYear = new StoreInspections.Search(
                null, null, null, null, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));

        assertThat(inspections
                        .list(DataScope.enterprise(cmcc()), thatYear, PageRequest.of(0, 50))
                        .getContent())
                .extracting(InspectionView::id)
                .containsExactlyInAnyOrder(ownOutlet.id(), guangdong.id());
        assertThat(inspections
                        .list(DataScope.province("44"), thatYear, PageRequest.of(0, 50))
                        .getContent())
                .extracting(InspectionView::id)
                .containsExactly(guangdong.id());
        assertThatThrownBy(() -> inspections.plan(
                        SignIn.actor(users, "cmcc"),
                        new InspectionPlanInput(cmcc(), outlet(), "11", null, "2030-01-01", "自查")))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> inspections.record(
                        SignIn.actor(users, "gd"),
                        otherOperator.id(),
                        new InspectionResultInput("2020-01-01", "true", null, null, null)))
                .isInstanceOf(NoSuchElementException.class);
        mvc.perform(get("/console/realname/inspections/{id}", otherOperator.id())
                        .with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/realname/inspections/{id}", ownOutlet.id()).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"result-form\""))));
        mvc.perform(get("/console/realname/inspections/{id}", ownOutlet.id()).with(as(users, "bj")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"result-form\"")));
        mvc.perform(get("/api/v1/realname/inspections/{id}", guangdong.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
    }

    @Test
    void theConsolePlansAnInspectionAndShowsTheProblemsBesideTheFields() throws Exception {
        mvc.perform(post("/console/realname/inspections")
                        .param("operator", cmcc())
                        .param("outletName", "")
                        .param("province", "44")
                        .param("plannedOn", "2026-13-01")
                        .param("inspector", "检查员乙")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"form-errors\"")))
                .andExpect(content().string(Matchers.containsString("不是有效日期")));
        String name = outlet();
        mvc.perform(post("/console/realname/inspections")
                        .param("operator", cmcc())
                        .param("outletName", name)
                        .param("province", "44")
                        .param("plannedOn", "2026-12-20")
                        .param("inspector", "检查员乙")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/realname/inspections").param("q", name).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(name)))
                .andExpect(content().string(Matchers.containsString("id=\"compliance-byOperator\"")));
    }

    @Test
    void theApiPlansAndRecordsAndRefusesOperators() throws Exception {
        String name = outlet();
        String plan = """
                {"operator": "%s", "outletName": "%s", "province": "11", "plannedOn": "2025-01-05", "inspector": "王"}""".formatted(cmcc(), name);
        String answer = mvc.perform(post("/api/v1/realname/inspections")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(plan)
                        .with(as(users, "bj"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("PLANNED"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = Long.parseLong(answer.replaceAll(".*\"id\":(\\d+).*", "$1"));

        mvc.perform(post("/api/v1/realname/inspections/{id}/result", id)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"doneOn\": \"2025-01-06\", \"compliant\": false}")
                        .with(as(users, "bj"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("findings"));
        mvc.perform(post("/api/v1/realname/inspections")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(plan)
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }
}

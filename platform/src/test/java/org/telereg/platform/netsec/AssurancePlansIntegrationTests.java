package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class AssurancePlansIntegrationTests {

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AssurancePlans plans;

    @Autowired
    Clock clock;

    private final Actor ministry = Actor.system();

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    @Test
    void aPastDayWithoutAUnitsReportIsMissingAndRemindedOnce() {
        LocalDate today = LocalDate.now(clock);
        AssurancePlanView plan = plan(today.minusDays(3), today.plusDays(1), List.of("浙江"));
        Actor cmcc = SignIn.actor(users, "cmcc");
        for (int day = 3; day >= 1; day--) {
            plans.report(
                    cmcc, plan.id(), new NewAssuranceReport(today.minusDays(day).toString(), "NORMAL", null, null));
        }

        assertThat(plans.remindMissing()).isGreaterThanOrEqualTo(3);
        plans.remindMissing();

        assertThat(reminders(plan, "OP-CTCC")).isEqualTo(3);
        assertThat(reminders(plan, "OP-CMCC")).isZero();
        AssuranceReportGrid grid = plans.grid(plan, today);
        assertThat(grid.missing()).isEqualTo(3);
        assertThat(grid.rows())
                .filteredOn(row -> row.unit().organisationCode().equals("OP-CTCC"))
                .singleElement()
                .extracting(AssuranceReportGrid.Row::cells)
                .isEqualTo(List.of(
                        AssuranceReportGrid.Cell.MISSING,
                        AssuranceReportGrid.Cell.MISSING,
                        AssuranceReportGrid.Cell.MISSING,
                        AssuranceReportGrid.Cell.DUE,
                        AssuranceReportGrid.Cell.UPCOMING));

        plans.report(
                SignIn.actor(users, "cmcc"),
                plan.id(),
                new NewAssuranceReport(today.toString(), "EVENTS", "DDoS 攻击 8 Gbps", "流量清洗"));
        assertThat(plans.grid(plan, today).rows().get(0).cells().get(3)).isEqualTo(AssuranceReportGrid.Cell.EVENTS);
        assertThat(plans.grid(plan, today.plusDays(1)).missing()).isEqualTo(4);
    }

    @Test
    void aReportIsForOneDayOfTheEventUpToTodayOnceAndSaysWhatHappened() {
        LocalDate today = LocalDate.now(clock);
        AssurancePlanView plan = plan(today.minusDays(1), today.plusDays(2), List.of("33"));
        Actor cmcc = SignIn.actor(users, "cmcc");

        assertThatThrownBy(() -> plans.report(
                        cmcc,
                        plan.id(),
                        new NewAssuranceReport(today.plusDays(1).toString(), "NORMAL", null, null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("reportDate:invalid.future"));
        assertThatThrownBy(() -> plans.report(
                        cmcc,
                        plan.id(),
                        new NewAssuranceReport(today.minusDays(2).toString(), "NORMAL", null, null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("reportDate:netsec.assurance.invalid.outsideEvent"));
        assertThatThrownBy(() ->
                        plans.report(cmcc, plan.id(), new NewAssuranceReport(today.toString(), "EVENTS", " ", null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("events:invalid.required", "measures:invalid.required"));
        assertThatThrownBy(() -> plans.report(cmcc, plan.id(), new NewAssuranceReport("", "MAYBE", null, null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactly("reportDate", "outcome"));
        plans.report(cmcc, plan.id(), new NewAssuranceReport(today.toString(), "NORMAL", null, null));
        assertThatThrownBy(() ->
                        plans.report(cmcc, plan.id(), new NewAssuranceReport(today.toString(), "NORMAL", null, null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.code())
                                .containsExactly("netsec.assurance.invalid.reported"));

        assertThatThrownBy(() -> plans.report(
                        SignIn.actor(users, "officer"),
                        plan.id(),
                        new NewAssuranceReport(today.toString(), "NORMAL", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.report(
                        SignIn.actor(users, "auditor"),
                        plan.id(),
                        new NewAssuranceReport(today.toString(), "NORMAL", null, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.report(
                        SignIn.actor(users, "isp"),
                        plan.id(),
                        new NewAssuranceReport(today.toString(), "NORMAL", null, null)))
                .isInstanceOf(NoSuchElementException.class);
        assertThat(plans.reports(SignIn.actor(users, "cmcc"), plan.id())).hasSize(1);
    }

    @Test
    void theRosterShowsNamesAndPhonesMaskedAndAnOfficersFullReadIsAudited() {
        LocalDate today = LocalDate.now(clock);
        AssurancePlanView plan = plan(today, today.plusDays(2), List.of("33"));
        Actor cmcc = SignIn.actor(users, "cmcc");
        assertThatThrownBy(() -> plans.addDuty(
                        cmcc,
                        plan.id(),
                        new NewDutyEntry(null, today.plusDays(5).toString(), "NOON", "", "12345")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactly("dutyDate", "shift", "personName", "personPhone"));
        DutyEntry added =
                plans.addDuty(cmcc, plan.id(), new NewDutyEntry(null, today.toString(), "NIGHT", "张建国", "13912345678"));
        assertThat(added.personName()).isEqualTo("张**");
        assertThat(added.personPhone()).isEqualTo("139****5678");
        assertThat(added.organisationName())
                .isEqualTo(plan.units().stream()
                        .filter(u -> u.organisationCode().equals("OP-CMCC"))
                        .findFirst()
                        .orElseThrow()
                        .organisationName());
        assertThatThrownBy(() -> plans.addDuty(
                        SignIn.actor(users, "cmcc"),
                        plan.id(),
                        new NewDutyEntry(null, today.toString(), "NIGHT", "张建国", "13912345678")))
                .isInstanceOf(RejectedInputException.class);

        assertThatThrownBy(() -> plans.revealDuty(SignIn.actor(users, "cmcc"), plan.id(), added.id()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> plans.revealDuty(SignIn.actor(users, "gd"), plan.id(), added.id()))
                .isInstanceOf(NoSuchElementException.class);
        DutyEntry full = plans.revealDuty(SignIn.actor(users, "officer"), plan.id(), added.id());
        assertThat(full.personName()).isEqualTo("张建国");
        assertThat(full.personPhone()).isEqualTo("13912345678");
        // The audit log is written after the commit, by a listener of its own.
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit_log"
                                                + " where entity_type = 'AssuranceDuty' and entity_id = :id and action = 'viewed'")
                                .param("id", Long.toString(added.id()))
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void anAdministrationPlansForItsOwnProvinceAndSeesOnlyPlansThatConcernIt() {
        LocalDate today = LocalDate.now(clock);
        Actor gd = SignIn.actor(users, "gd");
        String name = "广交会保障 " + UUID.randomUUID();
        assertThatThrownBy(() -> plans.create(
                        gd,
                        new NewAssurancePlan(
                                name, today.toString(), today.toString(), "SECOND", List.of("北京"), List.of("OP-CMCC"))))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("provinces:netsec.assurance.invalid.otherProvince"));
        assertThatThrownBy(() -> plans.create(
                        gd,
                        new NewAssurancePlan(
                                "",
                                today.toString(),
                                today.minusDays(1).toString(),
                                "HUGE",
                                List.of("火星"),
                                List.of("CA-11"))))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field())
                                .containsExactly("name", "endsOn", "level", "provinces", "units"));
        AssurancePlanView own = plans.create(
                gd,
                new NewAssurancePlan(
                        name,
                        today.toString(),
                        today.plusDays(4).toString(),
                        "SECOND",
                        List.of("广东"),
                        List.of("OP-CMCC", "AP-DEMO")));
        assertThat(own.authorityCode()).isEqualTo("44");
        assertThat(plans.plans(SignIn.actor(users, "gd")))
                .extracting(AssurancePlanView::id)
                .contains(own.id());
        assertThat(plans.plans(SignIn.actor(users, "bj")))
                .extracting(AssurancePlanView::id)
                .doesNotContain(own.id());
        assertThat(plans.plans(SignIn.actor(users, "isp")))
                .extracting(AssurancePlanView::id)
                .contains(own.id());
        assertThatThrownBy(() -> plans.create(
                        SignIn.actor(users, "cmcc"),
                        new NewAssurancePlan(
                                name, today.toString(), today.toString(), "SECOND", List.of("广东"), List.of("OP-CMCC"))))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aPlanCoversAtMostOneHundredAndTwentyDays() {
        LocalDate start = LocalDate.now(clock).plusDays(30);
        assertThat(plan(start, start.plusDays(119), List.of("11")).length()).isEqualTo(120);
        assertThatThrownBy(() -> plan(start, start.plusDays(120), List.of("11")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.field() + ":" + p.code())
                                .containsExactly("endsOn:netsec.assurance.invalid.tooLong"));
    }

    private AssurancePlanView plan(LocalDate from, LocalDate to, List<String> provinces) {
        return plans.create(
                ministry,
                new NewAssurancePlan(
                        "测试保障 " + UUID.randomUUID(),
                        from.toString(),
                        to.toString(),
                        "FIRST",
                        provinces,
                        List.of("OP-CMCC", "OP-CTCC")));
    }

    private long reminders(AssurancePlanView plan, String organisationCode) {
        return jdbc.sql("""
                        select count(*) from notice n join access_organisation o on o.id = n.organisation_id
                        where o.code = :code and n.once_key like :key""")
                .param("code", organisationCode)
                .param("key", "netsec.assurance.missing:" + plan.id() + ":%")
                .query(Long.class)
                .single();
    }
}

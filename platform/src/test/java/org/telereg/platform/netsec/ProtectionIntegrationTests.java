package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.credit.ComplianceGate;
import org.telereg.platform.credit.ComplianceHit;
import org.telereg.platform.credit.GateSubject;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class ProtectionIntegrationTests {

    @Autowired
    ProtectionUnits units;

    @Autowired
    ProtectionAssessments assessments;

    @Autowired
    ProtectionDeadlines deadlines;

    @Autowired
    ProtectionReminders reminders;

    @Autowired
    ComplianceGate gate;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    MessageSource messages;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private Actor as(String username) {
        return SignIn.actor(users, username);
    }

    private String cmccCode() {
        return access.organisation("OP-CMCC").orElseThrow().creditCode();
    }

    private LocalDate today() {
        return units.today();
    }

    private UnitView register(String province) {
        return units.register(
                as("cmcc"),
                new UnitInput("测试单元-" + UUID.randomUUID().toString().substring(0, 8), "IDC", province, "测试"));
    }

    private static GradingInput grading(String grade, LocalDate reviewedOn) {
        return new GradingInput(
                grade, "社会秩序和公共利益", "严重损害", reviewedOn == null ? null : reviewedOn.toString(), "张三、李四", "定级准确");
    }

    private UnitView graded(String province, int grade, LocalDate reviewedOn) {
        UnitView unit = register(province);
        units.grade(as("cmcc"), unit.id(), grading(Integer.toString(grade), reviewedOn));
        return units.find(DataScope.all(), unit.id()).orElseThrow();
    }

    /** A unit graded, filed and approved today by its administration (gd for Guangdong, officer for national). */
    private UnitView approved(String province, int grade) {
        UnitView unit = graded(province, grade, today().minusDays(5));
        units.file(as("cmcc"), unit.id());
        units.approve(as(province == null ? "officer" : "gd"), unit.id(), null);
        return units.find(DataScope.all(), unit.id()).orElseThrow();
    }

    private List<ProtectionOverdue> overdueOf(UnitView unit) {
        return deadlines.overdue(DataScope.enterprise(cmccCode()), today()).stream()
                .filter(o -> o.unitId() == unit.id())
                .toList();
    }

    private List<ComplianceHit> gateHitsOn(UnitView unit) {
        return gate.check(new GateSubject(cmccCode(), "中国移动通信集团有限公司", List.of())).hits().stream()
                .filter(hit -> hit.link() != null && hit.evidence().contains(unit.name()))
                .toList();
    }

    private static List<String> fields(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::field).toList();
    }

    private long notices(String key, String link) {
        return jdbc.sql("select count(*) from notice where message_key = :key and link = :link")
                .param("key", key)
                .param("link", link)
                .query(Long.class)
                .single();
    }

    @Test
    void gradeTwoFallsDueInTwoYearsGradeThreeInOneAndGradeOneNever() {
        UnitView one = approved(null, 1);
        UnitView two = approved(null, 2);
        UnitView three = approved("44", 3);

        assertThat(deadlines.schedule(one.id())).isEmpty();
        assertThat(deadlines.schedule(two.id()))
                .hasSize(2)
                .allSatisfy(due -> {
                    assertThat(due.dueOn()).isEqualTo(today().plusYears(2));
                    assertThat(due.fromAssessment()).isFalse();
                })
                .extracting(AssessmentDue::kind)
                .containsExactlyInAnyOrder(AssessmentKind.COMPLIANCE, AssessmentKind.RISK);
        assertThat(deadlines.schedule(three.id()))
                .hasSize(2)
                .allSatisfy(due -> assertThat(due.dueOn()).isEqualTo(today().plusYears(1)));
    }

    @Test
    void theNextAssessmentCountsFromTheLastAcceptedReportOnly() {
        UnitView unit = approved(null, 3);
        LocalDate assessed = today().minusDays(10);
        AssessmentInput report = new AssessmentInput("RISK", "测评机构", assessed.toString(), "基本符合", List.of());

        AssessmentView returned = assessments.submit(as("cmcc"), unit.id(), report);
        assertThat(riskDue(unit)).isEqualTo(today().plusYears(1));
        assertThatThrownBy(() -> assessments.returnReport(as("officer"), returned.id(), " "))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("reasons"));
        assessments.returnReport(as("officer"), returned.id(), "报告缺少签章");
        assertThat(riskDue(unit)).isEqualTo(today().plusYears(1));

        AssessmentView accepted = assessments.submit(as("cmcc"), unit.id(), report);
        assertThatThrownBy(() -> assessments.accept(as("gd"), accepted.id(), null))
                .isInstanceOf(AccessDeniedException.class);
        assessments.accept(as("officer"), accepted.id(), null);

        assertThat(riskDue(unit)).isEqualTo(assessed.plusYears(1));
        assertThat(deadlines.schedule(unit.id()))
                .filteredOn(due -> due.kind() == AssessmentKind.COMPLIANCE)
                .singleElement()
                .satisfies(due -> assertThat(due.dueOn()).isEqualTo(today().plusYears(1)));
    }

    private LocalDate riskDue(UnitView unit) {
        return deadlines.schedule(unit.id()).stream()
                .filter(due -> due.kind() == AssessmentKind.RISK)
                .findFirst()
                .orElseThrow()
                .dueOn();
    }

    @Test
    void anUngradedUnitOwesNoAssessmentAndTakesNoReport() {
        UnitView unit = graded(null, 3, today());

        assertThat(deadlines.schedule(unit.id())).isEmpty();
        assertThatThrownBy(() -> assessments.submit(
                        as("cmcc"),
                        unit.id(),
                        new AssessmentInput("RISK", "测评机构", today().toString(), "基本符合", List.of())))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void aGradingReviewedThirtyDaysAgoIsDueTodayAndFiledInTime() {
        UnitView unit = graded("44", 3, today().minusDays(30));

        assertThat(unit.filingDueOn()).isEqualTo(today());
        assertThat(unit.filingOverdue(today())).isFalse();
        assertThat(overdueOf(unit)).isEmpty();
        assertThat(gateHitsOn(unit)).isEmpty();

        GradingView filed = units.file(as("cmcc"), unit.id());
        assertThat(filed.status()).isEqualTo(GradingStatus.FILED);
        assertThat(filed.filedLate()).isFalse();
    }

    @Test
    void aGradingReviewedThirtyOneDaysAgoIsOverdueNamedByTheGateAndFiledLate() {
        UnitView unit = graded("44", 3, today().minusDays(31));

        assertThat(overdueOf(unit))
                .singleElement()
                .satisfies(o -> assertThat(o.kind()).isEqualTo(ProtectionOverdue.Kind.FILING));
        assertThat(gateHitsOn(unit)).singleElement().satisfies(hit -> {
            assertThat(hit.check()).isEqualTo("netsec-protection");
            assertThat(hit.severity()).isEqualTo(ComplianceHit.Severity.WARN);
            assertThat(messages.getMessage(hit.code(), hit.arguments().toArray(), Locale.SIMPLIFIED_CHINESE))
                    .contains(unit.name())
                    .contains("逾期未备案")
                    .contains(today().minusDays(1).toString());
        });

        GradingView filed = units.file(as("cmcc"), unit.id());

        assertThat(filed.filedLate()).isTrue();
        assertThat(overdueOf(unit)).isEmpty();
        assertThat(units.steps(unit.id())).extracting(ProtectionStep::action).contains("FILED_LATE");
    }

    @Test
    void theGateNamesAnOverdueAssessmentOfTheUnit() {
        UnitView unit = approved(null, 3);
        jdbc.sql("update netsec_unit set approved_on = :day where id = :id")
                .param("day", today().minusYears(1).minusDays(1))
                .param("id", unit.id())
                .update();

        assertThat(overdueOf(unit))
                .extracting(ProtectionOverdue::kind)
                .containsExactly(ProtectionOverdue.Kind.ASSESSMENT, ProtectionOverdue.Kind.ASSESSMENT);
        assertThat(gateHitsOn(unit))
                .extracting(ComplianceHit::code)
                .containsExactlyInAnyOrder(
                        "netsec.unit.gate.ASSESSMENT.COMPLIANCE", "netsec.unit.gate.ASSESSMENT.RISK");
        assertThat(gateHitsOn(unit))
                .allSatisfy(hit -> assertThat(hit.arguments()).first().isEqualTo(unit.name()));
    }

    @Test
    void aProvincialUnitIsDecidedByItsOwnAdministrationOnly() {
        UnitView unit = graded("44", 2, today().minusDays(3));
        units.file(as("cmcc"), unit.id());

        for (String wrong : List.of("bj", "officer", "cmcc")) {
            assertThatThrownBy(() -> units.approve(as(wrong), unit.id(), null))
                    .as(wrong)
                    .isInstanceOf(AccessDeniedException.class);
        }
        GradingView approved = units.approve(as("gd"), unit.id(), "同意");

        assertThat(approved.status()).isEqualTo(GradingStatus.APPROVED);
        UnitView after = units.find(DataScope.all(), unit.id()).orElseThrow();
        assertThat(after.grade()).isEqualTo(2);
        assertThat(after.approvedOn()).isEqualTo(today());
        assertThat(notices("netsec.unit.notice.approved", "/console/netsec/units/" + unit.id()))
                .isEqualTo(1);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log where module = 'netsec'"
                                        + " and entity_type = 'UnitGrading' and entity_id = :id")
                                .param("id", Long.toString(approved.id()))
                                .query(String.class)
                                .list())
                        .contains("graded", "filed", "approved"));
    }

    @Test
    void aNationalUnitIsDecidedByTheMinistryAndAProvinceOfficerIsRefused() {
        UnitView unit = graded(null, 4, today().minusDays(3));
        units.file(as("cmcc"), unit.id());

        assertThatThrownBy(() -> units.approve(as("gd"), unit.id(), null)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.returnFiling(as("gd"), unit.id(), "不同意"))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> units.returnFiling(as("officer"), unit.id(), ""))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("reasons"));

        GradingView returned = units.returnFiling(as("officer"), unit.id(), "受侵害客体描述不完整");
        assertThat(returned.status()).isEqualTo(GradingStatus.RETURNED);
        assertThat(returned.decisionNote()).isEqualTo("受侵害客体描述不完整");
        assertThat(units.find(DataScope.all(), unit.id()).orElseThrow().grade()).isNull();

        units.grade(as("cmcc"), unit.id(), grading("4", today()));
        assertThat(units.gradings(unit.id()))
                .extracting(GradingView::version, GradingView::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(2, GradingStatus.DRAFT),
                        org.assertj.core.groups.Tuple.tuple(1, GradingStatus.RETURNED));
    }

    @Test
    void refusesBadGradingsAndWritesNothing() {
        UnitView unit = register(null);

        for (String grade : List.of("0", "6", "三", "")) {
            assertThatThrownBy(() -> units.grade(as("cmcc"), unit.id(), grading(grade, today())))
                    .as(grade)
                    .isInstanceOfSatisfying(
                            RejectedInputException.class,
                            e -> assertThat(fields(e)).containsExactly("grade"));
        }
        assertThatThrownBy(() -> units.grade(
                        as("cmcc"), unit.id(), new GradingInput("3", " ", null, today().toString(), "张三", "同意")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(fields(e)).containsExactly("impactObjects", "impactDegree"));
        assertThatThrownBy(() -> units.grade(as("cmcc"), unit.id(), grading("3", today().plusDays(1))))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems()).singleElement().satisfies(p -> {
                            assertThat(p.field()).isEqualTo("reviewedOn");
                            assertThat(p.code()).isEqualTo("invalid.future");
                        }));
        assertThat(units.gradings(unit.id())).isEmpty();

        units.grade(as("cmcc"), unit.id(), grading("3", today()));
        assertThatThrownBy(() -> units.grade(as("cmcc"), unit.id(), grading("2", today())))
                .as("a second version while the first is open")
                .isInstanceOf(AccessDeniedException.class);
        assertThat(units.gradings(unit.id())).hasSize(1);
    }

    @Test
    void refusesBadUnitsByField() {
        assertThatThrownBy(() -> units.register(as("cmcc"), new UnitInput("x".repeat(101), "ROUTER", "火星", null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(fields(e)).containsExactly("name", "kind", "provinceCode"));
        UnitView unit = register("44");
        assertThatThrownBy(() -> units.register(as("cmcc"), new UnitInput(unit.name(), "IDC", "粤", null)))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .singleElement()
                                .satisfies(p -> assertThat(p.code()).isEqualTo("netsec.unit.invalid.duplicateName")));
        assertThatThrownBy(() -> units.register(as("gd"), new UnitInput("省局单元", "IDC", "44", null)))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void eachReminderIsSentOnce() {
        UnitView soon = graded("44", 2, today().minusDays(25));
        UnitView late = graded("44", 2, today().minusDays(31));
        UnitView assessed = approved("44", 3);
        AssessmentView report = assessments.submit(
                as("cmcc"),
                assessed.id(),
                new AssessmentInput(
                        "COMPLIANCE",
                        "测评机构",
                        today().toString(),
                        "基本符合",
                        List.of(new FindingInput("高", "弱口令", today().plusDays(3).toString()))));

        reminders.remind(today());
        reminders.remind(today());

        assertThat(notices("netsec.unit.notice.filingDue", "/console/netsec/units/" + soon.id()))
                .isEqualTo(1);
        assertThat(notices("netsec.unit.notice.filingOverdue", "/console/netsec/units/" + late.id()))
                .isEqualTo(1);
        assertThat(notices("netsec.unit.notice.filingDue", "/console/netsec/units/" + late.id()))
                .isZero();
        assertThat(notices("netsec.assessment.notice.rectificationDue", "/console/netsec/assessments/" + report.id()))
                .isEqualTo(1);
        assertThat(notices("netsec.assessment.notice.due.COMPLIANCE", "/console/netsec/units/" + assessed.id()))
                .as("due in a year: not yet reminded")
                .isZero();
    }

    @Test
    void anOverdueFindingStaysOnTheListUntilRectifiedWithEvidence() {
        UnitView unit = approved(null, 3);
        AssessmentView report = assessments.submit(
                as("cmcc"),
                unit.id(),
                new AssessmentInput(
                        "RISK",
                        "测评机构",
                        today().minusDays(20).toString(),
                        "存在中风险",
                        List.of(new FindingInput(
                                "MEDIUM", "日志留存不足", today().minusDays(1).toString()))));
        FindingView finding = assessments.findings(report.id()).get(0);

        assertThat(overdueOf(unit)).singleElement().satisfies(o -> {
            assertThat(o.kind()).isEqualTo(ProtectionOverdue.Kind.RECTIFICATION);
            assertThat(o.item()).isEqualTo("日志留存不足");
        });
        assertThatThrownBy(() -> assessments.rectify(as("cmcc"), report.id(), finding.id(), ""))
                .isInstanceOfSatisfying(
                        RejectedInputException.class, e -> assertThat(fields(e)).containsExactly("evidence"));
        assertThatThrownBy(() -> assessments.rectify(as("officer"), report.id(), finding.id(), "已整改"))
                .isInstanceOf(AccessDeniedException.class);

        FindingView rectified = assessments.rectify(as("cmcc"), report.id(), finding.id(), "日志已接入集中审计平台");

        assertThat(rectified.rectifiedOn()).isEqualTo(today());
        assertThat(overdueOf(unit)).isEmpty();
    }

    @Test
    void aReportWithABadFindingIsRefusedWholeNamingTheFinding() {
        UnitView unit = approved(null, 2);
        AssessmentInput bad = new AssessmentInput(
                "COMPLIANCE",
                "测评机构",
                today().toString(),
                "基本符合",
                List.of(
                        new FindingInput("HIGH", "弱口令", today().plusDays(30).toString()),
                        new FindingInput("SEVERE", "", today().minusDays(1).toString())));

        assertThatThrownBy(() -> assessments.submit(as("cmcc"), unit.id(), bad))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(fields(e))
                                .containsExactly(
                                        "findings[2].severity", "findings[2].description", "findings[2].rectifyBy"));
        assertThat(assessments.list(DataScope.all(), unit.id(), null)).isEmpty();
    }
}

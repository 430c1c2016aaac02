package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.DataScope;

/** The demo reaches every state of protection management, in its own units (created by {@code demo:…}). */
@PlatformIntegrationTest
class DemoProtectionIntegrationTests {

    @Autowired
    ProtectionUnits units;

    @Autowired
    ProtectionAssessments assessments;

    @Autowired
    ProtectionDeadlines deadlines;

    @Autowired
    JdbcClient jdbc;

    private Set<Long> demoUnits() {
        return Set.copyOf(jdbc.sql("select id from netsec_unit where created_by like 'demo:%'")
                .query(Long.class)
                .list());
    }

    @Test
    void theDemoHasUnitsInEveryFilingStateAndOfEveryGrade() {
        Set<Long> ids = demoUnits();
        List<UnitView> demo = units.list(DataScope.all(), UnitSearch.everything()).stream()
                .filter(unit -> ids.contains(unit.id()))
                .toList();

        assertThat(demo.stream().map(UnitView::latestStatus).collect(Collectors.toSet()))
                .contains(
                        null, GradingStatus.DRAFT, GradingStatus.FILED, GradingStatus.APPROVED, GradingStatus.RETURNED);
        assertThat(demo.stream().map(UnitView::latestGrade).collect(Collectors.toSet()))
                .contains(1, 2, 3, 4, 5);
        assertThat(demo).anySatisfy(unit -> assertThat(unit.national()).isTrue());
        assertThat(demo.stream().map(UnitView::provinceCode).collect(Collectors.toSet()))
                .contains("11", "31", "44");
        assertThat(demo)
                .anySatisfy(
                        unit -> assertThat(unit.filingOverdue(units.today())).isTrue());
        assertThat(demo).anySatisfy(unit -> {
            assertThat(unit.awaitsFiling()).isTrue();
            assertThat(unit.filingDaysLeft(units.today())).isBetween(0L, 7L);
        });
        assertThat(demo)
                .anySatisfy(unit -> assertThat(units.gradings(unit.id())).hasSizeGreaterThan(1));
    }

    @Test
    void theDemoHasAssessmentsDueOverdueAndDoneWithFindingsInEveryState() {
        Set<Long> ids = demoUnits();
        var today = units.today();
        List<AssessmentDue> schedule = deadlines.schedule(DataScope.all()).stream()
                .filter(due -> ids.contains(due.unitId()))
                .toList();
        assertThat(schedule).anySatisfy(due -> assertThat(due.overdue(today)).isTrue());
        assertThat(schedule).anySatisfy(due -> assertThat(due.daysLeft(today)).isBetween(0L, 30L));
        assertThat(schedule).anySatisfy(due -> assertThat(due.fromAssessment()).isTrue());

        List<AssessmentView> reports = assessments.list(DataScope.all(), null, null).stream()
                .filter(report -> ids.contains(report.unitId()))
                .toList();
        assertThat(reports.stream().map(AssessmentView::status).collect(Collectors.toSet()))
                .contains(AssessmentStatus.SUBMITTED, AssessmentStatus.ACCEPTED);
        List<FindingView> findings = reports.stream()
                .flatMap(report -> assessments.findings(report.id()).stream())
                .toList();
        assertThat(findings).anySatisfy(f -> assertThat(f.overdue(today)).isTrue());
        assertThat(findings)
                .anySatisfy(f -> assertThat(f.open() && !f.overdue(today)).isTrue());
        assertThat(findings).anySatisfy(f -> assertThat(f.open()).isFalse());
        assertThat(deadlines.overdue(DataScope.all(), today).stream()
                        .filter(o -> ids.contains(o.unitId()))
                        .map(ProtectionOverdue::kind)
                        .collect(Collectors.toSet()))
                .containsExactlyInAnyOrder(ProtectionOverdue.Kind.values());
    }
}

package org.telereg.platform.industry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;
import static org.telereg.platform.industry.IndustryFixtures.MONTHLY;
import static org.telereg.platform.industry.IndustryFixtures.QUARTERLY;
import static org.telereg.platform.industry.IndustryFixtures.monthly;
import static org.telereg.platform.industry.IndustryFixtures.quarterly;
import static org.telereg.platform.industry.IndustryFixtures.with;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.industry.IndustryFixtures.Operator;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** Operator reports end to end on the database: formulas, rules, validation, workflow, deadlines, flags, scope. */
@PlatformIntegrationTest
@RecordApplicationEvents
class OperatorReportsIntegrationTests {

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    MetricCatalogue catalogue;

    @Autowired
    ReportedFigures reportedFigures;

    @Autowired
    AccessManagement access;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AuditTrail audit;

    @Autowired
    IndustrySettings settings;

    @Autowired
    MessageSource messages;

    @Autowired
    ApplicationEvents events;

    private final Actor ministry = Actor.system();

    private final Actor guangdong =
            new Actor("gd-test", "广东省管局", Role.PROVINCIAL_OFFICER, 0, "广东省通信管理局", DataScope.province("44"));

    /** A monthly report of a fresh operator in the province, open and in DRAFT. */
    private ReportView monthlyReport(Operator operator, String province) {
        return IndustryFixtures.reports(
                        schedules,
                        reports,
                        operator,
                        MONTHLY,
                        province,
                        LocalDate.of(2023, 1, 1),
                        LocalDate.of(2023, 2, 1))
                .get("2023-01");
    }

    private ReportView quarterlyReport(Operator operator, String province) {
        return IndustryFixtures.reports(
                        schedules,
                        reports,
                        operator,
                        QUARTERLY,
                        province,
                        LocalDate.of(2023, 1, 1),
                        LocalDate.of(2023, 4, 1))
                .get("2023-Q1");
    }

    private static List<FieldProblem> problems(Runnable action) {
        try {
            action.run();
        } catch (RejectedInputException e) {
            return e.problems();
        }
        throw new AssertionError("the input was accepted");
    }

    @Test
    void theShippedCatalogueLoadsAndEveryRuleHasItsTextInBothLanguages() {
        CatalogueVersion version = catalogue.version("2024");

        assertThat(version.metrics())
                .extracting(Metric::code)
                .contains(
                        "BROADBAND_USERS",
                        "USERS_100M",
                        "USERS_1000M",
                        "FTTH_SHARE",
                        "USERS_5G",
                        "BASE_STATIONS_5G",
                        "FIXED_DOWNLOAD_MBPS",
                        "MOBILE_DOWNLOAD_MBPS",
                        "FIXED_PRICE_PER_MBPS",
                        "MOBILE_PRICE_PER_GB");
        assertThat(version.rules()).hasSize(4);
        for (ConsistencyRule rule : version.rules()) {
            Object[] arguments = {"A", "2", "B", "1"};
            assertThat(messages.getMessage(rule.messageKey(), arguments, Locale.SIMPLIFIED_CHINESE))
                    .contains("A（2）");
            assertThat(messages.getMessage(rule.messageKey(), arguments, Locale.ENGLISH))
                    .contains("A (2)");
        }
        for (ReportTemplate template : catalogue.templates()) {
            assertThat(template.metricCodes())
                    .allSatisfy(code -> assertThat(version.metric(code)).isPresent());
        }
    }

    @Test
    void aSubmissionComputesEveryDerivedMonthlyMetric() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = monthlyReport(operator, "35");

        ReportView submitted = reports.submit(operator.actor(), report.id(), monthly(), OperatorReports.Channel.API);

        assertThat(submitted.status()).isEqualTo(ReportStatus.SUBMITTED);
        assertThat(submitted.channel()).isEqualTo("API");
        Map<String, BigDecimal> values = reports.values(report.id());
        assertThat(values.get("SHARE_100M")).isEqualByComparingTo("95");
        assertThat(values.get("SHARE_1000M")).isEqualByComparingTo("30");
        assertThat(values.get("SHARE_5G")).isEqualByComparingTo("60");
        assertThat(values.get("FIXED_PRICE_PER_MBPS")).isEqualByComparingTo("0.1143");
        assertThat(values.get("MOBILE_PRICE_PER_GB")).isEqualByComparingTo("1.8182");
        assertThat(values.get("FIXED_DOWNLOAD_MBPS")).isEqualByComparingTo("105.5");
    }

    @Test
    void reportedFiguresHoldSubmittedAndAcceptedValuesButNoDraftsWithinTheScope() {
        Operator operator = IndustryFixtures.operator(access, "35");
        Map<String, ReportView> months = IndustryFixtures.reports(
                schedules, reports, operator, MONTHLY, "35", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 1));
        reports.submit(operator.actor(), months.get("2023-01").id(), monthly(), OperatorReports.Channel.API);
        reports.accept(ministry, months.get("2023-01").id());
        reports.submit(
                operator.actor(),
                months.get("2023-02").id(),
                with(monthly(), "FIXED_DOWNLOAD_MBPS", "120"),
                OperatorReports.Channel.API);
        reports.saveDraft(operator.actor(), months.get("2023-03").id(), monthly());

        List<ReportedFigures.Figure> figures = reportedFigures.figures(
                DataScope.all(),
                Set.of("FIXED_DOWNLOAD_MBPS", "MOBILE_PRICE_PER_GB"),
                LocalDate.of(2023, 1, 1),
                LocalDate.of(2023, 12, 31),
                null,
                operator.creditCode());

        assertThat(figures)
                .extracting(
                        ReportedFigures.Figure::periodCode,
                        ReportedFigures.Figure::metricCode,
                        f -> f.amount().toPlainString(),
                        ReportedFigures.Figure::accepted)
                .containsExactly(
                        tuple("2023-01", "FIXED_DOWNLOAD_MBPS", "105.5", true),
                        tuple("2023-01", "MOBILE_PRICE_PER_GB", "1.8182", true),
                        tuple("2023-02", "FIXED_DOWNLOAD_MBPS", "120", false),
                        tuple("2023-02", "MOBILE_PRICE_PER_GB", "1.8182", false));
        assertThat(reportedFigures.figures(
                        DataScope.province("44"),
                        Set.of("FIXED_DOWNLOAD_MBPS"),
                        LocalDate.of(2023, 1, 1),
                        LocalDate.of(2023, 12, 31),
                        null,
                        operator.creditCode()))
                .as("another province's officer sees none of Fujian's figures")
                .isEmpty();
    }

    @Test
    void aQuarterlySubmissionComputesTheFtthShare() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = quarterlyReport(operator, "35");

        reports.submit(operator.actor(), report.id(), quarterly(), OperatorReports.Channel.API);

        assertThat(reports.values(report.id()).get("FTTH_SHARE")).isEqualByComparingTo("96");
        assertThat(report.dueOn()).isEqualTo(LocalDate.of(2023, 4, 20));
    }

    @Test
    void theSpeedTierRuleRefusesMoreGigabitThan100MbpsUsersAndMore100MbpsThanAllUsers() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = monthlyReport(operator, "35");

        assertThat(problems(() -> reports.submit(
                        operator.actor(),
                        report.id(),
                        with(monthly(), "USERS_1000M", "960000"),
                        OperatorReports.Channel.API)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("USERS_1000M", "industry.rule.speedTiers"));
        assertThat(problems(() -> reports.submit(
                        operator.actor(),
                        report.id(),
                        with(monthly(), "USERS_100M", "1000001"),
                        OperatorReports.Channel.API)))
                .singleElement()
                .satisfies(p -> {
                    assertThat(p.field()).isEqualTo("USERS_100M");
                    assertThat(p.arguments()).containsExactly("USERS_100M", "1000001", "BROADBAND_USERS", "1000000");
                });
        assertThat(reports.find(DataScope.all(), report.id()).orElseThrow().status())
                .isEqualTo(ReportStatus.DRAFT);
        assertThat(reports.values(report.id())).as("nothing written").isEmpty();
    }

    @Test
    void theFiveGUserRuleRefusesMore5GThanMobileUsers() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = monthlyReport(operator, "35");

        assertThat(problems(() -> reports.submit(
                        operator.actor(),
                        report.id(),
                        with(monthly(), "USERS_5G", "3000001"),
                        OperatorReports.Channel.API)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("USERS_5G", "industry.rule.fiveGUsers"));
    }

    @Test
    void thePortAndSiteRulesRefuseMoreFtthPortsOr5GSitesThanTheirTotals() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = quarterlyReport(operator, "35");

        assertThat(problems(() -> reports.submit(
                        operator.actor(),
                        report.id(),
                        with(quarterly(), "FTTH_PORTS", "2000001", "BASE_STATIONS_5G", "80001"),
                        OperatorReports.Channel.API)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("FTTH_PORTS", "industry.rule.ftthPorts"),
                        tuple("BASE_STATIONS_5G", "industry.rule.fiveGSites"));
    }

    @Test
    void typesRangesAndCompletenessAreCheckedForEveryMetricAtOnce() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = monthlyReport(operator, "35");
        Map<String, String> input = with(
                monthly(),
                "BROADBAND_USERS",
                "-1",
                "USERS_100M",
                "950000.5",
                "USERS_1000M",
                "三十万",
                "FIXED_DOWNLOAD_MBPS",
                "20000",
                "MOBILE_DOWNLOAD_MBPS",
                "120.123456",
                "MOBILE_USERS",
                null,
                "SHARE_5G",
                "60",
                "NOT_A_METRIC",
                "1");

        assertThat(problems(() -> reports.submit(operator.actor(), report.id(), input, OperatorReports.Channel.API)))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactlyInAnyOrder(
                        tuple("BROADBAND_USERS", "industry.invalid.belowMin"),
                        tuple("USERS_100M", "industry.invalid.wholeNumber"),
                        tuple("USERS_1000M", "industry.invalid.number"),
                        tuple("FIXED_DOWNLOAD_MBPS", "industry.invalid.aboveMax"),
                        tuple("MOBILE_DOWNLOAD_MBPS", "industry.invalid.decimals"),
                        tuple("MOBILE_USERS", "invalid.required"),
                        tuple("SHARE_5G", "industry.invalid.derivedMetric"),
                        tuple("NOT_A_METRIC", "industry.invalid.unknownMetric"));
    }

    @Test
    void aZeroDivisorIsReportedOnTheDerivedMetricWithTheFormula() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = monthlyReport(operator, "35");

        assertThat(problems(() -> reports.submit(
                        operator.actor(),
                        report.id(),
                        with(monthly(), "BROADBAND_USERS", "0", "USERS_100M", "0", "USERS_1000M", "0"),
                        OperatorReports.Channel.API)))
                .extracting(FieldProblem::field, FieldProblem::code, p -> p.arguments()[1])
                .containsExactlyInAnyOrder(
                        tuple("SHARE_100M", "industry.invalid.divisionByZero", "BROADBAND_USERS"),
                        tuple("SHARE_1000M", "industry.invalid.divisionByZero", "BROADBAND_USERS"));
    }

    @Test
    void aDraftKeepsBlanksButNotBadValues() {
        Operator operator = IndustryFixtures.operator(access, "35");
        ReportView report = monthlyReport(operator, "35");

        reports.saveDraft(operator.actor(), report.id(), Map.of("BROADBAND_USERS", "1,000,000", "MOBILE_USERS", ""));

        assertThat(reports.values(report.id())).containsOnlyKeys("BROADBAND_USERS");
        assertThat(reports.values(report.id()).get("BROADBAND_USERS")).isEqualByComparingTo("1000000");
        assertThat(problems(() -> reports.saveDraft(operator.actor(), report.id(), Map.of("USERS_5G", "-5"))))
                .extracting(FieldProblem::field)
                .containsExactly("USERS_5G");
        assertThat(reports.find(DataScope.all(), report.id()).orElseThrow().status())
                .isEqualTo(ReportStatus.DRAFT);
    }

    @Test
    void aReportGoesFromDraftToSubmittedToReturnedToAcceptedAndLeavesItsTrail() {
        Operator operator = IndustryFixtures.operator(access, "44");
        ReportView report = monthlyReport(operator, "44");

        reports.saveDraft(operator.actor(), report.id(), Map.of("BROADBAND_USERS", "1000000"));
        reports.submit(operator.actor(), report.id(), monthly(), OperatorReports.Channel.CONSOLE);
        assertThat(problems(() -> reports.returnForCorrection(guangdong, report.id(), "  ")))
                .extracting(FieldProblem::field, FieldProblem::code)
                .containsExactly(tuple("reason", "invalid.required"));
        ReportView returned = reports.returnForCorrection(guangdong, report.id(), "千兆用户数与上月相比增长异常，请核实");
        assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("千兆用户数与上月相比增长异常，请核实");
        reports.submit(
                operator.actor(),
                report.id(),
                with(monthly(), "USERS_1000M", "290000"),
                OperatorReports.Channel.CONSOLE);
        ReportView accepted = reports.accept(guangdong, report.id());

        assertThat(accepted.status()).isEqualTo(ReportStatus.ACCEPTED);
        assertThat(accepted.decidedBy()).isEqualTo("gd-test");
        assertThat(reports.values(report.id()).get("SHARE_1000M")).isEqualByComparingTo("29");
        assertThat(reports.steps(report.id()))
                .extracting(ReportStep::action)
                .containsExactly("DRAFT_SAVED", "SUBMITTED", "RETURNED", "RESUBMITTED", "ACCEPTED");
        String key = OperatorReports.key(report);
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log where module = 'industry'"
                                        + " and entity_id = :key order by seq")
                                .param("key", key)
                                .query(String.class)
                                .list())
                        // The log is written by an asynchronous listener: its order is not the steps' order.
                        .containsExactlyInAnyOrder(
                                "reportDraftSaved",
                                "reportSubmitted",
                                "reportReturned",
                                "reportResubmitted",
                                "reportAccepted"));
    }

    @Test
    void illegalMovesAreRefusedAndChangeNothing() {
        Operator operator = IndustryFixtures.operator(access, "44");
        Operator other = IndustryFixtures.operator(access, "44");
        ReportView report = monthlyReport(operator, "44");

        assertThat(problems(() -> reports.accept(ministry, report.id())))
                .extracting(FieldProblem::code)
                .containsExactly("industry.invalid.notSubmitted");
        assertThatThrownBy(() -> reports.submit(other.actor(), report.id(), monthly(), OperatorReports.Channel.API))
                .as("another operator does not even see it")
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> reports.submit(guangdong, report.id(), monthly(), OperatorReports.Channel.API))
                .as("an administration does not fill an operator's report")
                .isInstanceOf(AccessDeniedException.class);
        reports.submit(operator.actor(), report.id(), monthly(), OperatorReports.Channel.API);
        assertThat(problems(
                        () -> reports.submit(operator.actor(), report.id(), monthly(), OperatorReports.Channel.API)))
                .extracting(FieldProblem::code)
                .containsExactly("industry.invalid.notFillable");
        assertThatThrownBy(() -> reports.accept(operator.actor(), report.id()))
                .as("an operator does not accept its own report")
                .isInstanceOf(AccessDeniedException.class);
        Actor beijing = new Actor("bj-test", "北京", Role.PROVINCIAL_OFFICER, 0, "北京市通信管理局", DataScope.province("11"));
        assertThatThrownBy(() -> reports.accept(beijing, report.id())).isInstanceOf(NoSuchElementException.class);
        Actor auditor = new Actor("au-test", "审计", Role.AUDITOR, 0, "工业和信息化部", DataScope.all());
        assertThatThrownBy(() -> reports.accept(auditor, report.id())).isInstanceOf(AccessDeniedException.class);
        reports.accept(ministry, report.id());
        assertThat(problems(() -> reports.returnForCorrection(ministry, report.id(), "再看看")))
                .extracting(FieldProblem::code)
                .containsExactly("industry.invalid.notSubmitted");
        assertThat(problems(() -> reports.saveDraft(operator.actor(), report.id(), monthly())))
                .extracting(FieldProblem::code)
                .containsExactly("industry.invalid.notFillable");
        assertThat(reports.find(DataScope.all(), report.id()).orElseThrow().status())
                .isEqualTo(ReportStatus.ACCEPTED);
    }

    @Test
    void lateAndMissingReportsAreListedOnAFixedDay() {
        Operator operator = IndustryFixtures.operator(access, "46");
        Map<String, ReportView> opened = IndustryFixtures.reports(
                schedules, reports, operator, MONTHLY, "46", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 4, 5));
        assertThat(opened).containsOnlyKeys("2023-01", "2023-02", "2023-03");
        OperatorReports onApril6 = new OperatorReports(
                jdbc,
                catalogue,
                audit,
                settings,
                Clock.fixed(
                        LocalDate.of(2023, 4, 6)
                                .atTime(9, 0)
                                .atZone(ZoneId.of("Asia/Shanghai"))
                                .toInstant(),
                        ZoneId.of("UTC")));
        onApril6.submit(operator.actor(), opened.get("2023-02").id(), monthly(), OperatorReports.Channel.API);
        onApril6.submit(operator.actor(), opened.get("2023-03").id(), monthly(), OperatorReports.Channel.API);

        List<ReportView> listed = reports.lateAndMissing(operator.actor().scope(), LocalDate.of(2023, 4, 6), 100);

        assertThat(listed)
                .extracting(ReportView::periodCode, ReportView::status, ReportView::late)
                .containsExactly(
                        tuple("2023-01", ReportStatus.DRAFT, false), tuple("2023-02", ReportStatus.SUBMITTED, true));
        assertThat(listed.get(0).missing(LocalDate.of(2023, 4, 6))).isTrue();
        assertThat(listed.get(0).daysLeft(LocalDate.of(2023, 4, 6))).isEqualTo(-55);
        assertThat(reports.lateAndMissing(operator.actor().scope(), LocalDate.of(2023, 2, 10), 100))
                .as("on its due day a report is not yet missing")
                .extracting(ReportView::periodCode)
                .containsExactly("2023-02");
    }

    @Test
    void theDailyJobOpensEachPeriodOnceAndRemindsOncePerReminderDay() {
        Operator operator = IndustryFixtures.operator(access, "46");
        Map<String, ReportView> opened = IndustryFixtures.reports(
                schedules, reports, operator, MONTHLY, "46", LocalDate.of(2023, 3, 15), LocalDate.of(2023, 4, 5));
        assertThat(schedules.open(LocalDate.of(2023, 4, 5)))
                .as("a repeated run opens nothing")
                .isZero();
        ReportView march = opened.get("2023-03");
        assertThat(march.dueOn()).isEqualTo(LocalDate.of(2023, 4, 10));

        schedules.remind(LocalDate.of(2023, 4, 5));
        schedules.remind(LocalDate.of(2023, 4, 5));
        schedules.remind(LocalDate.of(2023, 4, 7));
        schedules.remind(LocalDate.of(2023, 4, 9));

        assertThat(schedules.reminders(march.id())).containsExactly(LocalDate.of(2023, 4, 9), LocalDate.of(2023, 4, 5));
        assertThat(events.stream(ReportReminderSent.class).filter(e -> e.reportId() == march.id()))
                .hasSize(2)
                .allSatisfy(e -> assertThat(e.operatorCreditCode()).isEqualTo(operator.creditCode()));
        reports.submit(operator.actor(), march.id(), monthly(), OperatorReports.Channel.API);
        assertThat(schedules.open(LocalDate.of(2023, 5, 2))).isGreaterThanOrEqualTo(1);
        assertThat(reports.search(operator.actor().scope(), OperatorReports.Search.everything(), PageRequest.of(0, 10))
                        .getContent())
                .extracting(ReportView::periodCode)
                .containsExactly("2023-04", "2023-03");
    }

    @Test
    void aValueFarFromTheOperatorsOwnHistoryIsFlaggedForTheReviewer() {
        Operator operator = IndustryFixtures.operator(access, "15");
        Map<String, ReportView> opened = IndustryFixtures.reports(
                schedules, reports, operator, MONTHLY, "15", LocalDate.of(2023, 1, 1), LocalDate.of(2023, 6, 1));
        for (String period : List.of("2023-01", "2023-02", "2023-03", "2023-04")) {
            reports.submit(operator.actor(), opened.get(period).id(), monthly(), OperatorReports.Channel.API);
            reports.accept(ministry, opened.get(period).id());
        }
        ReportView may = reports.submit(
                operator.actor(),
                opened.get("2023-05").id(),
                with(monthly(), "FIXED_DOWNLOAD_MBPS", "211", "BROADBAND_USERS", "1010000"),
                OperatorReports.Channel.API);

        List<AnomalyFlag> flags = reports.flags(may).stream()
                .filter(f -> f.basis() == AnomalyFlag.Basis.HISTORY)
                .toList();

        assertThat(flags).singleElement().satisfies(flag -> {
            assertThat(flag.metricCode()).isEqualTo("FIXED_DOWNLOAD_MBPS");
            assertThat(flag.baseline()).isEqualByComparingTo("105.5");
            assertThat(flag.deviationPercent()).isEqualByComparingTo("100.0");
            assertThat(flag.compared()).isEqualTo(4);
        });
        assertThat(may.status()).as("a flag never refuses").isEqualTo(ReportStatus.SUBMITTED);
    }

    @Test
    void aPriceFarFromOtherOperatorsInTheProvinceIsFlaggedButTotalsOfABiggerOperatorAreNot() {
        Operator first = IndustryFixtures.operator(access, "54");
        Operator second = IndustryFixtures.operator(access, "54");
        Operator odd = IndustryFixtures.operator(access, "54");
        LocalDate start = LocalDate.of(2022, 1, 1);
        LocalDate today = LocalDate.of(2022, 2, 1);
        ReportView a = IndustryFixtures.reports(schedules, reports, first, MONTHLY, "54", start, today)
                .get("2022-01");
        ReportView b = IndustryFixtures.reports(schedules, reports, second, MONTHLY, "54", start, today)
                .get("2022-01");
        ReportView c = IndustryFixtures.reports(schedules, reports, odd, MONTHLY, "54", start, today)
                .get("2022-01");
        reports.submit(first.actor(), a.id(), monthly(), OperatorReports.Channel.API);
        reports.submit(
                second.actor(), b.id(), with(monthly(), "MOBILE_DATA_REVENUE", "11000"), OperatorReports.Channel.API);
        ReportView submitted = reports.submit(
                odd.actor(),
                c.id(),
                with(
                        monthly(),
                        "MOBILE_DATA_REVENUE",
                        "25000",
                        "BROADBAND_USERS",
                        "5000000",
                        "USERS_100M",
                        "4750000",
                        "USERS_1000M",
                        "1500000"),
                OperatorReports.Channel.API);

        assertThat(reports.flags(submitted))
                .filteredOn(f -> f.basis() == AnomalyFlag.Basis.PEERS)
                .extracting(AnomalyFlag::metricCode)
                .containsExactly("MOBILE_PRICE_PER_GB");
    }

    @Test
    void eachReaderSeesOnlyTheReportsOfItsScope() {
        List<ReportView> guangdongReports = reports.search(
                        DataScope.province("44"), OperatorReports.Search.everything(), PageRequest.of(0, 200))
                .getContent();
        assertThat(guangdongReports)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.provinceCode()).isEqualTo("44"));
        String cmcc = access.organisation("OP-CMCC").orElseThrow().creditCode();
        assertThat(reports.search(
                                DataScope.enterprise(cmcc), OperatorReports.Search.everything(), PageRequest.of(0, 200))
                        .getContent())
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.operatorCreditCode()).isEqualTo(cmcc));
        ReportView anyGuangdong = guangdongReports.get(0);
        assertThat(reports.find(DataScope.province("11"), anyGuangdong.id())).isEmpty();
        assertThat(reports.find(DataScope.province("44"), anyGuangdong.id())).isPresent();
        assertThat(reports.find(DataScope.all(), anyGuangdong.id())).isPresent();
        assertThat(reports.lateAndMissing(DataScope.province("11"), reports.today(), 1000))
                .allSatisfy(r -> assertThat(r.provinceCode()).isEqualTo("11"));
    }

    @Test
    void theDemoHasTwoYearsOfMonthlyReportsForTheThreeBasicOperators() {
        for (String code : List.of("OP-CMCC", "OP-CUCC", "OP-CTCC")) {
            String creditCode = access.organisation(code).orElseThrow().creditCode();
            long periods = jdbc.sql("select count(distinct period_code) from industry_report"
                            + " where operator_credit_code = :c and template_code = :t")
                    .param("c", creditCode)
                    .param("t", MONTHLY)
                    .query(Long.class)
                    .single();
            assertThat(periods).as(code).isEqualTo(24);
        }
        assertThat(reports.search(
                                DataScope.all(),
                                new OperatorReports.Search(ReportStatus.SUBMITTED, null, null, "44", null),
                                PageRequest.of(0, 10))
                        .getTotalElements())
                .as("Guangdong has reports awaiting review")
                .isPositive();
    }
}

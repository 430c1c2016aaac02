package org.telereg.platform.tariffs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.tariffs.TariffFixtures.fixed;
import static org.telereg.platform.tariffs.TariffFixtures.mobile;
import static org.telereg.platform.tariffs.TariffFixtures.monthly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.appeals.AppealChannel;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.appeals.AppealView;
import org.telereg.platform.appeals.NewAppeal;
import org.telereg.platform.broadband.MeasurementImport;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;
import org.telereg.platform.industry.ReportView;
import org.telereg.platform.tariffs.TariffFixtures.Operator;

/**
 * The dashboard's figures on hand-made data: one fresh operator with reports in Guangdong and Beijing
 * for March 2022 and 2023, plans, fibre speed tests under an alias of its name and appeals, each
 * figure worked out by hand.
 */
@PlatformIntegrationTest
class TariffDashboardIntegrationTests {

    private static final YearMonth MONTH = YearMonth.of(2023, 3);

    @Autowired
    TariffDashboard dashboard;

    @Autowired
    UnitPrices prices;

    @Autowired
    UnitPriceTargets targets;

    @Autowired
    PlanCatalogue catalogue;

    @Autowired
    OperatorReports reports;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    MeasurementImport measurements;

    @Autowired
    AppealDesk appeals;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    CompanyAliases aliases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private Operator operator;
    private String alias;

    @BeforeEach
    void handMadeMonth() {
        operator = TariffFixtures.operator(access, companies, "44");
        alias = "测速别名" + operator.creditCode().substring(8, 16);
        aliases.add(Actor.system(), operator.creditCode(), alias);
        Map<String, ReportView> guangdong = TariffFixtures.reports(
                schedules, reports, operator, "44", LocalDate.of(2022, 3, 1), LocalDate.of(2023, 4, 15));
        Map<String, ReportView> beijing = TariffFixtures.reports(
                schedules, reports, operator, "11", LocalDate.of(2022, 3, 1), LocalDate.of(2023, 4, 15));
        // Guangdong: 4000 / 32000 = 0.125 and 10000 / 5000 = 2.0 a year before; 4000 / 35000 = 0.1143 and
        // 10000 / 5500 = 1.8182 now. Beijing: 2000 / 20000 = 0.1 and 5000 / 2500 = 2.0 a year before;
        // 2000 / 25000 = 0.08 and 5000 / 2500 = 2.0 now.
        submit(guangdong.get("2022-03"), monthly("4000", "32000", "10000", "5000", "100"));
        submit(guangdong.get("2023-03"), monthly("4000", "35000", "10000", "5500", "105.5"));
        submit(beijing.get("2022-03"), monthly("2000", "20000", "5000", "2500", "90"));
        submit(beijing.get("2023-03"), monthly("2000", "25000", "5000", "2500", "95"));
        reports.accept(Actor.system(), guangdong.get("2023-03").id());
        targets.save(Actor.system(), new TargetInput("2023", "0.11", "1.85", "5", "测试目标"));

        // Fixed plans: national 100 / 1000 = 0.1, Guangdong 60 / 300 = 0.2, Beijing 45 / 500 = 0.09;
        // mobile national 60 / 30 = 2.0.
        catalogue.file(operator.actor(), fixed("KD-1000", "", "100", "1000", "2023-01-01", null));
        catalogue.file(operator.actor(), fixed("GD-300", "44", "60", "300", "2023-01-01", null));
        catalogue.file(operator.actor(), fixed("BJ-500", "11", "45", "500", "2023-01-01", null));
        catalogue.file(operator.actor(), mobile("SJ-30", "", "60", "30", "2023-01-01", null));

        // Fibre tests under the alias: Guangdong 100, 200, 300 (mean and median 200), Beijing 50, 150
        // (100); one in April that does not count.
        TariffFixtures.speedTests(measurements, alias, "440100", "2023-03-10", 100, 200, 300);
        TariffFixtures.speedTests(measurements, alias, "110101", "2023-03-20", 50, 150);
        TariffFixtures.speedTests(measurements, alias, "440100", "2023-04-02", 900);

        // Two fee appeals in Guangdong, one about speed in Beijing, all accepted; one about coverage
        // and one fee appeal still undecided, neither counted.
        accepted(appeal("44", "UNEXPLAINED_CHARGES"));
        accepted(appeal("44", "TARIFF_DISPUTE"));
        accepted(appeal("11", "BROADBAND_SPEED"));
        accepted(appeal("44", "SIGNAL_COVERAGE"));
        appeal("44", "BILLING_ERROR");
    }

    @Test
    void oneRowPerOperatorPutsPricesSpeedsAndAppealsSideBySide() {
        DashboardRow row = row(dashboard.dashboard(DataScope.all(), MONTH, null, null), null);

        assertThat(row.operatorName()).isEqualTo(operator.name());
        // Both provinces as one market: (4000 + 2000) / (35000 + 25000) = 0.1; a year before
        // 6000 / 52000 = 0.1154; change (0.1 - 0.1154) / 0.1154 = -13.3 %.
        assertThat(row.fixedPrice()).isEqualByComparingTo("0.1");
        assertThat(row.fixedPriceLastYear()).isEqualByComparingTo("0.1154");
        assertThat(row.fixedChangePercent()).isEqualByComparingTo("-13.3");
        // Target 2023: ≤ 0.11 and ≤ 0.1154 × 0.95 = 0.1096: 0.1 is on track.
        assertThat(row.fixedBehind()).isFalse();
        // Mobile: 15000 / 8000 = 1.875 against 15000 / 7500 = 2.0, -6.25 % → -6.3 %; above 1.85, behind.
        assertThat(row.mobilePrice()).isEqualByComparingTo("1.875");
        assertThat(row.mobilePriceLastYear()).isEqualByComparingTo("2");
        assertThat(row.mobileChangePercent()).isEqualByComparingTo("-6.3");
        assertThat(row.mobileBehind()).isTrue();
        // Catalogue: fixed 0.09, 0.1, 0.2 → median 0.1, mean 0.13; mobile 2.0.
        assertThat(row.catalogueFixedMedian()).isEqualByComparingTo("0.1");
        assertThat(row.catalogueFixedMean()).isEqualByComparingTo("0.13");
        assertThat(row.fixedPlans()).isEqualTo(3);
        assertThat(row.catalogueMobileMedian()).isEqualByComparingTo("2");
        assertThat(row.mobilePlans()).isEqualTo(1);
        // Measured: 50, 100, 150, 200, 300 → mean 160, median 150; the April test is not counted.
        assertThat(row.measurements()).isEqualTo(5);
        assertThat(row.measuredMeanMbps()).isEqualTo(160.0);
        assertThat(row.measuredMedianMbps()).isEqualTo(150.0);
        // Reported download weighted by users (1,000,000 each): (105.5 + 95) / 2 = 100.25; gigabit 30 %.
        assertThat(row.reportedDownloadMbps()).isEqualByComparingTo("100.25");
        assertThat(row.share1000m()).isEqualByComparingTo("30");
        assertThat(row.reportsAccepted()).as("Beijing's report awaits review").isFalse();
        assertThat(row.feeAppeals()).isEqualTo(2);
        assertThat(row.speedAppeals()).isEqualTo(1);
    }

    @Test
    void oneOperatorProvinceByProvince() {
        Dashboard byProvince = dashboard.dashboard(DataScope.all(), MONTH, null, operator.creditCode());

        assertThat(byProvince.rows())
                .extracting(
                        DashboardRow::provinceCode,
                        r -> plain(r.fixedPrice()),
                        DashboardRow::fixedBehind,
                        r -> plain(r.mobilePrice()),
                        DashboardRow::mobileBehind,
                        r -> plain(r.catalogueFixedMedian()),
                        DashboardRow::measuredMeanMbps,
                        DashboardRow::feeAppeals,
                        DashboardRow::speedAppeals)
                .containsExactly(
                        // Beijing: 0.08 under the ceiling and 0.1 × 0.95; mobile 2.0 above 1.85; plans 0.09
                        // and the national 0.1 → 0.095.
                        tuple("11", "0.08", false, "2", true, "0.095", 100.0, 0L, 1L),
                        // Guangdong: 0.1143 above 0.11; mobile 1.8182 under 1.85 and 2.0 × 0.95; plans 0.2
                        // and 0.1 → 0.15.
                        tuple("44", "0.1143", true, "1.8182", false, "0.15", 200.0, 2L, 0L));
        assertThat(dashboard.fixedPriceByProvince(DataScope.all(), MONTH, operator.creditCode()))
                .hasSize(2)
                .hasEntrySatisfying("11", price -> assertThat(price).isEqualByComparingTo("0.08"))
                .hasEntrySatisfying("44", price -> assertThat(price).isEqualByComparingTo("0.1143"));
    }

    @Test
    void theTrendRunsTwentyFourMonthsAgainstTheTarget() {
        PriceTrend trend = dashboard.trend(DataScope.all(), MONTH, null, operator.creditCode());

        assertThat(trend.months()).hasSize(24).startsWith("2021-04").endsWith("2023-03");
        PriceTrend.Series fixedPrices = trend.series().stream()
                .filter(s -> s.figure() == PriceTrend.Figure.FIXED_PRICE)
                .findFirst()
                .orElseThrow();
        assertThat(fixedPrices.operatorCreditCode()).isEqualTo(operator.creditCode());
        assertThat(fixedPrices.values().get(11)).isEqualByComparingTo("0.1154");
        assertThat(fixedPrices.values().get(23)).isEqualByComparingTo("0.1");
        assertThat(fixedPrices.values().get(12)).isNull();
        assertThat(trend.fixedTarget().get(23)).isEqualByComparingTo("0.11");
        assertThat(trend.mobileTarget().get(23)).isEqualByComparingTo("1.85");
        assertThat(trend.series())
                .filteredOn(s -> s.figure() == PriceTrend.Figure.MEASURED_DOWNLOAD)
                .singleElement()
                .satisfies(s -> assertThat(s.values().get(23)).isEqualByComparingTo("160"));
    }

    @Test
    void theCataloguePriceOfAMonthCountsThePlansOnSaleAtItsEnd() {
        List<UnitPrices.CataloguePrice> byMonth = prices.catalogue(
                DataScope.all(), YearMonth.of(2022, 12), MONTH, Grouping.OPERATOR, null, operator.creditCode());

        assertThat(byMonth)
                .filteredOn(p -> p.kind() == PlanKind.FIXED_BROADBAND)
                .extracting(UnitPrices.CataloguePrice::month, UnitPrices.CataloguePrice::plans)
                .containsExactly(tuple(YearMonth.of(2023, 1), 3), tuple(YearMonth.of(2023, 2), 3), tuple(MONTH, 3));
    }

    @Test
    void eachReaderSeesOnlyItsOwnRows() {
        // Guangdong's administration sees Guangdong's figures of the operator, and nothing of Beijing.
        Dashboard gd = dashboard.dashboard(DataScope.province("44"), MONTH, null, null);
        DashboardRow gdRow = row(gd, "44");
        assertThat(gd.rows()).extracting(DashboardRow::provinceCode).containsOnly("44");
        assertThat(gdRow.fixedPrice()).isEqualByComparingTo("0.1143");
        assertThat(gdRow.measuredMeanMbps()).isEqualTo(200.0);
        assertThat(gdRow.speedAppeals()).isZero();
        assertThat(dashboard
                        .dashboard(DataScope.province("44"), MONTH, "11", null)
                        .rows())
                .extracting(DashboardRow::provinceCode)
                .containsOnly("44");

        // The operator sees its own row, with its own speed tests; another operator sees none of it.
        Dashboard own = dashboard.dashboard(operator.actor().scope(), MONTH, null, null);
        assertThat(own.rows()).extracting(DashboardRow::operatorCreditCode).containsExactly(operator.creditCode());
        assertThat(own.rows().get(0).measurements()).isEqualTo(5);
        Operator other = TariffFixtures.operator(access, companies, "44");
        assertThat(dashboard
                        .dashboard(other.actor().scope(), MONTH, null, operator.creditCode())
                        .rows())
                .extracting(DashboardRow::operatorCreditCode)
                .doesNotContain(operator.creditCode());
    }

    @Test
    void theApiAnswersTheDashboardByOperatorNameAndRefusesAccessProviders() throws Exception {
        mvc.perform(get("/api/v1/tariffs/dashboard")
                        .param("month", "2023-03")
                        .param("operator", alias)
                        .with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.operatorCreditCode").value(operator.creditCode()))
                .andExpect(jsonPath("$.rows.length()").value(2))
                .andExpect(jsonPath("$.rows[1].provinceCode").value("44"))
                .andExpect(jsonPath("$.rows[1].fixedPrice").value(0.1143))
                .andExpect(jsonPath("$.target.fixedMax").value(0.11));
        mvc.perform(get("/api/v1/tariffs/dashboard")
                        .param("month", "2023-13")
                        .param("operator", "没有这家")
                        .with(as(users, "admin")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("month"))
                .andExpect(jsonPath("$.errors[1].field").value("operator"));
        mvc.perform(get("/api/v1/tariffs/dashboard").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/tariffs/dashboard").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/tariffs/dashboard")
                        .param("month", "2023-03")
                        .param("operator", operator.creditCode())
                        .with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"row-" + operator.creditCode() + "-44\"")))
                .andExpect(content().string(containsString("0.1143")))
                .andExpect(content().string(containsString("未达标")));
    }

    private DashboardRow row(Dashboard shown, String province) {
        return shown.rows().stream()
                .filter(r -> operator.creditCode().equals(r.operatorCreditCode()))
                .filter(r -> province == null || province.equals(r.provinceCode()))
                .findFirst()
                .orElseThrow();
    }

    private void submit(ReportView report, Map<String, String> values) {
        reports.submit(operator.actor(), report.id(), values, OperatorReports.Channel.API);
    }

    private AppealView appeal(String province, String subject) {
        LocalDate today = appeals.today();
        String phone = "139" + String.format("%08d", (long) (Math.random() * 100_000_000L));
        AppealView appeal = appeals.submit(
                AppealChannel.PHONE,
                new NewAppeal(
                        "赵六",
                        phone,
                        operator.code(),
                        province,
                        subject,
                        "请求处理",
                        "事实经过",
                        today.minusDays(40).toString(),
                        today.minusDays(30).toString(),
                        "HOTLINE",
                        "不予处理",
                        today.minusDays(25).toString(),
                        "false",
                        "false",
                        "false"));
        jdbc.sql("update appeals_appeal set received_at = :at where id = :id")
                .param("at", OffsetDateTime.of(2023, 3, 15, 12, 0, 0, 0, ZoneOffset.ofHours(8)))
                .param("id", appeal.id())
                .update();
        return appeal;
    }

    private void accepted(AppealView appeal) {
        appeals.decide(Actor.system(), appeal.id(), "ACCEPTED", "测试受理");
    }

    private static String plain(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().toPlainString();
    }
}

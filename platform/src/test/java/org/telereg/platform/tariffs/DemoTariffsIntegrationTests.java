package org.telereg.platform.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;

/** The demo catalogues: unit prices that fall over the two years, withdrawn plans, targets, and a second run that adds nothing. */
@PlatformIntegrationTest
class DemoTariffsIntegrationTests {

    @Autowired
    DemoTariffs demo;

    @Autowired
    UnitPrices prices;

    @Autowired
    UnitPriceTargets targets;

    @Autowired
    PlanCatalogue catalogue;

    @Autowired
    AccessManagement access;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theBigThreesPlanPricesFallOverTheTwoYearsAgainstTargets() throws Exception {
        String cmcc = access.organisation("OP-CMCC").orElseThrow().creditCode();
        YearMonth last = YearMonth.from(catalogue.today()).minusMonths(1);
        YearMonth first = last.minusMonths(23);

        List<UnitPrices.CataloguePrice> byMonth =
                prices.catalogue(DataScope.all(), first, last, Grouping.OPERATOR, null, cmcc);

        UnitPrices.CataloguePrice fixedFirst = price(byMonth, PlanKind.FIXED_BROADBAND, first);
        UnitPrices.CataloguePrice fixedLast = price(byMonth, PlanKind.FIXED_BROADBAND, last);
        UnitPrices.CataloguePrice mobileFirst = price(byMonth, PlanKind.MOBILE, first);
        UnitPrices.CataloguePrice mobileLast = price(byMonth, PlanKind.MOBILE, last);
        assertThat(fixedLast.median()).isLessThan(fixedFirst.median());
        assertThat(fixedFirst.median().doubleValue()).isBetween(0.11, 0.16);
        assertThat(fixedLast.median().doubleValue()).isBetween(0.07, 0.11);
        assertThat(mobileFirst.median().doubleValue()).isBetween(1.85, 2.15);
        assertThat(mobileLast.median().doubleValue()).isBetween(1.55, 1.85);
        assertThat(catalogue.plans(
                        DataScope.all(),
                        new PlanCatalogue.Filter(cmcc, null, null, PlanStatus.WITHDRAWN, null, null),
                        100))
                .extracting(PlanView::planCode)
                .containsExactlyInAnyOrder("KD-100", "SJ-10");
        assertThat(targets.forYear(last.getYear())).isPresent();
        assertThat(targets.forYear(first.getYear())).isPresent();

        long versions = jdbc.sql("select count(*) from tariffs_plan_version")
                .query(Long.class)
                .single();
        demo.run(null);
        assertThat(jdbc.sql("select count(*) from tariffs_plan_version")
                        .query(Long.class)
                        .single())
                .isEqualTo(versions);
    }

    private static UnitPrices.CataloguePrice price(
            List<UnitPrices.CataloguePrice> prices, PlanKind kind, YearMonth month) {
        return prices.stream()
                .filter(p -> p.kind() == kind && p.month().equals(month))
                .findFirst()
                .orElseThrow();
    }
}

package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/**
 * Demo plan catalogues of China Mobile, China Telecom and China Unicom over the last two years: national
 * fixed, mobile and bundle plans and a few provincial ones, re-priced a year ago so that the unit prices
 * fall as in the industry demo (about 0.13 → 0.1 yuan per Mbps per month, 2.0 → 1.7 yuan per GB), one
 * plan withdrawn; and the ministry's targets for each year the two years touch.
 */
@Component
@Profile("demo")
@Order(60)
class DemoTariffs implements ApplicationRunner {

    private static final String[] OPERATORS = {"OP-CMCC", "OP-CTCC", "OP-CUCC"};

    /**
     * Code, name, kind, province (empty: national), then the first and the second year's fee, downlink Mbps,
     * data GB; a second-year fee of 0 withdraws the plan, a first-year fee of 0 introduces it in the second year.
     */
    private static final String[][] PLANS = {
        {"KD-300", "宽带 300M", "FIXED_BROADBAND", "", "40", "300", "", "40", "500", ""},
        {"KD-1000", "千兆宽带 1000M", "FIXED_BROADBAND", "", "119", "1000", "", "99", "1000", ""},
        {"KD-2000", "2000M 宽带", "FIXED_BROADBAND", "", "0", "", "", "169", "2000", ""},
        {"KD-100", "宽带 100M", "FIXED_BROADBAND", "", "30", "100", "", "0", "", ""},
        {"SJ-30", "畅享 30GB", "MOBILE", "", "59", "", "30", "69", "", "40"},
        {"SJ-60", "畅享 60GB", "MOBILE", "", "119", "", "60", "119", "", "70"},
        {"SJ-100", "5G 尊享 100GB", "MOBILE", "", "199", "", "100", "199", "", "120"},
        {"SJ-10", "4G 经济 10GB", "MOBILE", "", "29", "", "10", "0", "", ""},
        {"RH-1000", "融合 1000M + 40GB + IPTV", "BUNDLE", "", "169", "1000", "40", "159", "1000", "60"},
        {"GD-XY-500", "广东校园宽带 500M", "FIXED_BROADBAND", "44", "50", "500", "", "45", "500", ""},
        {"GD-SJ-40", "广东湾区 40GB", "MOBILE", "44", "69", "", "35", "69", "", "42"},
        {"BJ-KD-1000", "北京千兆 1000M", "FIXED_BROADBAND", "11", "129", "1000", "", "109", "1000", ""},
        {"SH-SJ-50", "上海 50GB", "MOBILE", "31", "99", "", "50", "89", "", "52"},
        {"SC-KD-300", "四川宽带 300M", "FIXED_BROADBAND", "51", "35", "300", "", "35", "500", ""},
    };

    private final JdbcClient jdbc;
    private final PlanCatalogue catalogue;
    private final UnitPriceTargets targets;
    private final AccessManagement access;
    private final long seed;

    DemoTariffs(
            JdbcClient jdbc,
            PlanCatalogue catalogue,
            UnitPriceTargets targets,
            AccessManagement access,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.targets = targets;
        this.access = access;
        this.seed = seed;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long existing =
                jdbc.sql("select count(*) from tariffs_plan").query(Long.class).single();
        if (existing > 0) {
            return;
        }
        Random random = new Random(seed + 60);
        YearMonth last = YearMonth.from(catalogue.today()).minusMonths(1);
        LocalDate start = last.minusMonths(23).atDay(1);
        LocalDate change = start.plusMonths(12);
        for (String code : OPERATORS) {
            OrganisationView organisation = access.organisation(code).orElse(null);
            if (organisation == null || organisation.creditCode() == null) {
                continue;
            }
            Actor operator = new Actor(
                    "demo-" + code.toLowerCase(java.util.Locale.ROOT),
                    organisation.name(),
                    Role.OPERATOR,
                    organisation.id(),
                    organisation.name(),
                    DataScope.enterprise(organisation.creditCode()));
            // Each operator prices a little differently.
            double factor = 0.94 + random.nextDouble() * 0.12;
            for (String[] plan : PLANS) {
                boolean firstYear = !plan[4].equals("0");
                if (firstYear) {
                    catalogue.file(operator, input(plan, plan[4], plan[5], plan[6], factor, start, start, "ON_SALE"));
                }
                if (plan[7].equals("0")) {
                    catalogue.file(
                            operator, input(plan, plan[4], plan[5], plan[6], factor, start, change, "WITHDRAWN"));
                } else {
                    catalogue.file(
                            operator,
                            input(
                                    plan,
                                    plan[7],
                                    plan[8],
                                    plan[9],
                                    factor,
                                    firstYear ? start : change,
                                    change,
                                    "ON_SALE"));
                }
            }
        }
        int firstYear = start.getYear();
        for (int year = firstYear; year <= last.getYear(); year++) {
            int step = year - firstYear;
            targets.save(
                    Actor.system(),
                    new TargetInput(
                            String.valueOf(year),
                            new BigDecimal("0.14")
                                    .subtract(new BigDecimal("0.02").multiply(BigDecimal.valueOf(step)))
                                    .toPlainString(),
                            new BigDecimal("2.05")
                                    .subtract(new BigDecimal("0.15").multiply(BigDecimal.valueOf(step)))
                                    .toPlainString(),
                            "5",
                            "提速降费年度目标（演示）"));
        }
    }

    private static PlanInput input(
            String[] plan,
            String fee,
            String mbps,
            String gb,
            double factor,
            LocalDate validFrom,
            LocalDate effective,
            String status) {
        BigDecimal priced =
                new BigDecimal(fee).multiply(BigDecimal.valueOf(factor)).setScale(0, RoundingMode.HALF_UP);
        boolean mobile = !plan[2].equals("FIXED_BROADBAND");
        return new PlanInput(
                plan[0],
                plan[1],
                plan[2],
                plan[3],
                priced.toPlainString(),
                mbps,
                gb,
                mobile ? "500" : null,
                plan[2].equals("BUNDLE") ? "IPTV, 副卡 1 张" : null,
                mobile ? "12" : "0",
                validFrom.toString(),
                null,
                status,
                effective.toString());
    }
}

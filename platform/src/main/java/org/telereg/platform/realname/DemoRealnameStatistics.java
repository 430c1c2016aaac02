package org.telereg.platform.realname;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.antifraud.FraudNumberConfirmed;

/**
 * Demo monthly reports of the three basic operators for Beijing, Shanghai and Guangdong over six
 * months (China Telecom's Guangdong report of last month is missing, and one report differs from the
 * verification queue), a few store inspections, and fraud-confirmed numbers traced to the outlets of
 * the demo snapshots, so the risky-outlet list has something to rank. Runs once, after the snapshots.
 */
@Component
@Profile("demo")
@Order(35)
class DemoRealnameStatistics implements ApplicationRunner {

    private static final String[] OPERATORS = {"OP-CMCC", "OP-CUCC", "OP-CTCC"};
    private static final String[] PROVINCES = {"11", "31", "44"};
    private static final int MONTHS = 6;

    private final MonthlyReports reports;
    private final StoreInspections inspections;
    private final FraudNumberOutlets fraudOutlets;
    private final AccessManagement access;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long seed;

    DemoRealnameStatistics(
            MonthlyReports reports,
            StoreInspections inspections,
            FraudNumberOutlets fraudOutlets,
            AccessManagement access,
            JdbcClient jdbc,
            Clock clock,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.reports = reports;
        this.inspections = inspections;
        this.fraudOutlets = fraudOutlets;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from realname_monthly_report")
                                .query(Long.class)
                                .single()
                        > 0
                || access.organisation("OP-CMCC").isEmpty()) {
            return;
        }
        Random random = new Random(seed + 35);
        YearMonth last = reports.currentMonth().minusMonths(1);
        for (int o = 0; o < OPERATORS.length; o++) {
            Actor operator = operator(OPERATORS[o]);
            if (operator == null) {
                continue;
            }
            for (String province : PROVINCES) {
                long users = 8_000_000L + random.nextInt(30_000_000);
                for (int m = MONTHS - 1; m >= 0; m--) {
                    YearMonth month = last.minusMonths(m);
                    if (m == 0 && o == 2 && province.equals("44")) {
                        continue;
                    }
                    report(
                            random,
                            operator,
                            province,
                            month,
                            users,
                            MONTHS - 1 - m,
                            m == 0 && o == 0 && province.equals("44"));
                    users += random.nextInt(200_000);
                }
            }
        }
        inspections(random);
        fraudNumbers(random);
    }

    private void report(
            Random random, Actor operator, String province, YearMonth month, long users, int step, boolean off) {
        // Registration improves month by month, from about 99.2 % towards 99.7 %.
        long unregistered = users / 1000 * (8 - step) + random.nextInt(5000);
        long newUsers = 50_000L + random.nextInt(150_000);
        long own = newUsers * (40 + random.nextInt(5)) / 100;
        long agents = newUsers * (25 + random.nextInt(5)) / 100;
        long online = newUsers * (10 + random.nextInt(5)) / 100;
        reports.submit(
                operator,
                new MonthlyReportInput(
                        province,
                        month.toString(),
                        Long.toString(users),
                        Long.toString(users - unregistered),
                        Long.toString(newUsers),
                        Long.toString(own),
                        Long.toString(agents),
                        Long.toString(online),
                        Long.toString(newUsers - own - agents - online),
                        Integer.toString(800 + random.nextInt(4000)),
                        off ? "3" : "0",
                        off ? "1" : "0"));
    }

    private void inspections(Random random) {
        Actor ministry = Actor.system();
        List<String[]> outlets = jdbc.sql("""
                select operator_credit_code, sales_outlet, max(province_code) from realname_subscriber
                where sales_outlet is not null and province_code in ('11', '44')
                group by operator_credit_code, sales_outlet order by operator_credit_code, sales_outlet""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        LocalDate today = inspections.today();
        String[] inspectors = {"王检查", "李督查", "赵执法"};
        for (int i = 0; i < Math.min(6, outlets.size()); i++) {
            String[] outlet = outlets.get(i * outlets.size() / 6);
            InspectionView planned = inspections.plan(
                    ministry,
                    new InspectionPlanInput(
                            outlet[0],
                            outlet[1],
                            outlet[2],
                            null,
                            today.minusDays(40L - i * 10L).toString(),
                            inspectors[i % inspectors.length]));
            if (i < 4) {
                boolean compliant = i != 1;
                inspections.record(
                        ministry,
                        planned.id(),
                        new InspectionResultInput(
                                today.minusDays(38L - i * 10L).toString(),
                                Boolean.toString(compliant),
                                compliant ? null : "未按规定核验身份证件原件，代办号码未登记代办人信息",
                                Boolean.toString(!compliant && random.nextBoolean()),
                                compliant ? null : today.plusDays(30).toString()));
            }
        }
    }

    private void fraudNumbers(Random random) {
        List<String[]> sold = jdbc.sql("""
                select operator_credit_code, sales_outlet, phone_number from realname_subscriber
                where sales_outlet is not null and status <> 'CANCELLED'
                order by operator_credit_code, sales_outlet, phone_number""")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .list();
        if (sold.isEmpty()) {
            return;
        }
        long caseId = -1;
        // Three outlets sold several of the confirmed numbers (5, 4, 3), so the ranking has a top;
        // six more numbers are spread at random.
        for (int hot = 0; hot < 3; hot++) {
            String[] outlet = sold.get(random.nextInt(sold.size()));
            List<String[]> there = sold.stream()
                    .filter(s -> s[0].equals(outlet[0]) && s[1].equals(outlet[1]))
                    .toList();
            for (int i = 0; i < Math.min(5 - hot, there.size()); i++) {
                confirm(caseId--, there.get(i));
            }
        }
        for (int i = 0; i < 6; i++) {
            confirm(caseId--, sold.get(random.nextInt(sold.size())));
        }
    }

    private void confirm(long caseId, String[] sold) {
        fraudOutlets.count(
                new FraudNumberConfirmed(caseId, sold[2], sold[0], null, new BigDecimal("0.9"), clock.instant()));
    }

    private Actor operator(String code) {
        OrganisationView organisation = access.organisation(code).orElse(null);
        if (organisation == null) {
            return null;
        }
        return new Actor(
                "demo",
                "演示数据",
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }
}

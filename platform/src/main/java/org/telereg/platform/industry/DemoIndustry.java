package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Two years of monthly and eight quarters of quarterly reports of the three basic operators in
 * every province, with figures scaled from the national totals MIIT published for 2024–2025 (see
 * docs/industry-reports.md): older periods accepted, a few filed late; in the last periods some
 * reports await review, one was returned, some are missing, and one value stands out for the
 * anomaly flags. Runs once, after the demo organisations exist.
 */
@Component
@Profile("demo")
@Order(50)
class DemoIndustry implements ApplicationRunner {

    private static final String MONTHLY = "BROADBAND_MOBILE_MONTHLY";
    private static final String QUARTERLY = "INFRASTRUCTURE_QUARTERLY";

    /** Organisation, share of fixed broadband subscribers, share of mobile subscribers and of base stations. */
    private static final Object[][] OPERATORS = {
        {"OP-CMCC", 0.47, 0.55, 0.48}, {"OP-CTCC", 0.30, 0.23, 0.27}, {"OP-CUCC", 0.17, 0.19, 0.25}
    };

    /** Resident population by province, millions (2023 statistical yearbook, rounded): the scale of each province. */
    private static final Map<String, Double> POPULATION = new LinkedHashMap<>();

    static {
        String[] rows = {
            "11:21.9", "12:13.6", "13:74.0", "14:34.7", "15:24.0", "21:41.8", "22:23.4", "23:30.6", "31:24.9",
            "32:85.3", "33:66.3", "34:61.2", "35:41.8", "36:45.2", "37:101.2", "41:98.2", "42:58.4", "43:65.7",
            "44:127.1", "45:50.3", "46:10.4", "50:32.0", "51:83.7", "52:38.7", "53:46.7", "54:3.6", "61:39.5",
            "62:24.7", "63:5.9", "64:7.3", "65:26.2"
        };
        for (String row : rows) {
            String[] parts = row.split(":");
            POPULATION.put(parts[0], Double.parseDouble(parts[1]));
        }
    }

    private final JdbcTemplate jdbc;
    private final MetricCatalogue catalogue;
    private final OperatorReports reports;
    private final AccessManagement access;
    private final ReportSchedules schedules;
    private final long seed;

    DemoIndustry(
            JdbcTemplate jdbc,
            MetricCatalogue catalogue,
            OperatorReports reports,
            AccessManagement access,
            ReportSchedules schedules,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.reports = reports;
        this.access = access;
        this.schedules = schedules;
        this.seed = seed;
    }

    private record Planned(
            String operator,
            String province,
            ReportPeriod period,
            String status,
            boolean late,
            Map<String, BigDecimal> values) {}

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Integer existing = jdbc.queryForObject("select count(*) from industry_schedule", Integer.class);
        if (existing != null && existing > 0) {
            return;
        }
        Random random = new Random(seed + 50);
        LocalDate today = reports.today();
        ReportPeriod lastMonth =
                ReportPeriod.containing(Frequency.MONTHLY, today).previous();
        ReportPeriod firstMonth = lastMonth;
        for (int i = 1; i < 24; i++) {
            firstMonth = firstMonth.previous();
        }
        ReportPeriod lastQuarter =
                ReportPeriod.containing(Frequency.QUARTERLY, today).previous();
        ReportPeriod firstQuarter = lastQuarter;
        for (int i = 1; i < 8; i++) {
            firstQuarter = firstQuarter.previous();
        }
        ReportTemplate monthly = catalogue.template(MONTHLY).orElseThrow();
        ReportTemplate quarterly = catalogue.template(QUARTERLY).orElseThrow();
        CatalogueVersion version = catalogue.version(monthly.version());
        double population =
                POPULATION.values().stream().mapToDouble(Double::doubleValue).sum();
        List<Object[]> scheduleRows = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (Object[] operator : OPERATORS) {
            OrganisationView organisation =
                    access.organisation((String) operator[0]).orElse(null);
            if (organisation == null) {
                continue;
            }
            for (ProvinceCode province : ProvinceCode.administered()) {
                double scale = POPULATION.get(province.code()) / population;
                // Richer coastal provinces run faster and have more gigabit users.
                double lift = List.of("11", "31", "44", "32", "33").contains(province.code()) ? 1.12 : 1.0;
                scheduleRows.add(new Object[] {
                    MONTHLY, organisation.creditCode(), organisation.name(), province.code(), 10, firstMonth.starts()
                });
                scheduleRows.add(new Object[] {
                    QUARTERLY,
                    organisation.creditCode(),
                    organisation.name(),
                    province.code(),
                    20,
                    firstQuarter.starts()
                });
                int k = 23;
                for (ReportPeriod period = firstMonth;
                        !period.starts().isAfter(lastMonth.starts());
                        period = period.next(), k--) {
                    Map<String, BigDecimal> entered = monthlyFigures(random, operator, scale, lift, 23 - k);
                    if (operator[0].equals("OP-CMCC") && province.code().equals("44") && k == 1) {
                        // The anomaly the demo shows: a download rate twice the operator's usual.
                        entered.put(
                                "FIXED_DOWNLOAD_MBPS",
                                entered.get("FIXED_DOWNLOAD_MBPS").multiply(BigDecimal.valueOf(2)));
                    }
                    planned.add(plan(
                            random,
                            organisation.creditCode(),
                            province.code(),
                            period,
                            k,
                            today,
                            10,
                            entered,
                            version,
                            monthly));
                }
                int q = 7;
                for (ReportPeriod period = firstQuarter;
                        !period.starts().isAfter(lastQuarter.starts());
                        period = period.next(), q--) {
                    Map<String, BigDecimal> entered = quarterlyFigures(random, operator, scale, 7 - q);
                    planned.add(plan(
                            random,
                            organisation.creditCode(),
                            province.code(),
                            period,
                            q,
                            today,
                            20,
                            entered,
                            version,
                            quarterly));
                }
            }
        }
        if (scheduleRows.isEmpty()) {
            return;
        }
        jdbc.batchUpdate(
                "insert into industry_schedule (template_code, operator_credit_code, operator_name, province_code,"
                        + " deadline_day, starts_on, active) values (?, ?, ?, ?, ?, ?, true)",
                scheduleRows);
        Map<String, Long> scheduleIds = new HashMap<>();
        Map<String, String> operatorNames = new HashMap<>();
        jdbc.query(
                "select id, template_code, operator_credit_code, operator_name, province_code from industry_schedule",
                rs -> {
                    scheduleIds.put(
                            rs.getString("template_code") + "/" + rs.getString("operator_credit_code") + "/"
                                    + rs.getString("province_code"),
                            rs.getLong("id"));
                    operatorNames.put(rs.getString("operator_credit_code"), rs.getString("operator_name"));
                });
        List<Object[]> reportRows = new ArrayList<>();
        for (Planned p : planned) {
            String template = p.period().frequency() == Frequency.MONTHLY ? MONTHLY : QUARTERLY;
            int deadline = p.period().frequency() == Frequency.MONTHLY ? 10 : 20;
            LocalDate due = p.period().dueOn(deadline);
            boolean filed = !p.status().equals("DRAFT");
            LocalDate filedOn = p.late() ? due.plusDays(3) : due.minusDays(2);
            Timestamp submitted = filed ? Timestamp.from(filedOn.atTime(10, 0).toInstant(ZoneOffset.ofHours(8))) : null;
            boolean decided = p.status().equals("ACCEPTED") || p.status().equals("RETURNED");
            Timestamp decidedAt =
                    decided ? Timestamp.from(filedOn.plusDays(4).atTime(15, 0).toInstant(ZoneOffset.ofHours(8))) : null;
            reportRows.add(new Object[] {
                scheduleIds.get(template + "/" + p.operator() + "/" + p.province()),
                template,
                version.version(),
                p.operator(),
                operatorNames.get(p.operator()),
                p.province(),
                p.period().code(),
                p.period().starts(),
                due,
                p.status(),
                p.period().ends().plusDays(1),
                submitted,
                filed ? "demo" : null,
                filed ? (random.nextInt(3) == 0 ? "UPLOAD" : "API") : null,
                p.late(),
                decidedAt,
                decided ? "demo" : null,
                p.status().equals("RETURNED") ? "部分指标与上期相比变化较大，请核实后重新报送。" : null
            });
        }
        jdbc.batchUpdate("""
                insert into industry_report (schedule_id, template_code, catalogue_version, operator_credit_code,
                    operator_name, province_code, period_code, period_starts, due_on, status, opened_on, submitted_at,
                    submitted_by, channel, late, decided_at, decided_by, return_reason)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", reportRows);
        Map<String, Long> reportIds = new HashMap<>();
        jdbc.query("select id, operator_credit_code, province_code, period_code from industry_report", rs -> {
            reportIds.put(
                    rs.getString("operator_credit_code") + "/" + rs.getString("province_code") + "/"
                            + rs.getString("period_code"),
                    rs.getLong("id"));
        });
        List<Object[]> valueRows = new ArrayList<>();
        for (Planned p : planned) {
            long id = reportIds.get(
                    p.operator() + "/" + p.province() + "/" + p.period().code());
            p.values()
                    .forEach((code, amount) -> valueRows.add(new Object[] {
                        id, code, amount, version.metric(code).orElseThrow().derived()
                    }));
        }
        jdbc.batchUpdate(
                "insert into industry_report_value (report_id, metric_code, amount, derived) values (?, ?, ?, ?)",
                valueRows);
        schedules.open(today);
    }

    private static Planned plan(
            Random random,
            String operator,
            String province,
            ReportPeriod period,
            int periodsAgo,
            LocalDate today,
            int deadlineDay,
            Map<String, BigDecimal> entered,
            CatalogueVersion version,
            ReportTemplate template) {
        boolean due = today.isAfter(period.dueOn(deadlineDay));
        int roll = random.nextInt(100);
        String status;
        boolean late = false;
        if (periodsAgo == 0) {
            status = roll < (due ? 85 : 45) ? "SUBMITTED" : "DRAFT";
        } else if (periodsAgo == 1) {
            status = roll < 84 ? "ACCEPTED" : roll < 92 ? "SUBMITTED" : roll < 95 ? "RETURNED" : "DRAFT";
        } else {
            status = "ACCEPTED";
            late = roll < 3;
        }
        if (periodsAgo == 1 && template.frequency() == Frequency.MONTHLY && province.equals("44")) {
            status = "SUBMITTED";
        }
        Map<String, BigDecimal> values = status.equals("DRAFT")
                ? Map.of()
                : version.derive(entered, template.metricCodes()).values();
        return new Planned(operator, province, period, status, late, values);
    }

    /** Month {@code t} of 24 (0 the oldest): national totals grow linearly over the two years. */
    private static Map<String, BigDecimal> monthlyFigures(
            Random random, Object[] operator, double scale, double lift, int t) {
        double growth = t / 23.0;
        double fixedShare = (double) operator[1];
        double mobileShare = (double) operator[2];
        double broadband = (640e6 + 60e6 * growth) * fixedShare * scale * noise(random, 0.03);
        double share100 = 0.93 + 0.02 * growth;
        double share1000 = (0.22 + 0.13 * growth) * lift;
        double mobile = (1.76e9 + 0.06e9 * growth) * mobileShare * scale * noise(random, 0.03);
        double share5g = 0.48 + 0.20 * growth;
        double planMbps = (300 + 100 * growth) * lift;
        double arpu = 40 * noise(random, 0.05);
        double gbPerUser = (18 + 3 * growth) * noise(random, 0.05);
        double pricePerGb = (2.0 - 0.3 * growth) * noise(random, 0.04);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("BROADBAND_USERS", whole(broadband));
        values.put("USERS_100M", whole(broadband * share100));
        values.put("USERS_1000M", whole(broadband * share1000));
        values.put("MOBILE_USERS", whole(mobile));
        values.put("USERS_5G", whole(mobile * share5g));
        values.put("FIXED_DOWNLOAD_MBPS", decimal((95 + 12 * growth) * lift * noise(random, 0.04)));
        values.put("MOBILE_DOWNLOAD_MBPS", decimal((105 + 20 * growth) * noise(random, 0.05)));
        values.put("FIXED_BROADBAND_REVENUE", decimal(broadband * arpu / 1e4));
        values.put("SUBSCRIBED_BANDWIDTH", decimal(broadband * planMbps / 1e4));
        values.put("MOBILE_DATA_REVENUE", decimal(mobile * gbPerUser * pricePerGb / 1e4));
        values.put("MOBILE_DATA_TRAFFIC", decimal(mobile * gbPerUser / 1e4));
        return values;
    }

    private static Map<String, BigDecimal> quarterlyFigures(Random random, Object[] operator, double scale, int t) {
        double growth = t / 7.0;
        double fixedShare = (double) operator[1];
        double siteShare = (double) operator[3];
        double ports = (1.15e9 + 0.1e9 * growth) * fixedShare * scale * noise(random, 0.03);
        double sites = (11.6e6 + 1.0e6 * growth) * siteShare * scale * noise(random, 0.03);
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        values.put("BROADBAND_PORTS", whole(ports));
        values.put("FTTH_PORTS", whole(ports * (0.955 + 0.015 * growth)));
        values.put("MOBILE_BASE_STATIONS", whole(sites));
        values.put("BASE_STATIONS_5G", whole(sites * (0.30 + 0.08 * growth)));
        return values;
    }

    private static double noise(Random random, double spread) {
        return 1 + (random.nextDouble() * 2 - 1) * spread;
    }

    private static BigDecimal whole(double value) {
        return BigDecimal.valueOf(Math.round(value));
    }

    private static BigDecimal decimal(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP);
    }
}

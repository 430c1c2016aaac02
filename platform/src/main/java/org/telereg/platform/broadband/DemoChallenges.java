package org.telereg.platform.broadband;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.telereg.platform.industry.ReportedFigures;

/**
 * Demo challenges in every state: in six province-months the demo operators' accepted reports declare
 * a fixed-broadband mean download well above a batch of extra tests generated there (so the measured
 * mean is 70 % of the declared one), and 中国移动 declares 深圳南山 5G-covered where three in four of its
 * mobile tests ran on 4G. Reconciling opens seven challenges, which are then left open, conceded,
 * rebutted, upheld, dismissed and made overdue. Runs after the speed tests (40) and the reports (50).
 */
@Component
@Profile("demo")
@Order(61)
class DemoChallenges implements ApplicationRunner {

    private static final String[][] CELLS = {
        {"OP-CMCC", "44", "3"}, {"OP-CTCC", "31", "4"}, {"OP-CUCC", "11", "5"},
        {"OP-CMCC", "33", "6"}, {"OP-CTCC", "51", "7"}, {"OP-CUCC", "42", "8"}
    };
    private static final String COVERAGE_COUNTY = "440305";
    private static final int EXTRA_TESTS = 40;

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final ReportedFigures reported;
    private final MeasurementImport imports;
    private final MeasurementEnterprises enterprises;
    private final CoverageDeclarations coverage;
    private final SpeedChallenges challenges;
    private final ChallengeSettings settings;
    private final long seed;

    DemoChallenges(
            JdbcClient jdbc,
            AccessManagement access,
            ReportedFigures reported,
            MeasurementImport imports,
            MeasurementEnterprises enterprises,
            CoverageDeclarations coverage,
            SpeedChallenges challenges,
            ChallengeSettings settings,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.jdbc = jdbc;
        this.access = access;
        this.reported = reported;
        this.imports = imports;
        this.enterprises = enterprises;
        this.coverage = coverage;
        this.challenges = challenges;
        this.settings = settings;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("select count(*) from broadband_challenge")
                .query(Long.class)
                .single();
        if (existing > 0) {
            return;
        }
        enterprises.assignUnresolved();
        Random random = new Random(seed);
        YearMonth last = YearMonth.from(challenges.today()).minusMonths(1);
        StringBuilder csv = new StringBuilder(
                "time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps\n");
        YearMonth first = last;
        for (String[] cell : CELLS) {
            OrganisationView operator = access.organisation(cell[0]).orElse(null);
            if (operator == null) {
                return;
            }
            YearMonth month = last.minusMonths(Long.parseLong(cell[2]) - 1);
            first = month.isBefore(first) ? month : first;
            BigDecimal declared = reported
                    .figures(
                            DataScope.all(),
                            Set.of(AccessClass.FIXED.metricCode()),
                            month.atDay(1),
                            month.atEndOfMonth(),
                            cell[1],
                            operator.creditCode())
                    .stream()
                    .map(ReportedFigures.Figure::amount)
                    .findFirst()
                    .orElse(null);
            if (declared == null) {
                continue;
            }
            // Tests already there (the speed-test demo's few) pull the mean: aim the new ones so that
            // the mean of all comes to 70 % of the declaration, well past the 15 % margin.
            Map<String, Object> sums = jdbc.sql("select count(*) as n, coalesce(sum(download_mbps), 0) as total"
                            + " from broadband_measurement where operator_credit_code = :operator"
                            + " and province_code = :province and tested_at >= :from and tested_at < :to"
                            + " and download_mbps is not null and technology in (" + AccessClass.FIXED.sqlList() + ")")
                    .param("operator", operator.creditCode())
                    .param("province", cell[1])
                    .param("from", month.atDay(1).atStartOfDay())
                    .param("to", month.plusMonths(1).atDay(1).atStartOfDay())
                    .query()
                    .singleRow();
            long n = ((Number) sums.get("n")).longValue();
            double total = ((Number) sums.get("total")).doubleValue();
            int extra = EXTRA_TESTS;
            double target = declared.doubleValue() * 0.7;
            double each = (target * (n + extra) - total) / extra;
            while (each < 5 && extra < 2000) {
                extra *= 2;
                each = (target * (n + extra) - total) / extra;
            }
            String name = shortName(cell[0]);
            for (int i = 0; i < extra; i++) {
                // Pairs either side of the aim keep the mean exact.
                double download = each + (i % 2 == 0 ? 1 : -1) * Math.min(each * 0.2, 5);
                LocalDateTime time = month.atDay(1 + i % month.lengthOfMonth()).atTime(9 + i % 12, 0);
                row(csv, time, cell[1] + "0000", name, "FTTH", download, 100);
            }
        }
        YearMonth coverageMonth = last.minusMonths(1);
        for (int i = 0; i < 40; i++) {
            LocalDateTime time = coverageMonth.atDay(1 + i % 28).atTime(8 + i % 14, 30);
            row(csv, time, COVERAGE_COUNTY, "中国移动", i % 4 == 0 ? "5G" : "4G", 80 + random.nextInt(200), 0);
        }
        imports.importFile(
                Actor.system(),
                new MeasurementUpload("demo-challenge-tests", "csv", null, null, null, null),
                "demo-challenge-tests.csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        access.organisation("OP-CMCC")
                .ifPresent(cmcc -> coverage.declare(
                        operatorActor(cmcc),
                        "demo-coverage",
                        ("county,technology\n" + COVERAGE_COUNTY + ",FTTH;4G;5G\n440106,FTTH;4G\n")
                                .getBytes(StandardCharsets.UTF_8)));
        challenges.reconcile(Actor.system(), first, last);
        progress();
    }

    /** Moves the opened challenges into every state (the oldest month stays open beside the coverage one). */
    private void progress() {
        List<ChallengeView> opened = new ArrayList<>(challenges.search(DataScope.all(), null, null, null, 100));
        opened.sort((a, b) -> Long.compare(a.id(), b.id()));
        Actor ministry = new Actor("officer", "部信息通信管理局", Role.MINISTRY_OFFICER, 0, "工业和信息化部", DataScope.all());
        byte[] pdf = "%PDF-1.4\n% 测速报告\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n".getBytes(StandardCharsets.UTF_8);
        int speed = 0;
        for (ChallengeView challenge : opened) {
            if (challenge.coverage()) {
                continue;
            }
            Actor operator = access.organisations().stream()
                    .filter(o -> challenge.operatorCreditCode().equals(o.creditCode()))
                    .findFirst()
                    .map(DemoChallenges::operatorActor)
                    .orElse(null);
            if (operator == null) {
                continue;
            }
            switch (speed++) {
                case 1 ->
                    challenges.concede(
                            operator,
                            challenge.id(),
                            "经核查，该月报表误将签约速率计为实测速率，现予更正。",
                            challenge.measuredFigure().toPlainString());
                case 2 ->
                    challenges.rebut(
                            operator,
                            challenge.id(),
                            "该月第三方测速样本集中于老旧小区，不具代表性。",
                            List.of(new ChallengeEvidence("自测报告.pdf", pdf)));
                case 3 -> {
                    challenges.rebut(operator, challenge.id(), "报表速率依据网管平台统计，测速样本偏少。", List.of());
                    challenges.decide(ministry, challenge.id(), "UPHELD", "测速样本超过 30 次且分布均匀，申辩理由不成立。");
                }
                case 4 -> {
                    challenges.rebut(
                            operator,
                            challenge.id(),
                            "该月部分测速发生在光缆抢修期间，附抢修记录。",
                            List.of(new ChallengeEvidence("抢修记录.pdf", pdf)));
                    challenges.decide(ministry, challenge.id(), "DISMISSED", "抢修记录属实，剔除抢修期间测速后差距在允许范围内。");
                }
                case 5 -> {
                    LocalDate opened2 = challenges.today().minusDays(settings.answerDays() + 5L);
                    jdbc.sql("update broadband_challenge set opened_on = :opened, answer_due = :due where id = :id")
                            .param("opened", opened2)
                            .param("due", opened2.plusDays(settings.answerDays()))
                            .param("id", challenge.id())
                            .update();
                    challenges.markOverdue(challenges.today());
                }
                default -> {}
            }
        }
    }

    private static Actor operatorActor(OrganisationView organisation) {
        return new Actor(
                "demo-" + organisation.code().toLowerCase(Locale.ROOT),
                organisation.name(),
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }

    private static String shortName(String code) {
        return switch (code) {
            case "OP-CMCC" -> "中国移动";
            case "OP-CTCC" -> "中国电信";
            default -> "中国联通";
        };
    }

    private static void row(
            StringBuilder csv,
            LocalDateTime time,
            String division,
            String operator,
            String technology,
            double download,
            int plan) {
        csv.append(String.format(
                Locale.ROOT,
                "%s,%s,%s,%s,%.2f,%.2f,%.1f,%.4f,%s\n",
                time.toString().replace('T', ' '),
                division,
                operator,
                technology,
                download,
                download * 0.3,
                12.0,
                0.001,
                plan == 0 ? "" : Integer.toString(plan)));
    }
}

package org.telereg.platform.broadband;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A generated, plausible two-year set of Chinese speed tests — every province, the three basic
 * operators, the 24 months before the current one — imported once through the same import as a real
 * file, as the ministry. Faster in the east, slower in the evening, a little faster every month.
 */
@Component
@Profile("demo")
@Order(40)
class DemoBroadband implements ApplicationRunner {

    private static final String[] OPERATORS = {"中国移动", "中国电信", "中国联通"};
    private static final double[] OPERATOR_FACTOR = {0.95, 1.05, 1.0};
    private static final int[] PLANS = {100, 300, 500, 1000};
    private static final double[] PLAN_WEIGHTS = {0.25, 0.4, 0.2, 0.15};
    private static final Set<String> EAST = Set.of("11", "12", "31", "32", "33", "35", "37", "44");
    private static final Set<String> WEST = Set.of("54", "62", "63", "64", "65", "52", "53");
    private static final int MONTHS = 24;

    private final MeasurementImport imports;
    private final JdbcClient jdbc;
    private final BroadbandSettings settings;
    private final Clock clock;
    private final long seed;

    DemoBroadband(
            MeasurementImport imports,
            JdbcClient jdbc,
            BroadbandSettings settings,
            Clock clock,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.imports = imports;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        long batches = jdbc.sql("select count(*) from broadband_batch")
                .query(Long.class)
                .single();
        if (batches > 0 || settings.demoMeasurements() <= 0) {
            return;
        }
        byte[] csv = generate().getBytes(StandardCharsets.UTF_8);
        imports.importFile(
                Actor.system(),
                new MeasurementUpload("demo-speed-tests", "csv", null, null, null, null),
                "demo-speed-tests.csv",
                csv);
    }

    String generate() {
        Random random = new Random(seed);
        YearMonth last = YearMonth.now(clock.withZone(MeasurementImport.CHINA)).minusMonths(1);
        StringBuilder csv = new StringBuilder(
                "time,division,operator,technology,download_mbps,upload_mbps,latency_ms,loss,plan_mbps\n");
        for (ProvinceCode province : ProvinceCode.administered()) {
            double place = EAST.contains(province.code()) ? 1.1 : WEST.contains(province.code()) ? 0.8 : 0.95;
            for (int o = 0; o < OPERATORS.length; o++) {
                for (int m = 0; m < MONTHS; m++) {
                    YearMonth month = last.minusMonths(MONTHS - 1L - m);
                    double growth = 1 + 0.012 * m;
                    for (int n = 0; n < settings.demoMeasurements(); n++) {
                        LocalDateTime time = month.atDay(1 + random.nextInt(month.lengthOfMonth()))
                                .atTime(random.nextInt(24), random.nextInt(60), random.nextInt(60));
                        boolean busy = time.getHour() >= 20 && time.getHour() < 23;
                        double factor = place * OPERATOR_FACTOR[o] * growth * (busy ? 0.82 : 1.0);
                        boolean mobile = random.nextDouble() < 0.2;
                        int plan = mobile ? 0 : plan(random);
                        double download = mobile
                                ? Math.max(20, 180 * factor * (0.6 + random.nextDouble() * 0.8))
                                : Math.min(plan * 1.1, plan * factor * (0.55 + random.nextDouble() * 0.45));
                        double upload = mobile ? download * 0.15 : Math.min(plan, download * 0.3 + 20);
                        double latency = 8 + random.nextDouble() * (mobile ? 40 : 20) + (busy ? 6 : 0);
                        double loss = random.nextDouble() * 0.005;
                        csv.append(String.format(
                                Locale.ROOT,
                                "%s,%s0000,%s,%s,%.2f,%.2f,%.1f,%.4f,%s\n",
                                time.toString().replace('T', ' '),
                                province.code(),
                                OPERATORS[o],
                                mobile ? "5G" : "FTTH",
                                download,
                                upload,
                                latency,
                                loss,
                                mobile ? "" : Integer.toString(plan)));
                    }
                }
            }
        }
        return csv.toString();
    }

    private static int plan(Random random) {
        double draw = random.nextDouble();
        for (int i = 0; i < PLANS.length; i++) {
            draw -= PLAN_WEIGHTS[i];
            if (draw < 0) {
                return PLANS[i];
            }
        }
        return PLANS[PLANS.length - 1];
    }
}

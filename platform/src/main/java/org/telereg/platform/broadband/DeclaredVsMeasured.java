package org.telereg.platform.broadband;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.broadband.Technology;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.industry.ReportedFigures;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Sets what operators declared beside what was measured: their reported mean downloads (fixed and
 * mobile) per province and month against the mean of their own tests there, and their declared
 * county coverage against where their tests ran and how fast.
 */
@Service
public class DeclaredVsMeasured {

    private static final Set<String> METRICS =
            Stream.of(AccessClass.values()).map(AccessClass::metricCode).collect(Collectors.toSet());
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final JdbcClient jdbc;
    private final ReportedFigures reported;
    private final ChallengeSettings settings;

    DeclaredVsMeasured(JdbcClient jdbc, ReportedFigures reported, ChallengeSettings settings) {
        this.jdbc = jdbc;
        this.reported = reported;
        this.settings = settings;
    }

    private record Measured(long tests, double meanMbps) {}

    /**
     * Every declared fixed and mobile mean download of the months {@code [from, to]} within the scope,
     * with the measured mean beside it; newest month first.
     *
     * @param provinceCode one province, or null for all the scope covers
     */
    @Transactional(readOnly = true)
    public List<SpeedComparison> comparisons(DataScope scope, YearMonth from, YearMonth to, String provinceCode) {
        Map<String, Measured> measured = measured(scope, from, to, provinceCode);
        List<SpeedComparison> comparisons = new ArrayList<>();
        for (ReportedFigures.Figure figure :
                reported.figures(scope, METRICS, from.atDay(1), to.atEndOfMonth(), provinceCode, null)) {
            if (figure.periodCode().length() != 7) {
                continue;
            }
            AccessClass access = Stream.of(AccessClass.values())
                    .filter(a -> a.metricCode().equals(figure.metricCode()))
                    .findFirst()
                    .orElseThrow();
            Measured m = measured.get(
                    key(figure.operatorCreditCode(), figure.provinceCode(), figure.periodCode(), access.name()));
            comparisons.add(compare(figure, access, m));
        }
        comparisons.sort(Comparator.comparing(SpeedComparison::period)
                .reversed()
                .thenComparing(SpeedComparison::provinceCode)
                .thenComparing(SpeedComparison::operatorName)
                .thenComparing(SpeedComparison::access));
        return comparisons;
    }

    private SpeedComparison compare(ReportedFigures.Figure figure, AccessClass access, Measured m) {
        BigDecimal declared = figure.amount();
        BigDecimal mean = m == null ? null : BigDecimal.valueOf(m.meanMbps());
        long tests = m == null ? 0 : m.tests();
        boolean counts = tests >= settings.minTests();
        BigDecimal gap = mean == null || mean.signum() == 0
                ? null
                : declared.subtract(mean).multiply(HUNDRED).divide(mean, 2, RoundingMode.HALF_UP);
        // Compared exactly: a declaration of exactly measured × (1 + margin) is within the margin.
        boolean mismatch =
                counts && mean != null && declared.compareTo(mean.multiply(BigDecimal.ONE.add(settings.margin()))) > 0;
        return new SpeedComparison(
                figure.operatorCreditCode(),
                figure.operatorName(),
                figure.provinceCode(),
                provinceName(figure.provinceCode()),
                figure.periodCode(),
                access,
                declared,
                figure.reportId(),
                figure.accepted(),
                mean == null ? null : mean.setScale(2, RoundingMode.HALF_UP),
                tests,
                counts,
                gap,
                mismatch);
    }

    private Map<String, Measured> measured(DataScope scope, YearMonth from, YearMonth to, String provinceCode) {
        Map<String, Object> params = new HashMap<>();
        String accessCase = AccessClass.sqlCase("technology");
        StringBuilder where = new StringBuilder(" where operator_credit_code is not null and province_code is not null")
                .append(" and download_mbps is not null and tested_at >= :from and tested_at < :to and ")
                .append(scope.sqlCondition("province_code", "operator_credit_code", params));
        params.put("from", from.atDay(1).atStartOfDay());
        params.put("to", to.plusMonths(1).atDay(1).atStartOfDay());
        if (provinceCode != null) {
            where.append(" and province_code = :province");
            params.put("province", provinceCode);
        }
        String groups = "operator_credit_code, province_code, extract(year from tested_at),"
                + " extract(month from tested_at), " + accessCase;
        Map<String, Measured> measured = new HashMap<>();
        jdbc.sql("select operator_credit_code, province_code, extract(year from tested_at) as yr,"
                        + " extract(month from tested_at) as mo, " + accessCase + " as access_class,"
                        + " count(*) as tests, avg(download_mbps) as mean_mbps from broadband_measurement"
                        + where + " group by " + groups)
                .params(params)
                .query(rs -> {
                    String access = rs.getString("access_class");
                    if (access != null) {
                        String period =
                                YearMonth.of(rs.getInt("yr"), rs.getInt("mo")).toString();
                        measured.put(
                                key(
                                        rs.getString("operator_credit_code"),
                                        rs.getString("province_code"),
                                        period,
                                        access),
                                new Measured(rs.getLong("tests"), rs.getDouble("mean_mbps")));
                    }
                });
        return measured;
    }

    private static String key(String operator, String province, String period, String access) {
        return operator + "/" + province + "/" + period + "/" + access;
    }

    private record CountyTests(long mobile, long on5g, long fixed, long slow) {}

    /**
     * Every declared FTTH and 5G county within the scope, set beside the operator's tests there in the
     * months {@code [from, to]}; 4G declarations are listed by {@link CoverageDeclarations} but not checked.
     */
    @Transactional(readOnly = true)
    public List<CoverageCheck> coverageChecks(DataScope scope, YearMonth from, YearMonth to, String provinceCode) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where technology <> 'MOBILE_4G' and ")
                .append(scope.sqlCondition("province_code", "operator_credit_code", params));
        if (provinceCode != null) {
            where.append(" and province_code = :province");
            params.put("province", provinceCode);
        }
        record Declared(String operator, String name, String county, String province, CoverageTechnology technology) {}
        List<Declared> declared = jdbc.sql("select operator_credit_code, operator_name, county_code, province_code,"
                        + " technology from broadband_coverage" + where
                        + " order by province_code, county_code, operator_name, technology")
                .params(params)
                .query((rs, n) -> new Declared(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        CoverageTechnology.valueOf(rs.getString(5))))
                .list();
        if (declared.isEmpty()) {
            return List.of();
        }
        Set<String> operators = new LinkedHashSet<>();
        declared.forEach(d -> operators.add(d.operator()));
        Map<String, CountyTests> tests = new HashMap<>();
        jdbc.sql("select operator_credit_code, division_code,"
                        + " sum(case when technology in (" + AccessClass.MOBILE.sqlList() + ") then 1 else 0 end),"
                        + " sum(case when technology = '" + Technology.MOBILE_5G.name() + "' then 1 else 0 end),"
                        + " sum(case when technology in (" + AccessClass.FIXED.sqlList()
                        + ") and download_mbps is not null then 1 else 0 end),"
                        + " sum(case when technology in (" + AccessClass.FIXED.sqlList()
                        + ") and download_mbps < :floor then 1 else 0 end)"
                        + " from broadband_measurement where operator_credit_code in (:operators)"
                        + " and division_code is not null and tested_at >= :from and tested_at < :to"
                        + " group by operator_credit_code, division_code")
                .param("floor", settings.ftthFloorMbps())
                .param("operators", operators)
                .param("from", from.atDay(1).atStartOfDay())
                .param("to", to.plusMonths(1).atDay(1).atStartOfDay())
                .query(rs -> {
                    tests.put(
                            rs.getString(1) + "/" + rs.getString(2),
                            new CountyTests(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)));
                });
        List<CoverageCheck> checks = new ArrayList<>();
        for (Declared d : declared) {
            CountyTests t = tests.getOrDefault(d.operator() + "/" + d.county(), new CountyTests(0, 0, 0, 0));
            boolean fibre = d.technology() == CoverageTechnology.FTTH;
            long count = fibre ? t.fixed() : t.mobile();
            double share = count == 0 ? Double.NaN : (double) (fibre ? t.slow() : t.on5g()) / count;
            boolean counts = count >= settings.coverageMinTests();
            boolean mismatch = counts && (fibre ? share > settings.maxSlowShare() : share < settings.min5gShare());
            checks.add(new CoverageCheck(
                    d.operator(),
                    d.name(),
                    d.county(),
                    d.province(),
                    d.technology(),
                    count,
                    count == 0 ? null : BigDecimal.valueOf(share).setScale(4, RoundingMode.HALF_UP),
                    counts,
                    mismatch));
        }
        return checks;
    }

    static String provinceName(String code) {
        try {
            return new ProvinceCode(code).name();
        } catch (RuntimeException e) {
            return code;
        }
    }
}

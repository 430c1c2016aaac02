package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.broadband.GroupBy;
import org.telereg.engine.broadband.Technology;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.appeals.AppealCounts;
import org.telereg.platform.appeals.AppealSubject;
import org.telereg.platform.broadband.SpeedFigures;
import org.telereg.platform.broadband.SpeedQuery;
import org.telereg.platform.broadband.SpeedStatistics;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.shared.ProvinceCode;

/**
 * The "speed up, fee down" dashboard (提速降费看板): for a month, reported unit prices and their change
 * on a year before against the target, the catalogue's unit prices, measured and reported download
 * rates, the gigabit share and fee and speed appeals, per operator or per province of one operator.
 * Everything is read within the reader's scope; an operator sees its own rows, including the speed
 * tests of its own network, which the broadband module otherwise shows only to regulators.
 */
@Service
public class TariffDashboard {

    /** Months the trend charts cover, ending with the month asked for. */
    static final int TREND_MONTHS = 24;

    private static final Set<AppealSubject> FEE_AND_SPEED = feeAndSpeedSubjects();

    private final UnitPrices prices;
    private final UnitPriceTargets targets;
    private final SpeedStatistics speeds;
    private final AppealCounts appeals;
    private final CompanyAliases aliases;

    TariffDashboard(
            UnitPrices prices,
            UnitPriceTargets targets,
            SpeedStatistics speeds,
            AppealCounts appeals,
            CompanyAliases aliases) {
        this.prices = prices;
        this.targets = targets;
        this.speeds = speeds;
        this.appeals = appeals;
        this.aliases = aliases;
    }

    private record Key(String operator, String province) {}

    /** Builder of one row. */
    private static final class Row {
        String name;
        UnitPrices.ReportedPrice reported;
        UnitPrices.ReportedPrice lastYear;
        UnitPrices.CataloguePrice fixedCatalogue;
        UnitPrices.CataloguePrice mobileCatalogue;
        double measuredSum;
        long measurements;
        Double measuredMedian;
        long medianCount;
        long feeAppeals;
        long speedAppeals;
    }

    /**
     * The dashboard for a month within the scope.
     *
     * @param provinceCode one province, or null for all the scope covers
     * @param operatorCreditCode one operator, shown province by province; null for a row per operator
     */
    @Transactional(readOnly = true)
    public Dashboard dashboard(DataScope scope, YearMonth month, String provinceCode, String operatorCreditCode) {
        String operator = scope.kind() == DataScope.Kind.ENTERPRISE ? scope.creditCode() : operatorCreditCode;
        String province = scope.kind() == DataScope.Kind.PROVINCE ? scope.provinceCode() : provinceCode;
        boolean byProvince = operatorCreditCode != null;
        Grouping grouping = byProvince ? Grouping.OPERATOR_PROVINCE : Grouping.OPERATOR;
        Map<Key, Row> rows = new TreeMap<>(Comparator.comparing(Key::operator)
                .thenComparing(Key::province, Comparator.nullsFirst(Comparator.naturalOrder())));
        for (UnitPrices.ReportedPrice r : prices.reported(scope, month, month, grouping, province, operator)) {
            Row row = row(rows, r.operatorCreditCode(), byProvince ? r.provinceCode() : province, r.operatorName());
            row.reported = r;
        }
        YearMonth before = month.minusYears(1);
        for (UnitPrices.ReportedPrice r : prices.reported(scope, before, before, grouping, province, operator)) {
            Key key = new Key(r.operatorCreditCode(), byProvince ? r.provinceCode() : province);
            if (rows.containsKey(key)) {
                rows.get(key).lastYear = r;
            }
        }
        for (Map.Entry<String, List<SpeedFigures>> measured :
                measured(scope, month, month, province, byProvince).entrySet()) {
            if (operator != null && !operator.equals(measured.getKey())) {
                continue;
            }
            for (SpeedFigures figures : measured.getValue()) {
                Row row = row(rows, measured.getKey(), byProvince ? figures.province() : province, figures.operator());
                if (figures.meanMbps() != null) {
                    row.measuredSum += figures.meanMbps() * figures.count();
                    row.measurements += figures.count();
                }
                // Two spellings of one operator cannot merge their medians: the larger group's stands.
                if (figures.medianMbps() != null && figures.count() > row.medianCount) {
                    row.measuredMedian = figures.medianMbps();
                    row.medianCount = figures.count();
                }
            }
        }
        for (AppealCounts.Count count : appeals.counts(scope, FEE_AND_SPEED, month, month)) {
            if ((operator != null && !operator.equals(count.operatorCreditCode()))
                    || (province != null && !province.equals(count.provinceCode()))) {
                continue;
            }
            Row row = row(
                    rows,
                    count.operatorCreditCode(),
                    byProvince ? count.provinceCode() : province,
                    count.operatorName());
            if (count.subject() == AppealSubject.BROADBAND_SPEED) {
                row.speedAppeals += count.appeals();
            } else {
                row.feeAppeals += count.appeals();
            }
        }
        for (UnitPrices.CataloguePrice c : prices.catalogue(scope, month, month, grouping, province, operator)) {
            Key key = new Key(c.operatorCreditCode(), byProvince ? c.provinceCode() : province);
            // A national plan is on sale in every province: province by province it is set beside the
            // provinces that have figures, rather than adding a row of plans alone for each of the 31.
            if (byProvince && !rows.containsKey(key)) {
                continue;
            }
            Row row = row(rows, key.operator(), key.province(), c.operatorName());
            if (c.kind() == PlanKind.FIXED_BROADBAND) {
                row.fixedCatalogue = c;
            } else {
                row.mobileCatalogue = c;
            }
        }
        Target target = targets.forYear(month.getYear()).orElse(null);
        List<DashboardRow> result = new ArrayList<>();
        rows.forEach((key, row) -> result.add(dashboardRow(key, row, target)));
        result.sort(Comparator.comparing(DashboardRow::operatorName, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(DashboardRow::provinceCode, Comparator.nullsFirst(Comparator.naturalOrder())));
        return new Dashboard(month, province, operatorCreditCode, target, result);
    }

    /**
     * Monthly series over the {@link #TREND_MONTHS} months ending with {@code month}: reported fixed and
     * mobile unit prices, reported and measured download per operator, and the targets' ceilings.
     */
    @Transactional(readOnly = true)
    public PriceTrend trend(DataScope scope, YearMonth month, String provinceCode, String operatorCreditCode) {
        String operator = scope.kind() == DataScope.Kind.ENTERPRISE ? scope.creditCode() : operatorCreditCode;
        String province = scope.kind() == DataScope.Kind.PROVINCE ? scope.provinceCode() : provinceCode;
        YearMonth first = month.minusMonths(TREND_MONTHS - 1L);
        List<String> months = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(month); m = m.plusMonths(1)) {
            months.add(m.toString());
        }
        Map<String, String> names = new TreeMap<>();
        Map<String, Map<PriceTrend.Figure, BigDecimal[]>> values = new TreeMap<>();
        for (UnitPrices.ReportedPrice r : prices.reported(scope, first, month, Grouping.OPERATOR, province, operator)) {
            names.putIfAbsent(r.operatorCreditCode(), r.operatorName());
            int i = months.indexOf(r.month().toString());
            put(values, r.operatorCreditCode(), PriceTrend.Figure.FIXED_PRICE, i, r.fixedPrice());
            put(values, r.operatorCreditCode(), PriceTrend.Figure.MOBILE_PRICE, i, r.mobilePrice());
            put(values, r.operatorCreditCode(), PriceTrend.Figure.REPORTED_DOWNLOAD, i, r.fixedDownloadMbps());
        }
        Map<String, double[]> measuredSums = new HashMap<>();
        for (Map.Entry<String, List<SpeedFigures>> measured :
                measured(scope, first, month, province, false).entrySet()) {
            if (operator != null && !operator.equals(measured.getKey())) {
                continue;
            }
            for (SpeedFigures figures : measured.getValue()) {
                names.putIfAbsent(measured.getKey(), figures.operator());
                int i = months.indexOf(figures.period());
                if (i >= 0 && figures.meanMbps() != null) {
                    double[] sums = measuredSums.computeIfAbsent(measured.getKey() + "|" + i, k -> new double[2]);
                    sums[0] += figures.meanMbps() * figures.count();
                    sums[1] += figures.count();
                    put(
                            values,
                            measured.getKey(),
                            PriceTrend.Figure.MEASURED_DOWNLOAD,
                            i,
                            BigDecimal.valueOf(sums[0] / sums[1]).setScale(1, RoundingMode.HALF_UP));
                }
            }
        }
        List<PriceTrend.Series> series = new ArrayList<>();
        values.forEach((code, figures) -> figures.forEach((figure, array) ->
                series.add(new PriceTrend.Series(code, names.get(code), figure, java.util.Arrays.asList(array)))));
        Map<Integer, Optional<Target>> byYear = new HashMap<>();
        List<BigDecimal> fixedTarget = new ArrayList<>();
        List<BigDecimal> mobileTarget = new ArrayList<>();
        for (String m : months) {
            int year = YearMonth.parse(m).getYear();
            Optional<Target> target = byYear.computeIfAbsent(year, targets::forYear);
            fixedTarget.add(target.map(Target::fixedMax).orElse(null));
            mobileTarget.add(target.map(Target::mobileMax).orElse(null));
        }
        return new PriceTrend(months, series, fixedTarget, mobileTarget);
    }

    /** Reported fixed unit price per province for a month (all operators, or one), for the map. */
    @Transactional(readOnly = true)
    public Map<String, BigDecimal> fixedPriceByProvince(DataScope scope, YearMonth month, String operatorCreditCode) {
        String operator = scope.kind() == DataScope.Kind.ENTERPRISE ? scope.creditCode() : operatorCreditCode;
        Map<String, BigDecimal> byProvince = new LinkedHashMap<>();
        for (UnitPrices.ReportedPrice r : prices.reported(scope, month, month, Grouping.PROVINCE, null, operator)) {
            if (r.fixedPrice() != null) {
                byProvince.put(r.provinceCode(), r.fixedPrice());
            }
        }
        return byProvince;
    }

    private static void put(
            Map<String, Map<PriceTrend.Figure, BigDecimal[]>> values,
            String operator,
            PriceTrend.Figure figure,
            int index,
            BigDecimal value) {
        if (index < 0 || value == null) {
            return;
        }
        values.computeIfAbsent(operator, o -> new java.util.EnumMap<>(PriceTrend.Figure.class))
                .computeIfAbsent(figure, f -> new BigDecimal[TREND_MONTHS])[index] = value;
    }

    /**
     * Fibre speed tests of the months grouped by operator (and province), keyed by the credit code the
     * operator's name resolves to; names that resolve to no company are left out. An operator reads
     * the tests of its own network, which the broadband module's own scope does not show it.
     */
    private Map<String, List<SpeedFigures>> measured(
            DataScope scope, YearMonth first, YearMonth last, String province, boolean byProvince) {
        DataScope measuredScope = scope.kind() == DataScope.Kind.ENTERPRISE ? DataScope.all() : scope;
        Set<GroupBy> groupBy = EnumSet.of(GroupBy.OPERATOR);
        if (byProvince) {
            groupBy.add(GroupBy.PROVINCE);
        }
        if (!first.equals(last)) {
            groupBy.add(GroupBy.MONTH);
        }
        SpeedQuery query =
                new SpeedQuery(groupBy, first.atDay(1), last.atEndOfMonth(), Technology.FIBRE, null, province);
        Map<String, Optional<String>> codes = new HashMap<>();
        Map<String, List<SpeedFigures>> byOperator = new LinkedHashMap<>();
        for (SpeedFigures figures : speeds.aggregate(measuredScope, query).groups()) {
            if (figures.operator() == null) {
                continue;
            }
            Optional<String> code = codes.computeIfAbsent(figures.operator(), aliases::creditCode);
            code.ifPresent(
                    c -> byOperator.computeIfAbsent(c, k -> new ArrayList<>()).add(figures));
        }
        if (scope.kind() == DataScope.Kind.ENTERPRISE) {
            byOperator.keySet().retainAll(Set.of(scope.creditCode()));
        }
        return byOperator;
    }

    private static Row row(Map<Key, Row> rows, String operator, String province, String name) {
        Row row = rows.computeIfAbsent(new Key(operator, province), k -> new Row());
        if (row.name == null && name != null) {
            row.name = name;
        }
        return row;
    }

    private static DashboardRow dashboardRow(Key key, Row row, Target target) {
        BigDecimal fixed = row.reported == null ? null : row.reported.fixedPrice();
        BigDecimal mobile = row.reported == null ? null : row.reported.mobilePrice();
        BigDecimal fixedBefore = row.lastYear == null ? null : row.lastYear.fixedPrice();
        BigDecimal mobileBefore = row.lastYear == null ? null : row.lastYear.mobilePrice();
        String provinceName = null;
        if (key.province() != null) {
            try {
                provinceName = new ProvinceCode(key.province()).name();
            } catch (RuntimeException e) {
                provinceName = key.province();
            }
        }
        return new DashboardRow(
                key.operator(),
                row.name,
                key.province(),
                provinceName,
                fixed,
                fixedBefore,
                UnitPrices.changePercent(fixed, fixedBefore),
                target == null ? null : target.behind(Target.Price.FIXED, fixed, fixedBefore),
                mobile,
                mobileBefore,
                UnitPrices.changePercent(mobile, mobileBefore),
                target == null ? null : target.behind(Target.Price.MOBILE, mobile, mobileBefore),
                row.fixedCatalogue == null ? null : row.fixedCatalogue.median(),
                row.fixedCatalogue == null ? null : row.fixedCatalogue.mean(),
                row.fixedCatalogue == null ? 0 : row.fixedCatalogue.plans(),
                row.mobileCatalogue == null ? null : row.mobileCatalogue.median(),
                row.mobileCatalogue == null ? null : row.mobileCatalogue.mean(),
                row.mobileCatalogue == null ? 0 : row.mobileCatalogue.plans(),
                row.measurements == 0 ? null : round(row.measuredSum / row.measurements),
                row.measuredMedian == null ? null : round(row.measuredMedian),
                row.measurements,
                row.reported == null ? null : row.reported.fixedDownloadMbps(),
                row.reported == null ? null : row.reported.share1000m(),
                row.reported == null ? null : row.reported.accepted(),
                row.feeAppeals,
                row.speedAppeals);
    }

    private static double round(double mbps) {
        return Math.round(mbps * 10) / 10.0;
    }

    private static Set<AppealSubject> feeAndSpeedSubjects() {
        Set<AppealSubject> subjects = EnumSet.of(AppealSubject.BROADBAND_SPEED);
        for (AppealSubject subject : AppealSubject.values()) {
            if (subject.category() == AppealSubject.Category.FEES) {
                subjects.add(subject);
            }
        }
        return subjects;
    }
}

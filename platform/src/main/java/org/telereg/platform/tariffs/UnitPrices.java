package org.telereg.platform.tariffs;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.industry.ReportedFigures;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Unit prices two ways: from the plan catalogue (median and mean of the plans on sale on the month's
 * last day: fixed broadband fee / downlink Mbps, mobile fee / GB) and from operator reports (the
 * revenue and volume behind FIXED_PRICE_PER_MBPS and MOBILE_PRICE_PER_GB, summed before dividing so
 * that several provinces combine as one market).
 */
@Service
public class UnitPrices {

    static final Set<String> REPORTED_METRICS = Set.of(
            "FIXED_BROADBAND_REVENUE",
            "SUBSCRIBED_BANDWIDTH",
            "MOBILE_DATA_REVENUE",
            "MOBILE_DATA_TRAFFIC",
            "FIXED_DOWNLOAD_MBPS",
            "BROADBAND_USERS",
            "USERS_1000M");

    /**
     * The catalogue's unit price of one kind of plan for one group and month; a dimension not grouped
     * by is null.
     *
     * @param plans how many plans were on sale
     */
    public record CataloguePrice(
            String operatorCreditCode,
            String operatorName,
            String provinceCode,
            YearMonth month,
            PlanKind kind,
            int plans,
            BigDecimal median,
            BigDecimal mean) {}

    /**
     * What operators reported for one group and month; a dimension not grouped by is null, a figure
     * not reported is null.
     *
     * @param fixedPrice yuan per Mbps per month
     * @param mobilePrice yuan per GB
     * @param fixedDownloadMbps the reported average available download rate, weighted by broadband users
     * @param share1000m percent of broadband users on gigabit plans
     * @param reports how many reports the figures come from
     * @param accepted whether all of them were accepted (else some await review)
     */
    public record ReportedPrice(
            String operatorCreditCode,
            String operatorName,
            String provinceCode,
            YearMonth month,
            BigDecimal fixedPrice,
            BigDecimal mobilePrice,
            BigDecimal fixedDownloadMbps,
            BigDecimal share1000m,
            int reports,
            boolean accepted) {}

    private record Key(String operator, String province, YearMonth month) {}

    private final PlanCatalogue catalogue;
    private final ReportedFigures reported;

    UnitPrices(PlanCatalogue catalogue, ReportedFigures reported) {
        this.catalogue = catalogue;
        this.reported = reported;
    }

    /**
     * The catalogue's unit prices for the months {@code first} to {@code last}. A national plan counts
     * in every province; with a province given, only that province's and the national plans count.
     */
    @Transactional(readOnly = true)
    public List<CataloguePrice> catalogue(
            DataScope scope, YearMonth first, YearMonth last, Grouping grouping, String province, String operator) {
        LocalDate today = catalogue.today();
        List<PlanView> versions = catalogue.inEffect(scope, first.atDay(1), last.atEndOfMonth());
        Map<Key, List<PlanView>> fixed = new TreeMap<>(KEY_ORDER);
        Map<Key, List<PlanView>> mobile = new TreeMap<>(KEY_ORDER);
        Map<String, String> names = new HashMap<>();
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            LocalDate day = month.atEndOfMonth().isAfter(today) ? today : month.atEndOfMonth();
            for (PlanView plan : versions) {
                if (!plan.onSaleOn(day)
                        || (operator != null && !operator.equals(plan.operatorCreditCode()))
                        || (province != null && !plan.national() && !province.equals(plan.provinceCode()))) {
                    continue;
                }
                names.putIfAbsent(plan.operatorCreditCode(), plan.operatorName());
                Map<Key, List<PlanView>> byKey = plan.kind() == PlanKind.FIXED_BROADBAND ? fixed : mobile;
                for (String p : provinces(scope, grouping, province, plan)) {
                    Key key = new Key(grouping.byOperator() ? plan.operatorCreditCode() : null, p, month);
                    byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(plan);
                }
            }
        }
        List<CataloguePrice> prices = new ArrayList<>();
        fixed.forEach((key, plans) -> prices.add(price(key, names, PlanKind.FIXED_BROADBAND, plans)));
        mobile.forEach((key, plans) -> prices.add(price(key, names, PlanKind.MOBILE, plans)));
        return prices;
    }

    /** The provinces a plan counts in for a grouping: null when provinces are not grouped by. */
    private static List<String> provinces(DataScope scope, Grouping grouping, String province, PlanView plan) {
        if (!grouping.byProvince()) {
            return java.util.Collections.singletonList(province);
        }
        if (!plan.national()) {
            return List.of(plan.provinceCode());
        }
        if (province != null) {
            return List.of(province);
        }
        if (scope.kind() == DataScope.Kind.PROVINCE) {
            return List.of(scope.provinceCode());
        }
        return ProvinceCode.administered().stream().map(ProvinceCode::code).toList();
    }

    private static CataloguePrice price(Key key, Map<String, String> names, PlanKind kind, List<PlanView> plans) {
        List<BigDecimal> prices = plans.stream().map(PlanView::unitPrice).toList();
        return new CataloguePrice(
                key.operator(),
                key.operator() == null ? null : names.get(key.operator()),
                key.province(),
                key.month(),
                kind,
                plans.size(),
                median(prices),
                mean(prices));
    }

    /**
     * The reported figures for the months {@code first} to {@code last}, from submitted and accepted
     * monthly reports. Prices are revenue over volume summed over the group's reports, the download
     * rate is weighted by broadband users, the gigabit share is gigabit users over broadband users.
     */
    @Transactional(readOnly = true)
    public List<ReportedPrice> reported(
            DataScope scope, YearMonth first, YearMonth last, Grouping grouping, String province, String operator) {
        Map<Key, Map<String, BigDecimal[]>> sums = new TreeMap<>(KEY_ORDER);
        Map<Key, Set<Long>> reports = new HashMap<>();
        Map<Key, Boolean> accepted = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        Map<Long, Map<String, BigDecimal>> byReport = new LinkedHashMap<>();
        Map<Long, ReportedFigures.Figure> reportOf = new HashMap<>();
        for (ReportedFigures.Figure figure :
                reported.figures(scope, REPORTED_METRICS, first.atDay(1), last.atEndOfMonth(), province, operator)) {
            if (figure.periodCode().contains("Q")) {
                continue;
            }
            byReport.computeIfAbsent(figure.reportId(), r -> new HashMap<>()).put(figure.metricCode(), figure.amount());
            reportOf.putIfAbsent(figure.reportId(), figure);
        }
        byReport.forEach((id, values) -> {
            ReportedFigures.Figure figure = reportOf.get(id);
            names.putIfAbsent(figure.operatorCreditCode(), figure.operatorName());
            Key key = new Key(
                    grouping.byOperator() ? figure.operatorCreditCode() : null,
                    grouping.byProvince() ? figure.provinceCode() : province,
                    YearMonth.from(figure.periodStarts()));
            Map<String, BigDecimal[]> sum = sums.computeIfAbsent(key, k -> new HashMap<>());
            reports.computeIfAbsent(key, k -> new java.util.HashSet<>()).add(id);
            accepted.merge(key, figure.accepted(), Boolean::logicalAnd);
            pair(sum, "fixed", values.get("FIXED_BROADBAND_REVENUE"), values.get("SUBSCRIBED_BANDWIDTH"));
            pair(sum, "mobile", values.get("MOBILE_DATA_REVENUE"), values.get("MOBILE_DATA_TRAFFIC"));
            BigDecimal users = values.get("BROADBAND_USERS");
            BigDecimal download = values.get("FIXED_DOWNLOAD_MBPS");
            if (download != null) {
                BigDecimal weight = users == null || users.signum() == 0 ? BigDecimal.ONE : users;
                pair(sum, "download", download.multiply(weight), weight);
            }
            pair(sum, "gigabit", values.get("USERS_1000M"), users);
        });
        List<ReportedPrice> prices = new ArrayList<>();
        sums.forEach((key, sum) -> prices.add(new ReportedPrice(
                key.operator(),
                key.operator() == null ? null : names.get(key.operator()),
                key.province(),
                key.month(),
                ratio(sum.get("fixed"), PlanView.SCALE),
                ratio(sum.get("mobile"), PlanView.SCALE),
                ratio(sum.get("download"), 2),
                scaled(ratio(sum.get("gigabit"), 6), 100),
                reports.get(key).size(),
                accepted.get(key))));
        return prices;
    }

    private static void pair(Map<String, BigDecimal[]> sum, String name, BigDecimal numerator, BigDecimal denominator) {
        if (numerator == null || denominator == null) {
            return;
        }
        BigDecimal[] pair = sum.computeIfAbsent(name, n -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        pair[0] = pair[0].add(numerator);
        pair[1] = pair[1].add(denominator);
    }

    private static BigDecimal ratio(BigDecimal[] pair, int scale) {
        if (pair == null || pair[1].signum() == 0) {
            return null;
        }
        return pair[0].divide(pair[1], scale, RoundingMode.HALF_UP);
    }

    private static BigDecimal scaled(BigDecimal share, int factor) {
        return share == null ? null : share.multiply(BigDecimal.valueOf(factor)).setScale(2, RoundingMode.HALF_UP);
    }

    /** The median: the middle value, or the mean of the two middle ones; 4 decimals. */
    static BigDecimal median(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<BigDecimal> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        BigDecimal median = sorted.size() % 2 == 1
                ? sorted.get(middle)
                : sorted.get(middle - 1).add(sorted.get(middle)).divide(BigDecimal.valueOf(2));
        return median.setScale(PlanView.SCALE, RoundingMode.HALF_UP);
    }

    /** The arithmetic mean, 4 decimals. */
    static BigDecimal mean(List<BigDecimal> values) {
        if (values.isEmpty()) {
            return null;
        }
        BigDecimal total = values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return total.divide(BigDecimal.valueOf(values.size()), PlanView.SCALE, RoundingMode.HALF_UP);
    }

    /** The change from {@code before} to {@code now} in percent, 1 decimal; null without both. */
    static BigDecimal changePercent(BigDecimal now, BigDecimal before) {
        if (now == null || before == null || before.signum() == 0) {
            return null;
        }
        return now.subtract(before).multiply(BigDecimal.valueOf(100)).divide(before, 1, RoundingMode.HALF_UP);
    }

    private static final Comparator<String> NULLS_FIRST = Comparator.nullsFirst(Comparator.naturalOrder());
    private static final Comparator<Key> KEY_ORDER = Comparator.comparing(Key::month)
            .thenComparing(Key::operator, NULLS_FIRST)
            .thenComparing(Key::province, NULLS_FIRST);
}

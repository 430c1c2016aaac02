package org.telereg.platform.numbering;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.appeals.PortabilityAppeals;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;

/**
 * The obstruction index (携号转网阻碍指数) of each operator as donor, ranked highest first:
 *
 * <pre>
 * index = 100 × (0.4·refused/orders + 0.2·cancelled/orders
 *                + 0.2·min(median code-to-effect hours, 24)/24
 *                + 0.2·min(appeals per 100 orders, 10)/10)
 * </pre>
 *
 * Refusals weigh most because the rules let a donor refuse only on facts the eligibility check
 * could not know; cancellations often follow retention calls; a slow path from code to effect and
 * users appealing are the other signs. An operator without orders counts as having one, so appeals
 * alone still show.
 */
@Service
public class ObstructionIndex {

    private final JdbcClient jdbc;
    private final PortabilityAppeals appeals;
    private final CompanyRegistry companies;

    ObstructionIndex(JdbcClient jdbc, PortabilityAppeals appeals, CompanyRegistry companies) {
        this.jdbc = jdbc;
        this.appeals = appeals;
        this.companies = companies;
    }

    /** The index of every operator that was donor of an order or received a portability appeal in {@code [from, to)}. */
    @Transactional(readOnly = true)
    public List<OperatorObstruction> rank(Instant from, Instant to) {
        record Order(
                String donor, String donorName, String status, OffsetDateTime codeIssued, OffsetDateTime effective) {}
        List<Order> orders = jdbc.sql("""
                        select donor_credit_code, donor_name, status, refusal_reason, code_issued_at, effective_at
                        from numbering_port_order where submitted_at >= :from and submitted_at < :to""")
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Order(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3) + (rs.getString(4) == null ? "" : ":" + rs.getString(4)),
                        rs.getObject(5, OffsetDateTime.class),
                        rs.getObject(6, OffsetDateTime.class)))
                .list();
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Long> counts = new HashMap<>();
        Map<String, Map<DonorRefusal, Long>> refusals = new HashMap<>();
        Map<String, Long> cancelled = new HashMap<>();
        Map<String, List<Double>> delays = new HashMap<>();
        for (Order order : orders) {
            names.putIfAbsent(order.donor(), order.donorName());
            counts.merge(order.donor(), 1L, Long::sum);
            if (order.status().startsWith("REFUSED")) {
                DonorRefusal reason = DonorRefusal.valueOf(order.status().substring("REFUSED:".length()));
                refusals.computeIfAbsent(order.donor(), k -> new EnumMap<>(DonorRefusal.class))
                        .merge(reason, 1L, Long::sum);
            } else if (order.status().equals("CANCELLED")) {
                cancelled.merge(order.donor(), 1L, Long::sum);
            } else if (order.codeIssued() != null
                    && !order.effective().toInstant().isAfter(to)) {
                delays.computeIfAbsent(order.donor(), k -> new ArrayList<>())
                        .add(Duration.between(order.codeIssued(), order.effective())
                                        .toMinutes()
                                / 60.0);
            }
        }
        Map<String, Long> appealCounts = appeals.countsByRespondent(from, to);
        for (String operator : appealCounts.keySet()) {
            names.computeIfAbsent(
                    operator,
                    code -> companies
                            .find(DataScope.all(), code)
                            .map(CompanyView::name)
                            .orElse(code));
        }
        List<OperatorObstruction> ranked = new ArrayList<>();
        for (Map.Entry<String, String> operator : names.entrySet()) {
            String code = operator.getKey();
            long n = counts.getOrDefault(code, 0L);
            Map<DonorRefusal, Long> byReason = refusals.getOrDefault(code, Map.of());
            long refused = byReason.values().stream().mapToLong(Long::longValue).sum();
            long cancels = cancelled.getOrDefault(code, 0L);
            List<Double> hours = delays.getOrDefault(code, List.of());
            double median = median(hours);
            double average =
                    hours.stream().mapToDouble(Double::doubleValue).average().orElse(0);
            long appealed = appealCounts.getOrDefault(code, 0L);
            ranked.add(new OperatorObstruction(
                    code,
                    operator.getValue(),
                    n,
                    byReason,
                    cancels,
                    median,
                    average,
                    appealed,
                    index(n, refused, cancels, median, appealed)));
        }
        ranked.sort(Comparator.comparingDouble(OperatorObstruction::index)
                .reversed()
                .thenComparing(OperatorObstruction::name));
        return ranked;
    }

    /** The formula of the class comment, rounded to one decimal. */
    static double index(long orders, long refused, long cancelled, double medianDelayHours, long appeals) {
        double base = Math.max(orders, 1);
        double score = 0.4 * refused / base
                + 0.2 * cancelled / base
                + 0.2 * Math.min(medianDelayHours, 24) / 24
                + 0.2 * Math.min(appeals * 100 / base, 10) / 10;
        return Math.round(score * 1000) / 10.0;
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

package org.telereg.platform.broadband;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.broadband.BusyHours;
import org.telereg.engine.broadband.Measurement;
import org.telereg.engine.broadband.SpeedAggregate;
import org.telereg.engine.broadband.SpeedAggregation;
import org.telereg.engine.broadband.Technology;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.ProvinceCode;

/**
 * Download statistics over the stored measurements, computed by the engine's {@link SpeedAggregation}
 * on rows streamed from the database: exact medians and percentiles, the same figures the engine
 * gives for the files themselves.
 */
@Service
public class SpeedStatistics {

    // Large enough that PostgreSQL streams through a cursor in few round trips, small enough to bound memory.
    private static final int FETCH_SIZE = 10_000;

    private final NamedParameterJdbcTemplate streaming;

    SpeedStatistics(DataSource dataSource) {
        JdbcTemplate template = new JdbcTemplate(dataSource);
        template.setFetchSize(FETCH_SIZE);
        this.streaming = new NamedParameterJdbcTemplate(template);
    }

    /**
     * Aggregates the measurements the query selects within the scope: all for the ministry, the own
     * province for an administration, the own enterprise's for an operator (the measurements whose
     * operator name resolves to its credit code), none for other roles.
     */
    @Transactional(readOnly = true)
    public SpeedReport aggregate(DataScope scope, SpeedQuery query) {
        SpeedAggregation aggregation = new SpeedAggregation(query.groupBy(), BusyHours.evening());
        Map<String, Object> params = new HashMap<>();
        List<String> conditions = new ArrayList<>();
        switch (scope.kind()) {
            case ALL -> {}
            case PROVINCE -> {
                conditions.add("province_code = :scopeProvince");
                params.put("scopeProvince", scope.provinceCode());
            }
            case ENTERPRISE -> {
                conditions.add("operator_credit_code = :scopeEnterprise");
                params.put("scopeEnterprise", scope.creditCode());
            }
            case NONE -> conditions.add("1 = 0");
        }
        if (query.from() != null) {
            conditions.add("tested_at >= :from");
            params.put("from", query.from().atStartOfDay());
        }
        if (query.to() != null) {
            conditions.add("tested_at < :to");
            params.put("to", query.to().plusDays(1).atStartOfDay());
        }
        if (query.technology() != null) {
            conditions.add("technology = :technology");
            params.put("technology", query.technology().name());
        }
        if (query.operator() != null) {
            conditions.add("operator_name = :operator");
            params.put("operator", query.operator());
        }
        if (query.province() != null) {
            conditions.add("province_code = :province");
            params.put("province", query.province());
        }
        String sql = """
                select tested_at, division_code, operator_name, technology, download_mbps, upload_mbps, latency_ms,
                       loss, plan_mbps, busy_hour_download_mbps
                from broadband_measurement""" + (conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions));
        streaming.query(sql, params, (RowCallbackHandler) rs -> aggregation.accept(measurement(rs)));
        List<SpeedFigures> groups =
                aggregation.results().stream().map(SpeedStatistics::figures).toList();
        return new SpeedReport(groups, aggregation.withoutDownload());
    }

    private static Measurement measurement(ResultSet rs) throws SQLException {
        String division = rs.getString("division_code");
        return new Measurement(
                rs.getTimestamp("tested_at").toLocalDateTime(),
                division == null ? "" : division,
                rs.getString("operator_name"),
                Technology.valueOf(rs.getString("technology")),
                figure(rs, "download_mbps"),
                figure(rs, "upload_mbps"),
                figure(rs, "latency_ms"),
                figure(rs, "loss"),
                figure(rs, "plan_mbps"),
                figure(rs, "busy_hour_download_mbps"));
    }

    private static double figure(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : value;
    }

    private static SpeedFigures figures(SpeedAggregate aggregate) {
        var key = aggregate.key();
        String province = blankToNull(key.province());
        return new SpeedFigures(
                province,
                province == null ? null : provinceName(province).orElse(null),
                blankToNull(key.city()),
                blankToNull(key.operator()),
                blankToNull(key.technology()),
                blankToNull(key.period()),
                aggregate.count(),
                known(aggregate.meanMbps()),
                known(aggregate.medianMbps()),
                known(aggregate.p10Mbps()),
                known(aggregate.p90Mbps()),
                aggregate.busyHourCount(),
                known(aggregate.busyHourMeanMbps()),
                aggregate.planKnownCount(),
                known(aggregate.underPlanShare()));
    }

    private static Optional<String> provinceName(String code) {
        try {
            return Optional.of(new ProvinceCode(code).name());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    private static Double known(double figure) {
        return Double.isNaN(figure) ? null : figure;
    }
}

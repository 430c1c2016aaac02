package org.telereg.platform.industry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The metric catalogue and report templates as the database holds them. A version is checked
 * (formulas, rules, cycles) the first time it is read and kept: versions are reference data that a
 * migration adds, never rows edited in place.
 */
@Service
public class MetricCatalogue {

    private final JdbcClient jdbc;
    private final Map<String, CatalogueVersion> loaded = new ConcurrentHashMap<>();

    MetricCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version in force on a day: the latest effective by then. */
    public CatalogueVersion inForce(LocalDate day) {
        String version = jdbc.sql("select version from industry_catalogue_version where effective_on <= :day"
                        + " order by effective_on desc limit 1")
                .param("day", day)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NoSuchElementException("no metric catalogue in force on " + day));
        return version(version);
    }

    /**
     * A version, checked.
     *
     * @throws CatalogueVersion.InvalidCatalogueException when its formulas or rules are wrong
     */
    public CatalogueVersion version(String version) {
        return loaded.computeIfAbsent(version, this::load);
    }

    private CatalogueVersion load(String version) {
        var header = jdbc.sql("select effective_on, title from industry_catalogue_version where version = :v")
                .param("v", version)
                .query((rs, row) -> new Object[] {rs.getObject("effective_on", LocalDate.class), rs.getString("title")})
                .optional()
                .orElseThrow(() -> new NoSuchElementException("catalogue version " + version));
        List<Metric> metrics = jdbc.sql("select * from industry_metric where version = :v order by sort_order, code")
                .param("v", version)
                .query((rs, row) -> new Metric(
                        rs.getString("code"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        rs.getString("unit_zh"),
                        rs.getString("unit_en"),
                        MetricKind.valueOf(rs.getString("kind")),
                        rs.getBigDecimal("min_amount"),
                        rs.getBigDecimal("max_amount"),
                        rs.getString("formula"),
                        rs.getString("definition_zh"),
                        rs.getString("definition_en"),
                        rs.getBoolean("peer_comparable")))
                .list();
        List<ConsistencyRule> rules = jdbc.sql("select * from industry_rule where version = :v order by code")
                .param("v", version)
                .query((rs, row) -> new ConsistencyRule(
                        rs.getString("code"), rs.getString("expression"), rs.getString("message_key")))
                .list();
        return CatalogueVersion.of(version, (LocalDate) header[0], (String) header[1], metrics, rules);
    }

    public List<ReportTemplate> templates() {
        return jdbc.sql("select code from industry_template order by code").query(String.class).list().stream()
                .map(code -> template(code).orElseThrow())
                .toList();
    }

    public Optional<ReportTemplate> template(String code) {
        List<String> metrics = jdbc.sql("select metric_code from industry_template_metric where template_code = :code"
                        + " order by sort_order")
                .param("code", code)
                .query(String.class)
                .list();
        return jdbc.sql("select * from industry_template where code = :code")
                .param("code", code)
                .query((rs, row) -> new ReportTemplate(
                        rs.getString("code"),
                        rs.getString("version"),
                        rs.getString("name_zh"),
                        rs.getString("name_en"),
                        Frequency.valueOf(rs.getString("frequency")),
                        metrics))
                .optional();
    }
}

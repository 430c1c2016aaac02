package org.telereg.platform.licensing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The business catalogue (电信业务分类目录) as reference data: which kinds exist under which version,
 * and the version in force on a date.
 */
@Service
public class Catalogue {

    /** A version of the catalogue and the day it took effect. */
    public record Version(String version, LocalDate effectiveOn, String title) {}

    private final JdbcClient jdbc;

    Catalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Version> versions() {
        return jdbc.sql("select version, effective_on, title from licensing_catalogue_version order by effective_on")
                .query((rs, row) -> new Version(
                        rs.getString("version"), rs.getObject("effective_on", LocalDate.class), rs.getString("title")))
                .list();
    }

    /** Every kind in force on the day (introduced by a version effective by then and not withdrawn). */
    public List<BusinessKind> inForce(LocalDate day) {
        Map<String, LocalDate> effective =
                versions().stream().collect(Collectors.toMap(Version::version, Version::effectiveOn));
        return all().stream()
                .filter(kind -> !effective.get(kind.introducedIn()).isAfter(day))
                .filter(kind -> kind.withdrawnIn() == null
                        || effective.get(kind.withdrawnIn()).isAfter(day))
                .toList();
    }

    /** Every kind ever in the catalogue, in catalogue order. */
    public List<BusinessKind> all() {
        return jdbc.sql("select * from licensing_business_kind order by sort_order")
                .query(Catalogue::kind)
                .list();
    }

    public Optional<BusinessKind> find(String code) {
        return jdbc.sql("select * from licensing_business_kind where code = :code")
                .param("code", code)
                .query(Catalogue::kind)
                .optional();
    }

    Map<String, BusinessKind> byCode() {
        return all().stream().collect(Collectors.toMap(BusinessKind::code, Function.identity()));
    }

    private static BusinessKind kind(ResultSet rs, int row) throws SQLException {
        return new BusinessKind(
                rs.getString("code"),
                rs.getString("parent_code"),
                rs.getString("name_zh"),
                rs.getString("name_en"),
                ServiceCategory.valueOf(rs.getString("category")),
                rs.getString("licence_class"),
                rs.getBoolean("applicable"),
                rs.getBoolean("pilot"),
                rs.getInt("validity_years"),
                rs.getInt("foreign_cap_percent"),
                rs.getString("default_scope"),
                rs.getString("introduced_in"),
                rs.getString("withdrawn_in"));
    }
}

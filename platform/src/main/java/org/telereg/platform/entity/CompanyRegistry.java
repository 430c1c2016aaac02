package org.telereg.platform.entity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.shared.FieldProblems;

/** The market-entity master: registers companies and answers, within a data scope, who they are. */
@Service
public class CompanyRegistry {

    /** Sortable columns of the list; anything else falls back to the name. */
    private static final Map<String, String> SORT_COLUMNS = Map.of(
            "name", "name",
            "creditCode", "credit_code",
            "provinceCode", "province_code",
            "registeredCapital", "registered_capital",
            "updatedAt", "updated_at");

    private final Companies companies;
    private final CompanyWriter writer;
    private final JdbcClient jdbc;

    CompanyRegistry(Companies companies, CompanyWriter writer, JdbcClient jdbc) {
        this.companies = companies;
        this.writer = writer;
        this.jdbc = jdbc;
    }

    /** One page of the companies the scope covers that match the search. */
    @Transactional(readOnly = true)
    public Page<CompanyView> search(DataScope scope, CompanySearch search, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, search, params);
        long total = jdbc.sql("select count(*) from entity_company" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<CompanyView> rows = jdbc.sql("select * from entity_company" + where + orderBy(pageable.getSort())
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toView(rs))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** The company, if it exists and the scope covers it: out of scope looks the same as absent. */
    @Transactional(readOnly = true)
    public Optional<CompanyView> find(DataScope scope, String creditCode) {
        return companies
                .findById(creditCode.strip().toUpperCase())
                .filter(company -> scope.covers(company.provinceCode(), company.creditCode()))
                .map(Company::view);
    }

    /** Members of the group headed by this company that the scope covers. */
    @Transactional(readOnly = true)
    public List<CompanyView> affiliates(DataScope scope, String groupCreditCode) {
        return companies.findAllByGroupCreditCodeOrderByName(groupCreditCode).stream()
                .filter(company -> scope.covers(company.provinceCode(), company.creditCode()))
                .map(Company::view)
                .toList();
    }

    /** Companies per province code, counting only what the scope covers. */
    @Transactional(readOnly = true)
    public Map<String, Long> countByProvince(DataScope scope) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(scope, CompanySearch.everything(), params);
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("select province_code, count(*) from entity_company" + where
                        + " group by province_code order by province_code")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /**
     * Registers a new company or updates an existing one.
     *
     * @throws org.telereg.platform.shared.RejectedInputException with every field problem
     * @throws AccessDeniedException when the actor may not register companies of that province
     */
    @Transactional
    public CompanyView save(Actor actor, CompanyInput input) {
        FieldProblems problems = new FieldProblems();
        CompanyData data = input.validate(problems);
        if (data != null) {
            writer.checkGroup(data, problems, List.of());
        }
        problems.throwIfAny();
        requireWriteAccess(actor, data.province().code());
        Optional<Company> existing = companies.findById(data.creditCode().value());
        existing.ifPresent(company -> requireWriteAccess(actor, company.provinceCode()));
        return writer.store(existing, data).view();
    }

    /** Ministry staff register anywhere, a provincial officer only in its province; nobody else. */
    static void requireWriteAccess(Actor actor, String provinceCode) {
        if (!canWrite(actor, provinceCode)) {
            throw new AccessDeniedException("not allowed to register companies of province " + provinceCode);
        }
    }

    /** Whether the actor may register or change companies of this province. */
    public static boolean canWrite(Actor actor, String provinceCode) {
        return (actor.role() == Role.MINISTRY_ADMIN
                        || actor.role() == Role.MINISTRY_OFFICER
                        || actor.role() == Role.PROVINCIAL_OFFICER)
                && actor.scope().coversProvince(provinceCode);
    }

    /** Whether the actor may register companies at all (in some province). */
    public static boolean canRegister(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || (actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE);
    }

    private static String where(DataScope scope, CompanySearch search, Map<String, Object> params) {
        StringBuilder where =
                new StringBuilder(" where ").append(scope.sqlCondition("province_code", "credit_code", params));
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (lower(name) like :text or credit_code like :code or legal_representative like :text)");
            String text = search.text().strip().toLowerCase();
            params.put("text", "%" + escapeLike(text) + "%");
            params.put("code", escapeLike(text.toUpperCase()) + "%");
        }
        if (search.provinceCode() != null && !search.provinceCode().isBlank()) {
            where.append(" and province_code = :province");
            params.put("province", search.provinceCode());
        }
        if (search.type() != null) {
            where.append(" and type = :type");
            params.put("type", search.type().name());
        }
        return where.toString();
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String orderBy(Sort sort) {
        StringBuilder order = new StringBuilder(" order by ");
        for (Sort.Order o : sort) {
            String column = SORT_COLUMNS.get(o.getProperty());
            if (column != null) {
                order.append(column).append(o.isAscending() ? " asc, " : " desc, ");
            }
        }
        return order.append("name asc, credit_code asc").toString();
    }

    private static CompanyView toView(ResultSet rs) throws SQLException {
        return new CompanyView(
                rs.getString("credit_code"),
                rs.getString("name"),
                CompanyType.valueOf(rs.getString("type")),
                rs.getString("legal_representative"),
                rs.getBigDecimal("registered_capital"),
                rs.getString("province_code"),
                rs.getString("address"),
                rs.getString("group_credit_code"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getObject("updated_at", OffsetDateTime.class).toInstant());
    }
}

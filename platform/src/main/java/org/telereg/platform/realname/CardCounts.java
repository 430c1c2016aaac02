package org.telereg.platform.realname;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;

/**
 * One ID, many cards (一证多卡): the identities that hold more numbers than the caps allow. Counts
 * take only the rows the reader's scope covers, so an operator sees its own cards and the ministry
 * sees every operator's; cancelled numbers do not count.
 */
@Service
public class CardCounts {

    private final JdbcClient jdbc;
    private final RealnameSettings settings;

    CardCounts(JdbcClient jdbc, RealnameSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Whether the actor may read real-name counts and the verification queue: regulators, auditors
     * and operators (each within its data scope), not access providers.
     */
    public static boolean canRead(Actor actor) {
        return actor.role() != Role.ACCESS_PROVIDER;
    }

    /** The per-operator cap ({@code telereg.realname.cards-per-operator}). */
    public int cardsPerOperator() {
        return settings.cardsPerOperator();
    }

    /** The all-operator cap, 0 when none applies. */
    public int cardsAllOperators() {
        return settings.cardsAllOperators();
    }

    /** The identities over a cap, most numbers first. */
    @Transactional(readOnly = true)
    public Page<IdentityCards> overCap(DataScope scope, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        String where =
                "status <> 'CANCELLED' and " + scope.sqlCondition("province_code", "operator_credit_code", params);
        params.put("perOperator", settings.cardsPerOperator());
        int totalCap = settings.cardsAllOperators() > 0 ? settings.cardsAllOperators() : Integer.MAX_VALUE;
        params.put("allOperators", totalCap);
        String overCap = """
                with per_operator as (
                    select identity_key, operator_credit_code, count(*) as cards
                    from realname_subscriber where %s
                    group by identity_key, operator_credit_code)
                select identity_key, sum(cards) as total, max(cards) as most
                from per_operator group by identity_key
                having max(cards) > :perOperator or sum(cards) > :allOperators""".formatted(where);
        long count = jdbc.sql("select count(*) from (" + overCap + ") over_cap")
                .params(params)
                .query(Long.class)
                .single();
        if (count == 0) {
            return new PageImpl<>(List.of(), pageable, 0);
        }
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        List<String> keys = jdbc.sql(overCap + " order by total desc, identity_key limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> rs.getString("identity_key"))
                .list();
        return new PageImpl<>(cards(where, params, keys, totalCap), pageable, count);
    }

    private List<IdentityCards> cards(String where, Map<String, Object> params, List<String> keys, int totalCap) {
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = operatorNames();
        Map<String, Object> query = new HashMap<>(params);
        query.put("keys", keys);
        record Row(String key, String masked, String type, String operator, long cards) {}
        List<Row> rows = jdbc.sql("""
                select identity_key, max(identity_masked) as masked, max(document_type) as type,
                       operator_credit_code, count(*) as cards
                from realname_subscriber where %s and identity_key in (:keys)
                group by identity_key, operator_credit_code""".formatted(where))
                .params(query)
                .query((rs, n) -> new Row(
                        rs.getString("identity_key"),
                        rs.getString("masked"),
                        rs.getString("type"),
                        rs.getString("operator_credit_code"),
                        rs.getLong("cards")))
                .list();
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        keys.forEach(key -> byKey.put(key, new ArrayList<>()));
        rows.forEach(row -> byKey.get(row.key()).add(row));
        List<IdentityCards> result = new ArrayList<>();
        byKey.forEach((key, identityRows) -> {
            List<IdentityCards.OperatorCards> operators = identityRows.stream()
                    .sorted((a, b) -> Long.compare(b.cards(), a.cards()))
                    .map(r -> new IdentityCards.OperatorCards(
                            r.operator(), names.getOrDefault(r.operator(), r.operator()), r.cards()))
                    .toList();
            long total = operators.stream()
                    .mapToLong(IdentityCards.OperatorCards::cards)
                    .sum();
            Row first = identityRows.get(0);
            result.add(new IdentityCards(
                    key,
                    first.masked(),
                    DocumentType.valueOf(first.type()),
                    operators,
                    total,
                    operators.stream().anyMatch(o -> o.cards() > settings.cardsPerOperator()),
                    total > totalCap));
        });
        return result;
    }

    private Map<String, String> operatorNames() {
        Map<String, String> names = new HashMap<>();
        jdbc.sql("select operator_credit_code, max(operator_name) from realname_batch group by operator_credit_code")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                .list();
        return names;
    }
}

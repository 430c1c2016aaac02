package org.telereg.platform.realname;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.insight.NumberFacts;
import org.telereg.platform.insight.NumberPanel;

/**
 * The number page's real-name panel: for each operator the scope covers that registered the number,
 * its status and activation date, the holder's masked name and document number, how many cards the
 * identity holds at each operator (over the cap or not) and its latest second real-person
 * verification. Only the masked forms exist in the database, so nothing else can show.
 */
@Component
class RealnamePanel implements NumberFacts {

    private final JdbcClient jdbc;
    private final RealnameSettings settings;

    RealnamePanel(JdbcClient jdbc, RealnameSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** One operator's registration of the number. */
    private record Registration(
            String operatorCreditCode,
            String operatorName,
            String status,
            String activatedOn,
            String identityKey,
            String identityMasked,
            String nameMasked) {}

    /** An identity's live cards at one operator. */
    private record Cards(String operatorName, long cards) {}

    @Override
    public Optional<NumberPanel> panel(DataScope scope, String number) {
        Map<String, Object> params = new HashMap<>();
        params.put("number", number);
        List<Registration> registrations = jdbc.sql("""
                        select s.operator_credit_code, b.operator_name, s.status, s.activated_on, s.identity_key,
                               s.identity_masked, s.name_masked
                        from realname_subscriber s join realname_batch b on b.id = s.batch_ref
                        where s.phone_number = :number and\s"""
                        + scope.sqlCondition("s.province_code", "s.operator_credit_code", params)
                        + " order by s.updated_at desc")
                .params(params)
                .query((rs, n) -> new Registration(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getDate(4).toLocalDate().toString(),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
        if (registrations.isEmpty()) {
            return Optional.empty();
        }
        List<NumberPanel.Fact> facts = new ArrayList<>();
        for (Registration r : registrations) {
            facts.add(new NumberPanel.Fact(
                    "realname.panel.operator",
                    r.operatorName(),
                    "realname.status." + r.status(),
                    r.status().equals("NORMAL") ? "success" : "secondary",
                    null));
            facts.add(new NumberPanel.Fact("realname.panel.activatedOn", r.activatedOn(), null, null, null));
            facts.add(new NumberPanel.Fact(
                    "realname.panel.holder", r.nameMasked() + " · " + r.identityMasked(), null, null, null));
            List<Cards> cards = cards(scope, r.identityKey());
            long total = cards.stream().mapToLong(Cards::cards).sum();
            boolean overCap = cards.stream().anyMatch(c -> c.cards() > settings.cardsPerOperator())
                    || (settings.cardsAllOperators() > 0 && total > settings.cardsAllOperators());
            facts.add(new NumberPanel.Fact(
                    "realname.panel.cards",
                    String.join(
                            " · ",
                            cards.stream()
                                    .map(c -> c.operatorName() + " " + c.cards())
                                    .toList()),
                    overCap ? "realname.panel.overCap" : null,
                    overCap ? "danger" : null,
                    overCap ? "/console/realname" : null));
            verification(r)
                    .ifPresent(status -> facts.add(new NumberPanel.Fact(
                            "realname.panel.verification",
                            null,
                            "realname.verificationStatus." + status,
                            switch (status) {
                                case "PENDING" -> "warning";
                                case "SUSPENDED" -> "danger";
                                default -> "success";
                            },
                            "/console/realname/verifications?status=" + status)));
        }
        return Optional.of(new NumberPanel(30, "realname.panel.title", facts, "/console/realname"));
    }

    /** The identity's live cards per operator, counting only the rows the scope covers. */
    private List<Cards> cards(DataScope scope, String identityKey) {
        Map<String, Object> params = new HashMap<>();
        params.put("identity", identityKey);
        return jdbc.sql("""
                        select max(b.operator_name), count(*) from realname_subscriber s
                        join realname_batch b on b.id = s.batch_ref
                        where s.identity_key = :identity and s.status <> 'CANCELLED' and\s"""
                        + scope.sqlCondition("s.province_code", "s.operator_credit_code", params)
                        + " group by s.operator_credit_code order by 1")
                .params(params)
                .query((rs, n) -> new Cards(rs.getString(1), rs.getLong(2)))
                .list();
    }

    /** The status of the identity's latest verification task at the registering operator. */
    private Optional<String> verification(Registration r) {
        return jdbc.sql("""
                        select status from realname_verification
                        where operator_credit_code = :operator and identity_key = :identity
                        order by raised_at desc, id desc limit 1""")
                .param("operator", r.operatorCreditCode())
                .param("identity", r.identityKey())
                .query(String.class)
                .optional();
    }
}

package org.telereg.platform.entity;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;

/**
 * The short and foreign names companies go by ("中国移动", "China Mobile", "CMCC"), so that a file
 * naming an operator the way people do can be tied to the enterprise by its credit code. A name
 * resolves when it is an alias or the registered name itself; matching ignores case and spaces.
 */
@Service
public class CompanyAliases {

    private static final int MAX_LENGTH = 100;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    CompanyAliases(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** The credit code of the company this name stands for, if any. */
    @Transactional(readOnly = true)
    public Optional<String> creditCode(String name) {
        if (name == null || name.isBlank()) {
            return Optional.empty();
        }
        Optional<String> byAlias = jdbc.sql("select credit_code from entity_company_alias where folded_alias = :alias")
                .param("alias", fold(name))
                .query(String.class)
                .optional();
        if (byAlias.isPresent()) {
            return byAlias;
        }
        return jdbc
                .sql("select credit_code from entity_company where name = :name")
                .param("name", name.strip())
                .query(String.class)
                .list()
                .stream()
                .findFirst();
    }

    /** Every alias of one company, in the spelling it was given. */
    @Transactional(readOnly = true)
    public List<String> aliases(String creditCode) {
        return jdbc.sql("select alias from entity_company_alias where credit_code = :code order by alias")
                .param("code", creditCode)
                .query(String.class)
                .list();
    }

    /**
     * Gives a company another name. Adding the alias it already has changes nothing; an alias that
     * stands for another company is refused, as are an unknown company and an empty or overlong name.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code alias} or {@code creditCode}
     * @throws AccessDeniedException unless the actor is ministry staff
     */
    @Transactional
    public void add(Actor actor, String creditCode, String alias) {
        if (actor.role() != Role.MINISTRY_ADMIN && actor.role() != Role.MINISTRY_OFFICER) {
            throw new AccessDeniedException("only the ministry names companies");
        }
        FieldProblems problems = new FieldProblems();
        String text = problems.text("alias", alias, MAX_LENGTH);
        boolean known = creditCode != null
                && jdbc.sql("select count(*) from entity_company where credit_code = :code")
                                .param("code", creditCode)
                                .query(Long.class)
                                .single()
                        > 0;
        if (!known) {
            problems.reject("creditCode", "entity.alias.unknownCompany", "no such company", creditCode);
        }
        problems.throwIfAny();
        Optional<String> holder = jdbc.sql("select credit_code from entity_company_alias where folded_alias = :alias")
                .param("alias", fold(text))
                .query(String.class)
                .optional();
        if (holder.isPresent()) {
            if (!holder.get().equals(creditCode)) {
                problems.reject("alias", "entity.alias.taken", "names another company", text, holder.get());
                problems.throwIfAny();
            }
            return;
        }
        jdbc.sql("insert into entity_company_alias (folded_alias, alias, credit_code) values (:folded, :alias, :code)")
                .param("folded", fold(text))
                .param("alias", text)
                .param("code", creditCode)
                .update();
        audit.record("entity", "Company", creditCode, "aliasAdded", null, text);
    }

    static String fold(String name) {
        return name.strip().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    }
}

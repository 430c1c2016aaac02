package org.telereg.platform.broadband;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.entity.CompanyAliases;

/**
 * Ties stored measurements whose operator name resolved to no company to the enterprise the name now
 * stands for: at start-up (measurements imported before names were resolved, or before the alias
 * existed) and after the ministry adds an alias.
 */
@Component
@Order(39)
public class MeasurementEnterprises implements ApplicationRunner {

    private final JdbcClient jdbc;
    private final CompanyAliases aliases;

    MeasurementEnterprises(JdbcClient jdbc, CompanyAliases aliases) {
        this.jdbc = jdbc;
        this.aliases = aliases;
    }

    @Override
    public void run(ApplicationArguments args) {
        assignUnresolved();
    }

    /**
     * Gives a company another name ({@link CompanyAliases#add}) and ties the measurements that name
     * it to the company; returns how many measurements were tied.
     */
    @Transactional
    public int addAlias(Actor actor, String creditCode, String alias) {
        aliases.add(actor, creditCode, alias);
        return assignUnresolved();
    }

    /** Resolves each distinct unresolved operator name once; returns how many measurements were tied. */
    @Transactional
    public int assignUnresolved() {
        List<String> names = jdbc.sql(
                        "select distinct operator_name from broadband_measurement where operator_credit_code is null")
                .query(String.class)
                .list();
        int tied = 0;
        for (String name : names) {
            Optional<String> code = aliases.creditCode(name);
            if (code.isPresent()) {
                tied += jdbc.sql("update broadband_measurement set operator_credit_code = :code"
                                + " where operator_name = :name and operator_credit_code is null")
                        .param("code", code.get())
                        .param("name", name)
                        .update();
            }
        }
        return tied;
    }
}

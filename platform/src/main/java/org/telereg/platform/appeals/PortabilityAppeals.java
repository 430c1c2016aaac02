package org.telereg.platform.appeals;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appeals about number portability (携号转网) per respondent operator, for the obstruction index of
 * the numbering module.
 */
@Service
public class PortabilityAppeals {

    private final JdbcClient jdbc;

    PortabilityAppeals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * How many portability appeals against each operator were received in {@code [from, to)} and
     * admitted (the appeals the quarterly statistics count), by credit code.
     */
    @Transactional(readOnly = true)
    public Map<String, Long> countsByRespondent(Instant from, Instant to) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.sql("""
                        select respondent_credit_code, count(*) from appeals_appeal
                        where subject = :subject and respondent_credit_code is not null
                          and status in ('ACCEPTED', 'RESPONDED', 'CLOSED')
                          and received_at >= :from and received_at < :to
                        group by respondent_credit_code""")
                .param("subject", AppealSubject.NUMBER_PORTABILITY.name())
                .param("from", from.atOffset(ZoneOffset.UTC))
                .param("to", to.atOffset(ZoneOffset.UTC))
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }
}

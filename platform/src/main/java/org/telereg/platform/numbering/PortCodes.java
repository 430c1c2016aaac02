package org.telereg.platform.numbering;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.shared.Hashes;

/**
 * Authorisation codes (授权码): six random digits sent to the user, kept only as a keyed hash of
 * number and code, valid {@code code-minutes}, void after {@code code-attempts} wrong tries.
 */
@Component
class PortCodes {

    /** A live code that matched: its row and when it was issued. */
    record Redeemable(long id, Instant issuedAt) {}

    private final JdbcClient jdbc;
    private final PortabilitySettings settings;
    private final Hashes.Keyed hash;
    private final SecureRandom random = new SecureRandom();

    PortCodes(JdbcClient jdbc, PortabilitySettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.hash = Hashes.keyed(settings.codeKey());
    }

    Duration validity() {
        return Duration.ofMinutes(settings.codeMinutes());
    }

    /** Issues a code for a number; earlier live codes of the number stop working. */
    @Transactional
    String issue(String number, String donorCreditCode, Instant now) {
        jdbc.sql("update numbering_port_code set expires_at = :now where phone_number = :number and expires_at > :now")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("number", number)
                .update();
        String code = String.format("%06d", random.nextInt(1_000_000));
        jdbc.sql("""
                        insert into numbering_port_code (phone_number, donor_credit_code, code_hash, issued_at,
                            expires_at, attempts)
                        values (:number, :donor, :hash, :now, :expires, 0)""")
                .param("number", number)
                .param("donor", donorCreditCode)
                .param("hash", hash.of("port:" + number + ":" + code))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", now.plus(validity()).atOffset(ZoneOffset.UTC))
                .update();
        return code;
    }

    /**
     * The live code of a number that matches, or empty. A wrong code counts against the number's live
     * code in a transaction of its own, so a refused order cannot roll the count back.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Optional<Redeemable> check(String number, String code, Instant now) {
        record Live(long id, String hash, Instant issuedAt) {}
        List<Live> live = jdbc.sql("""
                        select id, code_hash, issued_at from numbering_port_code
                        where phone_number = :number and used_at is null and expires_at > :now and attempts < :most""")
                .param("number", number)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("most", settings.codeAttempts())
                .query((rs, n) -> new Live(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class).toInstant()))
                .list();
        String given = hash.of("port:" + number + ":" + code);
        for (Live candidate : live) {
            if (MessageDigest.isEqual(
                    candidate.hash().getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new Redeemable(candidate.id(), candidate.issuedAt()));
            }
        }
        for (Live candidate : live) {
            jdbc.sql("update numbering_port_code set attempts = attempts + 1 where id = :id")
                    .param("id", candidate.id())
                    .update();
        }
        return Optional.empty();
    }

    /** Marks a code used by an order; false when another order used it a moment ago. */
    @Transactional
    boolean use(long codeId, long orderId, Instant now) {
        return jdbc.sql(
                                "update numbering_port_code set used_at = :now, order_ref = :order where id = :id and used_at is null")
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .param("order", orderId)
                        .param("id", codeId)
                        .update()
                > 0;
    }
}

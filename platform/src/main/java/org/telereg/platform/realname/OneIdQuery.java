package org.telereg.platform.realname;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.identity.IdKind;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.PhoneNumber;
import org.telereg.platform.shared.RejectedInputException;

/**
 * 一证通查 on the public portal: the citizen gives ID number, name and phone; when the phone is one of
 * the numbers registered under that ID and name, a one-time code goes to it; the right code answers
 * how many numbers the ID holds at each operator, at most {@code queries-per-day} times a day.
 * Before the code is confirmed nothing tells whether the details matched: a request that matched
 * nothing (or came after the identity's {@code codes-per-day}) is stored and answered like one that
 * did, only no code exists for it.
 */
@Service
public class OneIdQuery {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private final JdbcClient jdbc;
    private final PersonHashes hashes;
    private final OneTimeCodeSender sender;
    private final RealnameSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    OneIdQuery(JdbcClient jdbc, PersonHashes hashes, OneTimeCodeSender sender, RealnameSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.hashes = hashes;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
    }

    /** How long a code stays valid. */
    public Duration codeValidity() {
        return Duration.ofMinutes(settings.codeMinutes());
    }

    /** How many answers one ID gets per day. */
    public int queriesPerDay() {
        return settings.queriesPerDay();
    }

    /**
     * Checks the details and, when the phone is registered under the ID and name, sends a code to it.
     *
     * @return the id of the request, to be given back with the code; returned whether or not the
     *     details matched
     * @throws RejectedInputException when a field is malformed (a bad ID check character, not a phone number)
     */
    @Transactional
    public String requestCode(String idNumber, String name, String phone) {
        FieldProblems problems = new FieldProblems();
        IdCardNumber id = problems.parse(
                "idNumber", idNumber == null ? null : idNumber.strip().toUpperCase(Locale.ROOT), IdCardNumber::of);
        String cleanName = problems.text("name", name, 50);
        PhoneNumber number = problems.parse("phone", phone, PhoneNumber::of);
        if (!problems.isEmpty()) {
            throw new RejectedInputException(problems.list());
        }
        if (id.kind() == IdKind.RESIDENT_15) {
            id = IdCardNumber.of(IdNumbers.upgrade15To18(id.value()));
        }
        String identityKey = hashes.identity(id);
        boolean registered = jdbc.sql("""
                        select count(*) from realname_subscriber
                        where identity_key = :identity and name_key = :name and phone_number = :phone
                          and status <> 'CANCELLED'""")
                        .param("identity", identityKey)
                        .param("name", hashes.name(cleanName))
                        .param("phone", number.national())
                        .query(Long.class)
                        .single()
                > 0;
        Instant now = clock.instant();
        if (registered
                && jdbc.sql("""
                                        select count(*) from realname_query_challenge
                                        where identity_key = :identity and created_at > :since""")
                                .param("identity", identityKey)
                                .param("since", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                                .query(Long.class)
                                .single()
                        >= settings.codesPerDay()) {
            // Enough codes today: answer alike but send nothing, so nobody floods the phone with SMS.
            registered = false;
        }
        jdbc.sql("delete from realname_query_challenge where expires_at < :cutoff")
                .param("cutoff", now.minus(Duration.ofDays(1)).atOffset(ZoneOffset.UTC))
                .update();
        String challenge = UUID.randomUUID().toString();
        String code = registered ? String.format("%06d", random.nextInt(1_000_000)) : null;
        jdbc.sql("""
                insert into realname_query_challenge (id, identity_key, code_hash, attempts, created_at, expires_at)
                values (:id, :identity, :code, 0, :now, :expires)""")
                .param("id", challenge)
                .param("identity", registered ? identityKey : null)
                .param("code", registered ? hashes.code(challenge, code) : null)
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("expires", now.plus(codeValidity()).atOffset(ZoneOffset.UTC))
                .update();
        if (registered) {
            sender.send(number, code);
        }
        return challenge;
    }

    /** Takes a code for a request; the right one answers the query unless the ID has had today's. */
    @Transactional
    public QueryAnswer answer(String challenge, String code) {
        if (challenge == null || challenge.length() > 36) {
            return QueryAnswer.refused(QueryAnswer.Outcome.SPENT);
        }
        record Challenge(String identityKey, String codeHash, int attempts, Instant expiresAt, boolean used) {}
        Challenge found = jdbc.sql("""
                        select identity_key, code_hash, attempts, expires_at, used_at
                        from realname_query_challenge where id = :id""")
                .param("id", challenge)
                .query((rs, n) -> new Challenge(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getObject(5) != null))
                .optional()
                .orElse(null);
        Instant now = clock.instant();
        if (found == null
                || found.used()
                || !now.isBefore(found.expiresAt())
                || found.attempts() >= settings.codeAttempts()) {
            return QueryAnswer.refused(QueryAnswer.Outcome.SPENT);
        }
        jdbc.sql("update realname_query_challenge set attempts = attempts + 1 where id = :id")
                .param("id", challenge)
                .update();
        String given = code == null ? "" : code.strip();
        if (found.codeHash() == null
                || !given.matches("\\d{6}")
                || !MessageDigest.isEqual(
                        found.codeHash().getBytes(StandardCharsets.US_ASCII),
                        hashes.code(challenge, given).getBytes(StandardCharsets.US_ASCII))) {
            return QueryAnswer.refused(QueryAnswer.Outcome.WRONG_CODE);
        }
        jdbc.sql("update realname_query_challenge set used_at = :now where id = :id")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("id", challenge)
                .update();
        LocalDate today = LocalDate.ofInstant(now, CHINA);
        long answeredToday = jdbc.sql(
                        "select count(*) from realname_query where identity_key = :identity and queried_on = :today")
                .param("identity", found.identityKey())
                .param("today", today)
                .query(Long.class)
                .single();
        int written = answeredToday >= settings.queriesPerDay()
                ? 0
                : jdbc.sql("""
                                insert into realname_query (identity_key, queried_on, slot, queried_at)
                                values (:identity, :today, :slot, :now)
                                on conflict do nothing""")
                        .param("identity", found.identityKey())
                        .param("today", today)
                        .param("slot", answeredToday + 1)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .update();
        if (written == 0) {
            // Over the limit, or another answer took the same slot a moment ago.
            return QueryAnswer.refused(QueryAnswer.Outcome.DAILY_LIMIT);
        }
        return new QueryAnswer(QueryAnswer.Outcome.ANSWERED, cards(found.identityKey()));
    }

    private CardsUnderId cards(String identityKey) {
        Map<String, List<String>> numbers = new LinkedHashMap<>();
        jdbc.sql("""
                select operator_credit_code, phone_number from realname_subscriber
                where identity_key = :identity and status <> 'CANCELLED'
                order by operator_credit_code, phone_number""")
                .param("identity", identityKey)
                .query((rs, n) -> numbers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                        .add(PhoneNumbers.mask(rs.getString(2))))
                .list();
        Map<String, String> names = new HashMap<>();
        if (!numbers.isEmpty()) {
            jdbc.sql("""
                    select operator_credit_code, max(operator_name) from realname_batch
                    where operator_credit_code in (:operators) group by operator_credit_code""")
                    .param("operators", List.copyOf(numbers.keySet()))
                    .query((rs, n) -> names.put(rs.getString(1), rs.getString(2)))
                    .list();
        }
        List<CardsUnderId.OperatorNumbers> operators = numbers.entrySet().stream()
                .map(e -> new CardsUnderId.OperatorNumbers(
                        names.getOrDefault(e.getKey(), e.getKey()), e.getValue().size(), List.copyOf(e.getValue())))
                .sorted(Comparator.comparingLong(CardsUnderId.OperatorNumbers::cards)
                        .reversed()
                        .thenComparing(CardsUnderId.OperatorNumbers::operatorName))
                .toList();
        return new CardsUnderId(
                operators,
                operators.stream()
                        .mapToLong(CardsUnderId.OperatorNumbers::cards)
                        .sum());
    }
}

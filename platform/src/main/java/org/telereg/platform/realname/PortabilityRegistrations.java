package org.telereg.platform.realname;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.identity.IdKind;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.numbering.SubscriberRegister;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.InvalidValueException;

/**
 * Number portability's view of the subscriber snapshots: whether a number is registered at its
 * operator, and whether a name and document are the registered ones — compared as keyed hashes, the
 * way the snapshots keep them.
 */
@Component
class PortabilityRegistrations implements SubscriberRegister {

    private final JdbcClient jdbc;
    private final PersonHashes hashes;

    PortabilityRegistrations(JdbcClient jdbc, PersonHashes hashes) {
        this.jdbc = jdbc;
        this.hashes = hashes;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Registration> registration(String operatorCreditCode, String number) {
        return jdbc.sql("""
                        select status, activated_on from realname_subscriber
                        where operator_credit_code = :operator and phone_number = :number""")
                .param("operator", operatorCreditCode)
                .param("number", number)
                .query((rs, n) -> new Registration(
                        SubscriberStatus.valueOf(rs.getString(1)) == SubscriberStatus.NORMAL,
                        rs.getDate(2).toLocalDate()))
                .optional();
    }

    @Override
    @Transactional(readOnly = true)
    public boolean holderMatches(String operatorCreditCode, String number, String name, String documentNumber) {
        if (name == null || name.isBlank() || documentNumber == null || documentNumber.isBlank()) {
            return false;
        }
        record Registered(DocumentType type, String identityKey, String nameKey) {}
        Optional<Registered> registered = jdbc.sql("""
                        select document_type, identity_key, name_key from realname_subscriber
                        where operator_credit_code = :operator and phone_number = :number""")
                .param("operator", operatorCreditCode)
                .param("number", number)
                .query((rs, n) ->
                        new Registered(DocumentType.valueOf(rs.getString(1)), rs.getString(2), rs.getString(3)))
                .optional();
        if (registered.isEmpty()) {
            return false;
        }
        Optional<String> identityKey = identityKey(registered.get().type(), documentNumber);
        return identityKey.isPresent()
                && same(identityKey.get(), registered.get().identityKey())
                && same(hashes.name(name), registered.get().nameKey());
    }

    /** The key the snapshot import would have kept for this document number, or empty when malformed. */
    private Optional<String> identityKey(DocumentType type, String text) {
        String number = text.strip().toUpperCase(Locale.ROOT);
        if (!type.expectsIdNumber(number)) {
            return Optional.of(hashes.identity(type, number));
        }
        try {
            IdCardNumber id = IdCardNumber.of(number);
            if (id.kind() == IdKind.RESIDENT_15) {
                id = IdCardNumber.of(IdNumbers.upgrade15To18(id.value()));
            }
            return Optional.of(hashes.identity(id));
        } catch (InvalidValueException e) {
            return Optional.empty();
        }
    }

    private static boolean same(String a, String b) {
        return MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }
}

package org.telereg.platform.numbering;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.RejectedInputException;

/**
 * The SMS commands of number portability, as the donor's SMS gateway hands them over:
 * {@code CXXZ#姓名#证件号码} asks whether the sending number may port, {@code SQXZ#姓名#证件号码} asks
 * for an authorisation code. Read leniently: full-width characters, spaces and lower case pass.
 */
@Service
public class SmsCommands {

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** A command as read from the text: the name and document number are never logged. */
    record Command(String verb, String name, String documentNumber) {}

    private final Carriers carriers;
    private final PortabilityRules rules;
    private final PortCodes codes;
    private final SubscriberRegister register;
    private final MessageSource messages;
    private final AuditTrail audit;
    private final Clock clock;

    SmsCommands(
            Carriers carriers,
            PortabilityRules rules,
            PortCodes codes,
            SubscriberRegister register,
            MessageSource messages,
            AuditTrail audit,
            Clock clock) {
        this.carriers = carriers;
        this.rules = rules;
        this.codes = codes;
        this.register = register;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Reads a command, or empty when the text is not one. Full-width {@code ＃} and letters, spaces
     * around and inside the parts, and lower-case verbs are all accepted.
     */
    static Optional<Command> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String normal = Normalizer.normalize(text, Normalizer.Form.NFKC).strip();
        String[] parts = normal.split("#", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        String verb = SPACES.matcher(parts[0]).replaceAll("").toUpperCase(Locale.ROOT);
        String name = SPACES.matcher(parts[1]).replaceAll("");
        String document = SPACES.matcher(parts[2]).replaceAll("").toUpperCase(Locale.ROOT);
        if (!(verb.equals("CXXZ") || verb.equals("SQXZ")) || name.isEmpty() || document.isEmpty()) {
            return Optional.empty();
        }
        if (name.length() > 50 || document.length() > 40) {
            return Optional.empty();
        }
        return Optional.of(new Command(verb, name, document));
    }

    /**
     * Answers a text the sending number sent to its operator.
     *
     * @param actor the donor's SMS gateway, an operator's API token
     * @param from the sending number
     * @throws AccessDeniedException when the actor's operator does not carry the sending number
     * @throws RejectedInputException when the sending number is not a mobile number in service
     */
    @Transactional
    public SmsReply handle(Actor actor, String from, String text, Locale locale) {
        String number = Carriers.mobile(from);
        if (number == null) {
            throw RejectedInputException.of("from", "numbering.invalid.mobile", "not an 11-digit mobile number");
        }
        if (text != null && text.length() > 200) {
            throw RejectedInputException.of("text", "invalid.tooLong", "is longer than 200 characters", 200);
        }
        Instant now = clock.instant();
        CarrierAnswer carrier = carriers.carrierAt(number, now);
        if (!carrier.known()) {
            throw RejectedInputException.of("from", "numbering.invalid.unknownNumber", "no block holds this number");
        }
        if (actor.role() != Role.OPERATOR
                || actor.scope().kind() != DataScope.Kind.ENTERPRISE
                || !actor.scope().creditCode().equals(carrier.carrierCreditCode())) {
            throw new AccessDeniedException("only the gateway of the operator carrying the number answers it");
        }
        Optional<Command> command = parse(text);
        if (command.isEmpty()) {
            return new SmsReply(null, SmsReply.Outcome.MALFORMED, List.of(), text("numbering.sms.malformed", locale));
        }
        String verb = command.get().verb();
        if (!register.holderMatches(
                carrier.carrierCreditCode(),
                number,
                command.get().name(),
                command.get().documentNumber())) {
            return new SmsReply(
                    verb, SmsReply.Outcome.HOLDER_MISMATCH, List.of(), text("numbering.sms.holderMismatch", locale));
        }
        Eligibility eligibility = rules.check(number, now);
        if (!eligibility.eligible()) {
            String reasons = eligibility.reasons().stream()
                    .map(reason -> text(reason.messageKey(), locale))
                    .collect(Collectors.joining(text("numbering.sms.separator", locale)));
            return new SmsReply(
                    verb,
                    SmsReply.Outcome.INELIGIBLE,
                    eligibility.reasons(),
                    messages.getMessage("numbering.sms.ineligible", new Object[] {reasons}, locale));
        }
        if (verb.equals("CXXZ")) {
            return new SmsReply(verb, SmsReply.Outcome.ELIGIBLE, List.of(), text("numbering.sms.eligible", locale));
        }
        String code = codes.issue(number, carrier.carrierCreditCode(), now);
        audit.record("numbering", "PortCode", number, "codeIssued", null, null);
        return new SmsReply(
                verb,
                SmsReply.Outcome.CODE_ISSUED,
                List.of(),
                messages.getMessage(
                        "numbering.sms.code",
                        new Object[] {code, codes.validity().toMinutes()},
                        locale));
    }

    private String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }
}

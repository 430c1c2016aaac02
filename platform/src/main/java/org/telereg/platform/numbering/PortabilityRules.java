package org.telereg.platform.numbering;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The eligibility rules of 携号转网服务管理规定, each one switchable in {@link PortabilitySettings}: a
 * refusal lists every rule the number fails, not only the first.
 */
@Service
public class PortabilityRules {

    private final JdbcClient jdbc;
    private final Carriers carriers;
    private final PortRestrictions restrictions;
    private final SubscriberRegister register;
    private final PortabilitySettings settings;

    PortabilityRules(
            JdbcClient jdbc,
            Carriers carriers,
            PortRestrictions restrictions,
            SubscriberRegister register,
            PortabilitySettings settings) {
        this.jdbc = jdbc;
        this.carriers = carriers;
        this.restrictions = restrictions;
        this.register = register;
        this.settings = settings;
    }

    /** Whether a number may port now, as its user asks by SMS: no recipient is known yet. */
    @Transactional(readOnly = true)
    public Eligibility check(String number, Instant now) {
        return check(number, now, null, null);
    }

    /**
     * Whether a number may port now to a recipient in a local network.
     *
     * @param recipientCreditCode the recipient operator, or null when not known yet
     * @param localNetwork the province of the recipient's local network, or null when not known yet
     */
    @Transactional(readOnly = true)
    public Eligibility check(String number, Instant now, String recipientCreditCode, String localNetwork) {
        CarrierAnswer carrier = carriers.carrierAt(number, now);
        if (!carrier.known()) {
            return new Eligibility(carrier, List.of(Ineligibility.UNKNOWN_NUMBER));
        }
        LocalDate today = LocalDate.ofInstant(now, Carriers.CHINA);
        String donor = carrier.carrierCreditCode();
        List<Ineligibility> reasons = new ArrayList<>();
        if (settings.iotPrefixes().stream().anyMatch(number::startsWith)) {
            reasons.add(Ineligibility.IOT_NUMBER);
        }
        Optional<SubscriberRegister.Registration> registration = register.registration(donor, number);
        if (settings.requireRealName() && registration.isEmpty()) {
            reasons.add(Ineligibility.NOT_REGISTERED);
        }
        if (settings.requireNormalStatus()
                && registration.isPresent()
                && !registration.get().normal()) {
            reasons.add(Ineligibility.NOT_NORMAL);
        }
        List<RestrictionKind> held = restrictions.holding(number, donor, today).stream()
                .map(RestrictionView::kind)
                .toList();
        if (settings.requireBillsSettled() && held.contains(RestrictionKind.ARREARS)) {
            reasons.add(Ineligibility.ARREARS);
        }
        if (settings.requireNoContract() && held.contains(RestrictionKind.CONTRACT)) {
            reasons.add(Ineligibility.CONTRACT);
        }
        if (registration.isPresent()
                && ChronoUnit.DAYS.between(registration.get().activatedOn(), today) < settings.daysSinceActivation()) {
            reasons.add(Ineligibility.RECENTLY_ACTIVATED);
        }
        if (carrier.portedAt() != null
                && ChronoUnit.DAYS.between(carrier.portedAt().toLocalDate(), today) < settings.daysSincePort()) {
            reasons.add(Ineligibility.RECENTLY_PORTED);
        }
        if (pending(number, now)) {
            reasons.add(Ineligibility.PORT_PENDING);
        }
        if (settings.requireSameLocalNetwork()
                && localNetwork != null
                && !localNetwork.equals(carrier.provinceCode())) {
            reasons.add(Ineligibility.OTHER_LOCAL_NETWORK);
        }
        if (donor.equals(recipientCreditCode)) {
            reasons.add(Ineligibility.SAME_OPERATOR);
        }
        return new Eligibility(carrier, reasons);
    }

    private boolean pending(String number, Instant now) {
        return jdbc.sql("""
                                select count(*) from numbering_port_order
                                where phone_number = :number and status = 'SCHEDULED' and effective_at > :now""")
                        .param("number", number)
                        .param("now", now.atOffset(ZoneOffset.UTC))
                        .query(Long.class)
                        .single()
                > 0;
    }
}

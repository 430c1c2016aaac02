package org.telereg.platform.numbering;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.telereg.engine.numbering.PhoneLookup;
import org.telereg.engine.numbering.PhoneNumbers;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/**
 * Demo ports between the three basic operators over the last months — most completed, some refused
 * or cancelled, so the obstruction index ranks them apart — and a few arrears and contracts. Runs
 * once, after the organisations and real-name snapshots exist.
 */
@Component
@Profile("demo")
@Order(40)
class DemoPorting implements ApplicationRunner {

    /** Organisation code and a mobile segment of it the demo ports come from. */
    private static final String[][] OPERATORS = {{"OP-CMCC", "1380013"}, {"OP-CUCC", "1860104"}, {"OP-CTCC", "1890200"}
    };

    private final PortOrders orders;
    private final PortRestrictions restrictions;
    private final NumberResources resources;
    private final AccessManagement access;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long seed;

    DemoPorting(
            PortOrders orders,
            PortRestrictions restrictions,
            NumberResources resources,
            AccessManagement access,
            JdbcClient jdbc,
            Clock clock,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.orders = orders;
        this.restrictions = restrictions;
        this.resources = resources;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
        this.seed = seed;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from numbering_port_order")
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        OrganisationView[] operators = new OrganisationView[OPERATORS.length];
        for (int i = 0; i < OPERATORS.length; i++) {
            operators[i] = access.organisation(OPERATORS[i][0]).orElse(null);
            if (operators[i] == null) {
                return;
            }
            if (!ensureSegment(OPERATORS[i][1], operators[i])) {
                // Another data set gave the segment to someone else: its numbers are not this operator's to port.
                return;
            }
        }
        Random random = new Random(seed + 40);
        Instant now = clock.instant();
        // Refusals and cancellations weigh on CMCC and CUCC as donors more than on CTCC.
        int[] refusalOdds = {4, 6, 20};
        for (int i = 0; i < 36; i++) {
            int donor = i % 3;
            int recipient = (donor + 1 + random.nextInt(2)) % 3;
            String number = OPERATORS[donor][1] + String.format("%04d", 1000 + i);
            String province = province(number);
            Instant issued = now.minus(Duration.ofDays(2 + random.nextInt(200)))
                    .truncatedTo(ChronoUnit.MINUTES)
                    .minus(Duration.ofMinutes(random.nextInt(600)));
            Instant effective =
                    PortOrders.nextWholeHour(issued.plus(Duration.ofMinutes(random.nextInt(donor == 1 ? 2000 : 300))));
            int roll = random.nextInt(refusalOdds[donor]);
            PortStatus status =
                    roll == 0 ? PortStatus.REFUSED : roll == 1 ? PortStatus.CANCELLED : PortStatus.COMPLETED;
            DonorRefusal reason = status == PortStatus.REFUSED
                    ? DonorRefusal.values()[random.nextInt(DonorRefusal.values().length)]
                    : null;
            orders.recordPast(
                    number,
                    province,
                    operators[donor].creditCode(),
                    operators[recipient].creditCode(),
                    status,
                    reason,
                    issued,
                    effective);
        }
        for (int donor = 0; donor < OPERATORS.length; donor++) {
            Actor actor = new Actor(
                    "demo",
                    "演示数据",
                    Role.OPERATOR,
                    operators[donor].id(),
                    operators[donor].name(),
                    DataScope.enterprise(operators[donor].creditCode()));
            restrictions.record(
                    actor,
                    OPERATORS[donor][1] + "2001",
                    RestrictionKind.ARREARS,
                    new NewRestriction("58.30", null, "11 月话费未缴"));
            restrictions.record(
                    actor,
                    OPERATORS[donor][1] + "2002",
                    RestrictionKind.CONTRACT,
                    new NewRestriction(
                            null,
                            now.atZone(Carriers.CHINA)
                                    .toLocalDate()
                                    .plusMonths(8)
                                    .toString(),
                            "购机合约 24 个月"));
        }
    }

    /** Allocates the segment to the operator unless an allocation covers it; whether the operator holds it. */
    private boolean ensureSegment(String segment, OrganisationView operator) {
        Optional<AllocationView> held = resources.holderOf(
                segment + "0000", clock.instant().atZone(Carriers.CHINA).toLocalDate());
        if (held.isPresent()) {
            return held.get().holderCreditCode().equals(operator.creditCode());
        }
        resources.allocate(
                Actor.system(),
                new NewAllocation(
                        AllocationKind.MOBILE_SEGMENT.name(),
                        segment,
                        "",
                        operator.creditCode(),
                        null,
                        "2015-01-01",
                        "工信部码号〔2015〕演示号"));
        return true;
    }

    private static String province(String number) {
        PhoneLookup lookup = PhoneNumbers.standard().lookup(number);
        return lookup.valid() && lookup.provinceCode() != null ? lookup.provinceCode() : "11";
    }
}

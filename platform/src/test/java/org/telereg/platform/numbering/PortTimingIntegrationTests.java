package org.telereg.platform.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.realname.SnapshotImport;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/** The whole-hour rule and code expiry, on a clock the test sets. */
@PlatformIntegrationTest
@Import(PortTimingIntegrationTests.SetClock.class)
class PortTimingIntegrationTests {

    /** A clock the test moves; it starts at the real time so the demo data is as usual. */
    static final class MovableClock extends Clock {

        private volatile Instant now = Instant.now();

        void set(String beijing) {
            now = LocalDateTime.parse(beijing).atZone(Carriers.CHINA).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return Carriers.CHINA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @TestConfiguration
    static class SetClock {
        @Bean
        @Primary
        MovableClock movableClock() {
            return new MovableClock();
        }
    }

    private static final Pattern CODE = Pattern.compile("(\\d{6})");

    @Autowired
    MovableClock clock;

    @Autowired
    SmsCommands sms;

    @Autowired
    PortOrders orders;

    @Autowired
    Carriers carriers;

    @Autowired
    NumberResources resources;

    @Autowired
    SnapshotImport imports;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    private Porting porting;

    @BeforeEach
    void subscribers() {
        porting = new Porting(resources, imports, access, users);
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private String code(Porting.Subscriber subscriber) {
        SmsReply reply = sms.handle(
                SignIn.actor(users, "cmcc"),
                subscriber.number(),
                "SQXZ#" + subscriber.name() + "#" + subscriber.idNumber(),
                Locale.SIMPLIFIED_CHINESE);
        assertThat(reply.outcome()).as(reply.text()).isEqualTo(SmsReply.Outcome.CODE_ISSUED);
        Matcher code = CODE.matcher(reply.text());
        assertThat(code.find()).isTrue();
        return code.group(1);
    }

    private PortOrderView submit(Porting.Subscriber subscriber, String code) {
        return orders.submit(
                SignIn.actor(users, Porting.CUCC_USER),
                new NewPortOrder(
                        subscriber.number(),
                        code,
                        subscriber.name(),
                        subscriber.idNumber(),
                        carriers.carrierAt(subscriber.number(), clock.instant()).provinceCode()));
    }

    private static Instant beijing(String dateTime) {
        return LocalDateTime.parse(dateTime).atZone(Carriers.CHINA).toInstant();
    }

    private static java.util.List<String> fields(Throwable e) {
        return ((RejectedInputException) e)
                .problems().stream().map(FieldProblem::field).toList();
    }

    @Test
    void anOrderAcceptedExactlyOnTheHourTakesEffectAtTheNextOne() {
        Porting.Subscriber subscriber = porting.cmcc(LocalDate.of(2025, 1, 1));
        clock.set("2026-12-02T09:50:00");
        String code = code(subscriber);
        clock.set("2026-12-02T10:00:00");

        PortOrderView order = submit(subscriber, code);

        assertThat(order.effectiveAt().toInstant()).isEqualTo(beijing("2026-12-02T11:00:00"));
        String cmcc = porting.creditCode("OP-CMCC");
        String cucc = porting.creditCode("OP-CUCC");
        assertThat(carriers.carrierAt(subscriber.number(), beijing("2026-12-02T10:59:59.999"))
                        .carrierCreditCode())
                .isEqualTo(cmcc);
        assertThat(carriers.carrierAt(subscriber.number(), beijing("2026-12-02T11:00:00"))
                        .carrierCreditCode())
                .isEqualTo(cucc);

        clock.set("2026-12-02T11:00:00");
        assertThat(orders.find(org.telereg.platform.access.DataScope.all(), order.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(PortStatus.COMPLETED);
        assertThatThrownBy(() -> orders.cancel(SignIn.actor(users, Porting.CUCC_USER), order.id(), null))
                .as("too late once in effect")
                .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void anOrderAcceptedTheLastMillisecondBeforeTheHourTakesEffectOnIt() {
        Porting.Subscriber subscriber = porting.cmcc(LocalDate.of(2025, 1, 1));
        clock.set("2026-12-02T13:30:00");
        String code = code(subscriber);
        clock.set("2026-12-02T13:59:59.999");

        assertThat(submit(subscriber, code).effectiveAt().toInstant()).isEqualTo(beijing("2026-12-02T14:00:00"));
        assertThat(PortOrders.nextWholeHour(beijing("2026-12-31T23:00:00.001")))
                .isEqualTo(beijing("2027-01-01T00:00:00"));
    }

    @Test
    void aCodeWorksUntilItsHourIsOverAndNotAfter() {
        Porting.Subscriber late = porting.cmcc(LocalDate.of(2025, 1, 1));
        Porting.Subscriber justInTime = porting.cmcc(LocalDate.of(2025, 1, 1));
        clock.set("2026-12-03T09:20:00");
        String lateCode = code(late);
        String inTimeCode = code(justInTime);

        clock.set("2026-12-03T10:19:59");
        assertThat(submit(justInTime, inTimeCode).status()).isEqualTo(PortStatus.SCHEDULED);
        clock.set("2026-12-03T10:20:00");
        assertThatThrownBy(() -> submit(late, lateCode))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("authCode"));
    }

    @Test
    void aCodeIsVoidAfterFiveWrongTries() {
        Porting.Subscriber subscriber = porting.cmcc(LocalDate.of(2025, 1, 1));
        clock.set("2026-12-04T15:00:00");
        String code = code(subscriber);
        String wrong = code.equals("111111") ? "222222" : "111111";
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> submit(subscriber, wrong)).isInstanceOf(RejectedInputException.class);
        }
        assertThatThrownBy(() -> submit(subscriber, code))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(fields(e)).containsExactly("authCode"));
    }
}

package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.telereg.platform.filing.FilingFixtures.PNG;
import static org.telereg.platform.filing.FilingFixtures.app;
import static org.telereg.platform.filing.FilingFixtures.creditCode;
import static org.telereg.platform.filing.FilingFixtures.domain;
import static org.telereg.platform.filing.FilingFixtures.enterprise;
import static org.telereg.platform.filing.FilingFixtures.officer;
import static org.telereg.platform.filing.FilingFixtures.register;
import static org.telereg.platform.filing.FilingFixtures.sponsorName;
import static org.telereg.platform.filing.FilingFixtures.website;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Returned applications corrected and submitted again (by the provider that submitted them, or by the
 * sponsor with its tracking number and access code), and the 30-day rule of change applications.
 */
@PlatformIntegrationTest
class FilingApplicationCorrectionIntegrationTests {

    private static final Pattern CODE = Pattern.compile("核验码为(\\d{6})");

    @Autowired
    FilingApplications applications;

    @Autowired
    DomainRegistrations registrations;

    @Autowired
    AccessManagement access;

    @Autowired
    LoggingSmsSender sms;

    @Autowired
    JdbcClient jdbc;

    private OrganisationView apDemo;
    private Actor provider;
    private final Actor guangdong = officer("44");

    @BeforeEach
    void provider() {
        apDemo = FilingFixtures.apDemo(access);
        provider = FilingFixtures.provider(apDemo);
    }

    private NewApplication sponsorWith(String sponsor, String credit, List<NewApplication.NewService> services) {
        return enterprise(sponsor, credit, apDemo.creditCode(), services);
    }

    private static NewApplication withAddress(NewApplication a, String address, List<NewApplication.NewService> s) {
        return new NewApplication(
                a.kind(),
                a.filingNumber(),
                a.changedOn(),
                a.nature(),
                a.sponsorName(),
                a.certificateType(),
                a.certificateNumber(),
                a.cityCode(),
                a.countyCode(),
                address,
                a.principalName(),
                a.principalIdNumber(),
                a.principalPhone(),
                a.principalEmail(),
                a.relatedPersons(),
                a.accessProvider(),
                a.reason(),
                s);
    }

    private static List<String> codes(RejectedInputException e) {
        return e.problems().stream().map(FieldProblem::code).toList();
    }

    private static RejectedInputException rejected(Runnable action) {
        try {
            action.run();
        } catch (RejectedInputException e) {
            return e;
        }
        throw new AssertionError("expected the input to be refused");
    }

    private ApplicationView approved(String sponsor, String credit, String domain) {
        register(registrations, domain, sponsor);
        ApplicationView app =
                applications.submit(provider, sponsorWith(sponsor, credit, List.of(website("测试网站", domain))));
        ApplicationView checked =
                applications.verify(provider, app.id(), EnumSet.allOf(CheckItem.class), "photo.png", PNG);
        Matcher m = CODE.matcher(sms.lastMessage(checked.principalPhone()).orElseThrow());
        assertThat(m.find()).isTrue();
        applications.confirmSms(checked.trackingNumber(), m.group(1));
        return applications.approve(guangdong, app.id(), null);
    }

    private NewApplication change(ApplicationView approved, String sponsor, String credit, String domain, String on) {
        return new NewApplication(
                "CHANGE",
                approved.subjectNumber(),
                on,
                "ENTERPRISE",
                sponsor,
                "CREDIT_CODE",
                credit,
                "440100",
                "440106",
                "广州市天河区迁址路9号",
                "张三",
                FilingFixtures.residentId(),
                FilingFixtures.mobile(),
                null,
                null,
                null,
                null,
                List.of(new NewApplication.NewService(
                        approved.subjectNumber() + "-1",
                        "WEBSITE",
                        "测试网站",
                        domain,
                        null,
                        null,
                        null,
                        null,
                        "李四",
                        FilingFixtures.residentId(),
                        FilingFixtures.mobile(),
                        "192.0.2.12")));
    }

    @Test
    void theProviderCorrectsAReturnedApplicationAndItsHistoryKeepsTheReturnAndTheFieldsChanged() {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input = sponsorWith(sponsor, creditCode(), List.of(website("测试网站", domain)));
        ApplicationView app = applications.submit(provider, input);
        applications.returnToSponsor(provider, app.id(), "通信地址不完整，请补充门牌号。");

        ApplicationView corrected = applications.resubmit(
                provider,
                app.id(),
                withAddress(
                        input,
                        "广州市天河区测试路1号201室",
                        List.of(input.services().get(0), app("测试App", "cn.example.corrected" + app.id()))));

        assertThat(corrected.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(corrected.trackingNumber()).isEqualTo(app.trackingNumber());
        assertThat(corrected.address()).isEqualTo("广州市天河区测试路1号201室");
        assertThat(corrected.services())
                .extracting(ApplicationView.ServiceView::name)
                .containsExactly("测试网站", "测试App");
        assertThat(corrected.resubmissions()).isEqualTo(1);
        assertThat(corrected.decisionReason()).isNull();
        List<ApplicationStep> steps = applications.steps(app.id());
        assertThat(steps).extracting(ApplicationStep::action).containsExactly("SUBMITTED", "RETURNED", "RESUBMITTED");
        assertThat(steps.get(1).note()).isEqualTo("通信地址不完整，请补充门牌号。");
        assertThat(steps.get(2).changedFields())
                .containsExactly(
                        new ApplicationStep.ChangedField(null, "address"),
                        new ApplicationStep.ChangedField(null, "services"));
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select action from audit_log where module = 'filing'"
                                        + " and entity_id = :t order by seq")
                                .param("t", app.trackingNumber())
                                .query(String.class)
                                .list())
                        // Audit entries are written after each commit by a listener of their own, so two quick
                        // steps may land in either order; the application's history above holds the order.
                        .contains("submitted", "returned", "resubmitted"));
        // The corrected application goes through the provider's check again.
        ApplicationView checked =
                applications.verify(provider, app.id(), EnumSet.allOf(CheckItem.class), "photo.png", PNG);
        assertThat(checked.status()).isEqualTo(ApplicationStatus.SMS_PENDING);
    }

    @Test
    void aCorrectionIsCheckedAnewAndARefusedOneLeavesTheReturnedApplicationAsItWas() {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input = sponsorWith(sponsor, creditCode(), List.of(website("测试网站", domain)));
        ApplicationView app = applications.submit(provider, input);
        applications.returnToSponsor(provider, app.id(), "请补充域名。");
        String unknown = domain();

        RejectedInputException e = rejected(() -> applications.resubmit(
                provider, app.id(), withAddress(input, "", List.of(website("测试网站", domain + "\n" + unknown)))));

        assertThat(e.problems())
                .extracting(FieldProblem::field, FieldProblem::code)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("address", "invalid.required"),
                        org.assertj.core.groups.Tuple.tuple("services[0].domains", "filing.app.invalid.domainUnknown"));
        // Its own domain is not "pending elsewhere".
        assertThat(codes(e)).doesNotContain("filing.app.invalid.domainPending");
        ApplicationView unchanged = applications.track(app.trackingNumber()).orElseThrow();
        assertThat(unchanged.status()).isEqualTo(ApplicationStatus.RETURNED);
        assertThat(unchanged.address()).isEqualTo(input.address());
        assertThat(unchanged.services().get(0).domains()).containsExactly(domain);
        assertThat(applications.steps(app.id()))
                .extracting(ApplicationStep::action)
                .containsExactly("SUBMITTED", "RETURNED");
    }

    @Test
    void onlyTheSubmitterCorrectsAndOnlyAReturnedApplication() {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input = sponsorWith(sponsor, creditCode(), List.of(website("测试网站", domain)));
        ApplicationView app = applications.submit(provider, input);

        assertThatThrownBy(() -> applications.resubmit(provider, app.id(), input))
                .isInstanceOf(AccessDeniedException.class);
        applications.returnToSponsor(provider, app.id(), "请核对负责人证件。");
        Actor otherProvider =
                FilingFixtures.provider(access.organisation("OP-CMCC").orElseThrow());
        assertThatThrownBy(() -> applications.resubmit(otherProvider, app.id(), input))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() -> applications.resubmit(guangdong, app.id(), input))
                .isInstanceOf(AccessDeniedException.class);

        String portalSponsor = sponsorName();
        String portalDomain = domain();
        register(registrations, portalDomain, portalSponsor);
        ApplicationView portal = applications
                .submitOnPortal(sponsorWith(portalSponsor, creditCode(), List.of(website("门户网站", portalDomain))))
                .application();
        applications.returnToSponsor(provider, portal.id(), "请补充材料。");
        assertThatThrownBy(() -> applications.resubmit(provider, portal.id(), input))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theSponsorCorrectsAPortalApplicationWithItsTrackingNumberAndAccessCode() {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input = sponsorWith(sponsor, creditCode(), List.of(website("门户网站", domain)));
        FilingApplications.PortalSubmission submitted = applications.submitOnPortal(input);
        String tracking = submitted.application().trackingNumber();
        assertThat(submitted.accessCode()).matches("[A-Z2-9]{8}");
        assertThat(codes(rejected(() -> applications.returnedOnPortal(tracking, submitted.accessCode()))))
                .containsExactly("filing.app.invalid.notReturned");

        applications.returnToSponsor(provider, submitted.application().id(), "网站名称与内容不符。");
        String wrong = submitted.accessCode().equals("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA";
        assertThat(codes(rejected(() -> applications.returnedOnPortal(tracking, wrong))))
                .containsExactly("filing.app.invalid.accessCode");
        assertThat(codes(rejected(() -> applications.returnedOnPortal(tracking, ""))))
                .containsExactly("filing.app.invalid.accessCode");
        assertThat(codes(rejected(() -> applications.returnedOnPortal("BA20260101-NOSUCH", submitted.accessCode()))))
                .containsExactly("filing.app.invalid.accessCode");
        assertThat(applications
                        .returnedOnPortal(
                                tracking.toLowerCase(),
                                " " + submitted.accessCode().toLowerCase())
                        .principalIdNumber())
                .isEqualTo(input.principalIdNumber());

        NewApplication.NewService renamed = new NewApplication.NewService(
                null,
                "WEBSITE",
                "门户资讯网",
                domain,
                null,
                null,
                null,
                null,
                "李四",
                FilingFixtures.residentId(),
                FilingFixtures.mobile(),
                null);
        assertThatThrownBy(() -> applications.resubmitOnPortal(tracking, wrong, input))
                .isInstanceOf(RejectedInputException.class);
        ApplicationView corrected = applications.resubmitOnPortal(
                tracking, submitted.accessCode(), withAddress(input, input.address(), List.of(renamed)));
        assertThat(corrected.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(corrected.channel()).isEqualTo(ApplicationChannel.PORTAL);
        assertThat(applications.steps(corrected.id()).get(2).changedFields())
                .contains(new ApplicationStep.ChangedField(1, "serviceName"))
                .doesNotContain(new ApplicationStep.ChangedField(null, "address"));
        long notices = jdbc.sql("select count(*) from notice where message_key = 'filing.app.notice.resubmitted'"
                        + " and link = :link")
                .param("link", "/console/filing/applications/" + corrected.id())
                .query(Long.class)
                .single();
        assertThat(notices).isEqualTo(1);
    }

    @Test
    void aChangeFiledOnTheThirtiethDayIsInTimeAndOnTheThirtyFirstLate() {
        String sponsor = sponsorName();
        String credit = creditCode();
        String domain = domain();
        ApplicationView approved = approved(sponsor, credit, domain);
        LocalDate today = applications.today();
        long lateBefore = applications.lateChanges(guangdong.scope());

        ApplicationView inTime = applications.submit(
                provider,
                change(approved, sponsor, credit, domain, today.minusDays(30).toString()));
        assertThat(inTime.factsChangedOn()).isEqualTo(today.minusDays(30));
        assertThat(inTime.lateChange()).isFalse();
        applications.returnToSponsor(provider, inTime.id(), "请补充变更说明。");

        ApplicationView late = applications.submit(
                provider,
                change(approved, sponsor, credit, domain, today.minusDays(31).toString()));
        assertThat(late.lateChange()).isTrue();
        assertThat(applications.lateChanges(guangdong.scope())).isEqualTo(lateBefore + 1);
        assertThat(applications.list(guangdong.scope(), null, null, true))
                .extracting(ApplicationView::id)
                .contains(late.id())
                .doesNotContain(inTime.id(), approved.id());
        assertThat(applications.list(officer("11").scope(), null, null, true))
                .extracting(ApplicationView::id)
                .doesNotContain(late.id());
    }

    @Test
    void theChangeDaysCountFromTheDayTheFactsChanged() {
        LocalDate changed = LocalDate.of(2026, 11, 1);
        assertThat(applications.late(changed, LocalDate.of(2026, 12, 1))).isFalse();
        assertThat(applications.late(changed, LocalDate.of(2026, 12, 2))).isTrue();
        assertThat(applications.late(null, LocalDate.of(2027, 12, 2))).isFalse();
    }

    @Test
    void aChangeStatesAPastDayItsFactsChanged() {
        String sponsor = sponsorName();
        String credit = creditCode();
        String domain = domain();
        ApplicationView approved = approved(sponsor, credit, domain);
        LocalDate tomorrow = applications.today().plusDays(1);
        for (String[] bad : new String[][] {
            {null, "invalid.required"},
            {"", "invalid.required"},
            {"2026-13-01", "invalid.date"},
            {"一个月前", "invalid.date"},
            {tomorrow.toString(), "invalid.future"}
        }) {
            RejectedInputException e =
                    rejected(() -> applications.submit(provider, change(approved, sponsor, credit, domain, bad[0])));
            assertThat(e.problems())
                    .as(String.valueOf(bad[0]))
                    .extracting(FieldProblem::field, FieldProblem::code)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("changedOn", bad[1]));
        }
        assertThat(jdbc.sql("select count(*) from filing_application where subject_id = (select id from"
                                + " filing_subject where subject_number = :n) and kind = 'CHANGE'")
                        .param("n", approved.subjectNumber())
                        .query(Long.class)
                        .single())
                .isZero();
    }
}

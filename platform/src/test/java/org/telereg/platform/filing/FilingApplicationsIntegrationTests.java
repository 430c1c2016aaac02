package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.telereg.platform.filing.FilingFixtures.PNG;
import static org.telereg.platform.filing.FilingFixtures.app;
import static org.telereg.platform.filing.FilingFixtures.creditCode;
import static org.telereg.platform.filing.FilingFixtures.domain;
import static org.telereg.platform.filing.FilingFixtures.enterprise;
import static org.telereg.platform.filing.FilingFixtures.officer;
import static org.telereg.platform.filing.FilingFixtures.register;
import static org.telereg.platform.filing.FilingFixtures.sponsorName;
import static org.telereg.platform.filing.FilingFixtures.website;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
@RecordApplicationEvents
class FilingApplicationsIntegrationTests {

    @Autowired
    Clock clock;

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

    @Autowired
    ApplicationEvents events;

    private OrganisationView apDemo;
    private Actor provider;
    private final Actor guangdong = officer("44");

    @BeforeEach
    void provider() {
        apDemo = FilingFixtures.apDemo(access);
        provider = FilingFixtures.provider(apDemo);
    }

    /** A sponsor with one website on a domain registered to it, submitted on the portal. */
    private ApplicationView submitted(String sponsor, String creditCode, String domain) {
        register(registrations, domain, sponsor);
        return applications.submit(
                null, enterprise(sponsor, creditCode, apDemo.creditCode(), List.of(website("测试网站", domain))));
    }

    private String code(ApplicationView app) {
        String message = sms.lastMessage(app.principalPhone()).orElseThrow();
        Matcher matcher = CODE.matcher(message);
        assertThat(matcher.find()).as(message).isTrue();
        return matcher.group(1);
    }

    private ApplicationView verified(ApplicationView app) {
        return applications.verify(provider, app.id(), EnumSet.allOf(CheckItem.class), "photo.png", PNG);
    }

    private ApplicationView underReview(ApplicationView app) {
        ApplicationView checked = verified(app);
        return applications.confirmSms(checked.trackingNumber(), code(checked));
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

    @Test
    void aPortalSubmissionGoesThroughCheckAndSmsToTheNumberedRegister() {
        String sponsor = sponsorName();
        String domain = domain();
        ApplicationView app = submitted(sponsor, creditCode(), domain);
        assertThat(app.status()).isEqualTo(ApplicationStatus.SUBMITTED);
        assertThat(app.provinceCode()).isEqualTo("44");
        assertThat(app.trackingNumber()).startsWith("BA");
        long notices = jdbc.sql("select count(*) from notice where message_key = 'filing.app.notice.submitted'"
                        + " and link = :link")
                .param("link", "/console/filing/applications/" + app.id())
                .query(Long.class)
                .single();
        assertThat(notices).isPositive();

        ApplicationView checked = verified(app);
        assertThat(checked.status()).isEqualTo(ApplicationStatus.SMS_PENDING);
        assertThat(checked.verifiedBy()).isEqualTo("isp");
        assertThat(checked.photoHash()).hasSize(64);
        String stored = jdbc.sql("select sms_code_hash from filing_application where id = :id")
                .param("id", app.id())
                .query(String.class)
                .single();
        assertThat(stored).hasSize(64).doesNotContain(code(checked));

        ApplicationView reviewing = applications.confirmSms(app.trackingNumber(), code(checked));
        assertThat(reviewing.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(reviewing.reviewDueOn()).isEqualTo(applications.reviewDue(applications.today()));
        assertThat(reviewing.workingDaysLeft()).isEqualTo(20);

        ApplicationView approved = applications.approve(guangdong, app.id(), null);
        assertThat(approved.status()).isEqualTo(ApplicationStatus.APPROVED);
        assertThat(approved.subjectNumber())
                .matches("粤ICP备" + applications.today().getYear() + "\\d{6}号");
        assertThat(approved.services().get(0).serviceNumber()).isEqualTo(approved.subjectNumber() + "-1");
        String filedDomain = jdbc.sql("select d.domain from filing_service_domain d join filing_service s"
                        + " on s.id = d.service_id where s.service_number = :n")
                .param("n", approved.subjectNumber() + "-1")
                .query(String.class)
                .single();
        assertThat(filedDomain).isEqualTo(domain);
        assertThat(events.stream(FilingChanged.class)).anySatisfy(e -> {
            assertThat(e.change()).isEqualTo(FilingChanged.Change.APPROVED);
            assertThat(e.subjectNumber()).isEqualTo(approved.subjectNumber());
            assertThat(e.serviceNumbers()).containsExactly(approved.subjectNumber() + "-1");
            assertThat(e.sponsorName()).isEqualTo(sponsor);
        });
        assertThat(applications.steps(app.id()))
                .extracting(ApplicationStep::action)
                .containsExactly("SUBMITTED", "VERIFIED", "SMS_CONFIRMED", "APPROVED");
    }

    @Test
    void aSponsorAlreadyFiledKeepsItsSubjectNumberAndItsAppIsNumberedWithA() {
        String sponsor = sponsorName();
        String credit = creditCode();
        ApplicationView first = applications.approve(
                guangdong, underReview(submitted(sponsor, credit, domain())).id(), null);
        ApplicationView second = applications.submit(
                provider, enterprise(sponsor, credit, null, List.of(app("测试App", "cn.example.test" + first.id()))));
        assertThat(second.channel()).isEqualTo(ApplicationChannel.PROVIDER);
        assertThat(second.providerCreditCode()).isEqualTo(apDemo.creditCode());
        ApplicationView approved =
                applications.approve(guangdong, underReview(second).id(), null);
        assertThat(approved.subjectNumber()).isEqualTo(first.subjectNumber());
        assertThat(approved.services().get(0).serviceNumber()).isEqualTo(first.subjectNumber() + "-2A");
    }

    @Test
    void refusesCertificateNumbersThatFailTheirTypesCheck() {
        String good = creditCode();
        String badCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        RejectedInputException e = rejected(() -> applications.submit(
                null, enterprise(sponsorName(), badCheck, apDemo.creditCode(), List.of(website("站", domain())))));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("certificateNumber");
            assertThat(p.code()).isEqualTo("filing.certificate.invalid.CREDIT_CODE");
        });
        assertThat(CertificateType.ORGANISATION_CODE.check("12345678-" + FilingFixtures.organisationCheck("12345678")))
                .isEqualTo("12345678" + FilingFixtures.organisationCheck("12345678"));
        assertThatThrownBy(() -> CertificateType.ORGANISATION_CODE.check(
                        "12345678-" + (FilingFixtures.organisationCheck("12345678") == '1' ? '2' : '1')))
                .hasMessageContaining("ORGANISATION_CODE");
        String id = FilingFixtures.residentId();
        assertThat(CertificateType.RESIDENT_ID.check(id)).isEqualTo(id);
        assertThatThrownBy(() ->
                        CertificateType.RESIDENT_ID.check(id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1')))
                .hasMessageContaining("RESIDENT_ID");
        assertThatThrownBy(() -> CertificateType.HK_MACAO_PERMIT.check("X1234567"))
                .hasMessageContaining("HK_MACAO");
        assertThat(CertificateType.HK_MACAO_PERMIT.check("h12345678")).isEqualTo("H12345678");
        assertThatThrownBy(() -> CertificateType.TAIWAN_PERMIT.check("1234567")).hasMessageContaining("TAIWAN");
        assertThatThrownBy(() -> CertificateType.PASSPORT.check("E1")).hasMessageContaining("PASSPORT");
    }

    @Test
    void refusesACertificateThatDoesNotFitTheSponsorsNatureAndDivisionsOfTwoCities() {
        NewApplication base =
                enterprise(sponsorName(), creditCode(), apDemo.creditCode(), List.of(website("站", domain())));
        NewApplication wrong = new NewApplication(
                "NEW",
                null,
                null,
                "INDIVIDUAL",
                "张三",
                "CREDIT_CODE",
                base.certificateNumber(),
                "440100",
                "440306",
                base.address(),
                base.principalName(),
                base.principalIdNumber(),
                "020-12345678",
                null,
                null,
                base.accessProvider(),
                null,
                base.services());
        RejectedInputException e = rejected(() -> applications.submit(null, wrong));
        assertThat(codes(e))
                .contains(
                        "filing.certificate.notForNature",
                        "filing.app.invalid.countyOutsideCity",
                        "filing.app.invalid.notMobile");
    }

    @Test
    void refusesADomainRegisteredToSomeoneTheApplicationDoesNotName() {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, "某某投资有限公司");
        NewApplication input = enterprise(sponsor, creditCode(), apDemo.creditCode(), List.of(website("站", domain)));
        RejectedInputException e = rejected(() -> applications.submit(null, input));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("services[0].domains");
            assertThat(p.code()).isEqualTo("filing.app.invalid.domainRegistrant");
            assertThat(p.arguments()).containsExactly(domain, "某某投资有限公司");
        });

        NewApplication namingTheShareholder = new NewApplication(
                input.kind(),
                null,
                null,
                input.nature(),
                input.sponsorName(),
                input.certificateType(),
                input.certificateNumber(),
                input.cityCode(),
                input.countyCode(),
                input.address(),
                input.principalName(),
                input.principalIdNumber(),
                input.principalPhone(),
                null,
                "某某投资有限公司；赵六",
                input.accessProvider(),
                null,
                input.services());
        assertThat(applications.submit(null, namingTheShareholder).status()).isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void refusesAnUnknownDomainNamingIt() {
        String domain = domain();
        RejectedInputException e = rejected(() -> applications.submit(
                null,
                enterprise(sponsorName(), creditCode(), apDemo.creditCode(), List.of(website("站", "www." + domain)))));
        assertThat(e.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("filing.app.invalid.domainUnknown");
            assertThat(p.arguments()).containsExactly("www." + domain);
        });
    }

    @Test
    void refusesADomainPendingElsewhereAndOneAlreadyFiledNamingTheOther() {
        String sponsor = sponsorName();
        String credit = creditCode();
        String domain = domain();
        ApplicationView first = submitted(sponsor, credit, domain);
        NewApplication again =
                enterprise(sponsor, credit, apDemo.creditCode(), List.of(website("站", domain.toUpperCase())));
        RejectedInputException pending = rejected(() -> applications.submit(null, again));
        assertThat(pending.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("filing.app.invalid.domainPending");
            assertThat(p.arguments()).containsExactly(domain, first.trackingNumber());
        });

        ApplicationView approved =
                applications.approve(guangdong, underReview(first).id(), null);
        RejectedInputException filed = rejected(() -> applications.submit(null, again));
        assertThat(filed.problems()).anySatisfy(p -> {
            assertThat(p.code()).isEqualTo("filing.app.invalid.domainFiled");
            assertThat(p.arguments()).containsExactly(domain, approved.subjectNumber() + "-1");
        });
    }

    @Test
    void anUnconfirmedCodeExpiresAndStopsTheApplicationUntilTheProviderSendsANewOne() {
        ApplicationView checked = verified(submitted(sponsorName(), creditCode(), domain()));
        String oldCode = code(checked);
        jdbc.sql("update filing_application set sms_expires_at = :past where id = :id")
                .param("past", OffsetDateTime.now(clock).minusMinutes(1))
                .param("id", checked.id())
                .update();
        RejectedInputException e = rejected(() -> applications.confirmSms(checked.trackingNumber(), oldCode));
        assertThat(codes(e)).containsExactly("filing.sms.expired");
        assertThat(applications.track(checked.trackingNumber()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.SMS_EXPIRED);

        ApplicationView resent = applications.resendSms(provider, checked.id());
        assertThat(resent.status()).isEqualTo(ApplicationStatus.SMS_PENDING);
        String newCode = code(resent);
        assertThat(applications.confirmSms(checked.trackingNumber(), newCode).status())
                .isEqualTo(ApplicationStatus.UNDER_REVIEW);
    }

    @Test
    void theScheduledExpiryStopsApplicationsPastTheirWindow() {
        ApplicationView checked = verified(submitted(sponsorName(), creditCode(), domain()));
        jdbc.sql("update filing_application set sms_expires_at = :past where id = :id")
                .param("past", OffsetDateTime.now(clock).minusSeconds(1))
                .param("id", checked.id())
                .update();
        assertThat(applications.expireSmsChecks()).isPositive();
        assertThat(applications.track(checked.trackingNumber()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.SMS_EXPIRED);
    }

    @Test
    void fiveWrongCodesStopTheApplication() {
        ApplicationView checked = verified(submitted(sponsorName(), creditCode(), domain()));
        String right = code(checked);
        String wrong = right.equals("000000") ? "111111" : "000000";
        for (int i = 1; i <= 4; i++) {
            RejectedInputException e = rejected(() -> applications.confirmSms(checked.trackingNumber(), wrong));
            assertThat(codes(e)).containsExactly("filing.sms.wrong");
            assertThat(e.problems().get(0).arguments()).containsExactly(5 - i);
        }
        assertThat(codes(rejected(() -> applications.confirmSms(checked.trackingNumber(), wrong))))
                .containsExactly("filing.sms.tooManyAttempts");
        assertThat(codes(rejected(() -> applications.confirmSms(checked.trackingNumber(), right))))
                .containsExactly("filing.sms.notPending");
    }

    @Test
    void theReviewDeadlineCountsWorkingDaysAcrossNationalDay() {
        // Received on Wednesday 30 September 2026: 1–7 October are holidays, Saturday 10 October is worked.
        assertThat(applications.reviewDue(LocalDate.of(2026, 9, 30))).isEqualTo(LocalDate.of(2026, 11, 3));
        // Without a holiday 20 working days are four weeks.
        assertThat(applications.reviewDue(LocalDate.of(2026, 11, 4))).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void anOverdueReviewShowsNegativeDaysInTheQueue() {
        ApplicationView reviewing = underReview(submitted(sponsorName(), creditCode(), domain()));
        jdbc.sql("update filing_application set review_due_on = :due where id = :id")
                .param("due", applications.today().minusDays(14))
                .param("id", reviewing.id())
                .update();
        ApplicationView listed = applications.list(guangdong.scope(), ApplicationStatus.UNDER_REVIEW).stream()
                .filter(a -> a.id() == reviewing.id())
                .findFirst()
                .orElseThrow();
        assertThat(listed.overdue()).isTrue();
        assertThat(listed.workingDaysLeft()).isNegative();
    }

    @Test
    void aRejectionKeepsTheRegisterUntouchedAndFreesTheDomain() {
        String sponsor = sponsorName();
        String credit = creditCode();
        String domain = domain();
        ApplicationView reviewing = underReview(submitted(sponsor, credit, domain));
        assertThat(codes(rejected(() -> applications.reject(guangdong, reviewing.id(), " "))))
                .containsExactly("invalid.required");
        ApplicationView rejected = applications.reject(guangdong, reviewing.id(), "网站名称与主体不符");
        assertThat(rejected.status()).isEqualTo(ApplicationStatus.REJECTED);
        assertThat(rejected.decisionReason()).isEqualTo("网站名称与主体不符");
        assertThat(jdbc.sql("select count(*) from filing_service_domain where domain = :d")
                        .param("d", domain)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(applications
                        .submit(null, enterprise(sponsor, credit, apDemo.creditCode(), List.of(website("站", domain))))
                        .status())
                .isEqualTo(ApplicationStatus.SUBMITTED);
    }

    @Test
    void onlyTheSponsorsProvinceDecidesAndOnlyItsProviderChecks() {
        ApplicationView app = submitted(sponsorName(), creditCode(), domain());
        Actor beijing = officer("11");
        assertThatThrownBy(() -> applications.verify(beijing, app.id(), EnumSet.allOf(CheckItem.class), "p.png", PNG))
                .isInstanceOf(RuntimeException.class);
        ApplicationView reviewing = underReview(app);
        assertThatThrownBy(() -> applications.approve(beijing, reviewing.id(), null))
                .isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> applications.approve(provider, reviewing.id(), null))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theCheckNeedsEveryItemAndAPhotoThatIsAnImage() {
        ApplicationView app = submitted(sponsorName(), creditCode(), domain());
        RejectedInputException e = rejected(() -> applications.verify(
                provider, app.id(), Set.of(CheckItem.PRINCIPAL_IN_PERSON), "photo.png", "not an image".getBytes()));
        assertThat(codes(e)).contains("filing.app.invalid.checkItems", "filing.app.invalid.fileType");
        assertThat(applications.track(app.trackingNumber()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.SUBMITTED);
        ApplicationView returned = applications.returnToSponsor(provider, app.id(), "负责人照片不清晰");
        assertThat(returned.status()).isEqualTo(ApplicationStatus.RETURNED);
    }

    @Test
    void aChangeRewritesTheFiledServiceAndAddsANewOne() {
        String sponsor = sponsorName();
        String credit = creditCode();
        String domain = domain();
        ApplicationView approved = applications.approve(
                guangdong, underReview(submitted(sponsor, credit, domain)).id(), null);
        String added = domain();
        register(registrations, added, sponsor);
        NewApplication.NewService kept = new NewApplication.NewService(
                approved.subjectNumber() + "-1",
                "WEBSITE",
                "改名后的网站",
                domain + "\n" + added,
                "https://www." + domain + "/",
                null,
                "NEWS 国新网许字2026001号",
                null,
                "李四",
                FilingFixtures.residentId(),
                FilingFixtures.mobile(),
                "192.0.2.11");
        NewApplication change = new NewApplication(
                "CHANGE",
                approved.subjectNumber(),
                applications.today().minusDays(3).toString(),
                "ENTERPRISE",
                sponsor,
                "CREDIT_CODE",
                credit,
                "440100",
                "440106",
                "广州市天河区新地址2号",
                "张三",
                FilingFixtures.residentId(),
                FilingFixtures.mobile(),
                null,
                null,
                null,
                null,
                List.of(kept, app("新App", "cn.example.change" + approved.id())));
        ApplicationView changed = applications.approve(
                guangdong, underReview(applications.submit(provider, change)).id(), null);
        assertThat(changed.subjectNumber()).isEqualTo(approved.subjectNumber());
        assertThat(changed.services())
                .extracting(ApplicationView.ServiceView::serviceNumber)
                .containsExactly(approved.subjectNumber() + "-1", approved.subjectNumber() + "-2A");
        assertThat(jdbc.sql("select name from filing_service where service_number = :n")
                        .param("n", approved.subjectNumber() + "-1")
                        .query(String.class)
                        .single())
                .isEqualTo("改名后的网站");
        assertThat(jdbc.sql("select address from filing_subject where subject_number = :n")
                        .param("n", approved.subjectNumber())
                        .query(String.class)
                        .single())
                .isEqualTo("广州市天河区新地址2号");
        assertThat(jdbc.sql("select count(*) from filing_service_domain d join filing_service s on s.id = d.service_id"
                                + " where s.service_number = :n")
                        .param("n", approved.subjectNumber() + "-1")
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
        assertThat(events.stream(FilingChanged.class))
                .anyMatch(e -> e.change() == FilingChanged.Change.CHANGED
                        && e.subjectNumber().equals(approved.subjectNumber()));
    }

    @Test
    void aCancellationThroughTheProviderCancelsTheServiceInTheRegister() {
        ApplicationView approved = applications.approve(
                guangdong,
                underReview(submitted(sponsorName(), creditCode(), domain())).id(),
                null);
        String serviceNumber = approved.subjectNumber() + "-1";
        assertThat(codes(rejected(() -> applications.requestCancellation(provider, serviceNumber, ""))))
                .contains("invalid.required");
        ApplicationView cancellation =
                applications.requestCancellation(provider, serviceNumber.replace('-', '－'), "网站停止运营");
        assertThat(cancellation.status()).isEqualTo(ApplicationStatus.UNDER_REVIEW);
        assertThat(cancellation.kind()).isEqualTo(ApplicationKind.CANCEL);
        applications.approve(guangdong, cancellation.id(), null);
        assertThat(jdbc.sql("select status from filing_service where service_number = :n")
                        .param("n", serviceNumber)
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
        assertThat(events.stream(FilingChanged.class))
                .anyMatch(e -> e.change() == FilingChanged.Change.CANCELLED
                        && e.serviceNumbers().contains(serviceNumber));
    }

    @Test
    void theAdministrationCancelsAWholeSubjectOfItsProvinceOnly() {
        ApplicationView approved = applications.approve(
                guangdong,
                underReview(submitted(sponsorName(), creditCode(), domain())).id(),
                null);
        assertThat(codes(rejected(
                        () -> applications.cancelByAdministration(officer("11"), approved.subjectNumber(), "虚假材料"))))
                .containsExactly("filing.app.invalid.otherProvince");
        List<String> cancelled = applications.cancelByAdministration(guangdong, approved.subjectNumber(), "提供虚假材料");
        assertThat(cancelled).containsExactly(approved.subjectNumber() + "-1");
        assertThat(jdbc.sql("select status from filing_subject where subject_number = :n")
                        .param("n", approved.subjectNumber())
                        .query(String.class)
                        .single())
                .isEqualTo("CANCELLED");
    }

    @Test
    void withdrawingAccessLapsesTheService() {
        ApplicationView approved = applications.approve(
                guangdong,
                underReview(submitted(sponsorName(), creditCode(), domain())).id(),
                null);
        String serviceNumber = approved.subjectNumber() + "-1";
        applications.withdrawAccess(provider, serviceNumber, "客户停止使用本单位接入服务");
        var row = jdbc.sql("select status, access_withdrawn_on from filing_service where service_number = :n")
                .param("n", serviceNumber)
                .query()
                .singleRow();
        assertThat(row.get("status")).isEqualTo("LAPSED");
        assertThat(row.get("access_withdrawn_on")).isNotNull();
        assertThat(events.stream(FilingChanged.class))
                .anyMatch(e -> e.change() == FilingChanged.Change.LAPSED
                        && e.serviceNumbers().equals(List.of(serviceNumber)));
        assertThat(applications.hosted(provider)).anySatisfy(s -> {
            assertThat(s.serviceNumber()).isEqualTo(serviceNumber);
            assertThat(s.status()).isEqualTo(ServiceStatus.LAPSED);
        });
        assertThat(codes(rejected(() -> applications.withdrawAccess(provider, serviceNumber, "再次撤销"))))
                .containsExactly("filing.app.invalid.notHosted");
    }

    @Test
    void domainRegistrationFilesLoadIdempotentlyAndRefuseBadLinesWhole() {
        Actor ministry = Actor.system();
        String domain = domain();
        byte[] file = (DomainRegistrations.HEADER + "\n" + domain + ",测试公司,某注册商,2024-01-02,2030-01-02\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(registrations.load(ministry, file).added()).isEqualTo(1);
        assertThat(registrations.load(ministry, file).unchanged()).isEqualTo(1);
        String other = domain();
        byte[] bad = (DomainRegistrations.HEADER + "\n" + other
                        + ",测试公司,某注册商,2024-01-02,\nnot a domain,甲,乙,2024-01-02,\n")
                .getBytes(java.nio.charset.Charset.forName("GBK"));
        DomainRegistrations.LoadResult result = registrations.load(ministry, bad);
        assertThat(result.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.line()).isEqualTo(3));
        assertThat(registrations.search(other, 10)).isEmpty();
        assertThatThrownBy(() -> registrations.load(provider, file)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDemoHasApplicationsInEveryStateAndALapsedService() {
        List<String> statuses = jdbc.sql("select distinct status from filing_application where address like '%演示%'")
                .query(String.class)
                .list();
        assertThat(statuses)
                .containsExactlyInAnyOrder(java.util.Arrays.stream(ApplicationStatus.values())
                        .map(Enum::name)
                        .toArray(String[]::new));
        assertThat(jdbc.sql("select count(*) from filing_service s join filing_service_domain d on d.service_id = s.id"
                                + " where d.domain like '%.example-demo.cn' and s.status = 'LAPSED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theDemoWorkflowReachesItsWebsitesAtAddressesItsProvidersFiled() {
        List<java.util.Map<String, Object>> addresses = jdbc.sql("""
                        select a.access_provider_credit_code as provider, i.address, i.address_hex, s.kind
                        from filing_application a
                        join filing_application_service s on s.application_id = a.id
                        left join filing_application_ip i on i.application_service_id = s.id
                        where a.address like '%演示%'""").query().listOfRows();
        assertThat(addresses)
                .filteredOn(r -> "WEBSITE".equals(r.get("kind")))
                .isNotEmpty()
                .allSatisfy(r -> {
                    assertThat(r.get("address"))
                            .as("every demo website has an address")
                            .isNotNull();
                    String hex = IpFilings.hex(org.telereg.engine.filing.IpAddresses.parse((String) r.get("address")));
                    assertThat(r.get("address_hex"))
                            .as("the hex form block searches use")
                            .isEqualTo(hex);
                    assertThat(jdbc.sql("select count(*) from filing_ip_range where status = 'ACTIVE'"
                                            + " and first_hex <= :hex and last_hex >= :hex"
                                            + " and (user_unit_credit_code = :p or allocating_isp_credit_code = :p)")
                                    .param("hex", hex)
                                    .param("p", r.get("provider"))
                                    .query(Long.class)
                                    .single())
                            .as(r.get("address") + " lies in an IP filing of " + r.get("provider"))
                            .isPositive();
                });
        // Approval copies the addresses into the register with their hex form.
        List<java.util.Map<String, Object>> approved = jdbc.sql("""
                        select i.address, i.address_hex from filing_service_ip i
                        join filing_service f on f.id = i.service_id
                        join filing_application_service s on s.service_number = f.service_number
                        join filing_application a on a.id = s.application_id
                        where a.address like '%演示%'""").query().listOfRows();
        assertThat(approved)
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.get("address_hex"))
                        .isEqualTo(
                                IpFilings.hex(org.telereg.engine.filing.IpAddresses.parse((String) r.get("address")))));
        assertThat(jdbc.sql("select count(*) from filing_service_ip i join filing_service_domain d"
                                + " on d.service_id = i.service_id where d.domain like '%.example-demo.cn'"
                                + " and i.address like '203.0.113.%'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theDemoShowsACorrectionALateChangeAndAnApplicationOfTwoServicesAcrossProvinces() {
        String demo = " from filing_application where address like '%演示%'";
        assertThat(jdbc.sql("select count(*)" + demo + " and resubmissions > 0 and status = 'SUBMITTED'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*)" + demo + " and late_change = true and kind = 'CHANGE'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*)" + demo + " and status = 'APPROVED' and (select count(*) from"
                                + " filing_application_service s where s.application_id = filing_application.id) = 2")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select distinct province_code" + demo)
                        .query(String.class)
                        .list())
                .contains("11", "31", "33", "44", "51");
    }
}

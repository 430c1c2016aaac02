package org.telereg.platform.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.antifraud.FraudDisposal;
import org.telereg.platform.antifraud.NewSuspect;
import org.telereg.platform.calendar.WorkingDays;
import org.telereg.platform.credit.CreditList;
import org.telereg.platform.credit.CreditRegistry;
import org.telereg.platform.credit.NewPersonListing;
import org.telereg.platform.entity.CompanyInput;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
class LicensingIntegrationTests {

    private static final Random RANDOM = new Random();

    @Autowired
    LicensingDesk desk;

    @Autowired
    LicenceRegistry licences;

    @Autowired
    AnnualReports reports;

    @Autowired
    CreditRegistry credit;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    WorkingDays workingDays;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    FraudDisposal fraud;

    private final Actor ministry = Actor.system();

    /** A new company of the province, so each test starts with a clean record. */
    private String company(String province, String capital) {
        String creditCode = creditCode(province);
        companies.save(
                ministry,
                new CompanyInput(
                        creditCode,
                        "测试通信科技有限公司" + creditCode.substring(10),
                        "LIMITED_LIABILITY",
                        "王五",
                        capital,
                        province,
                        "测试路 1 号",
                        null));
        return creditCode;
    }

    private static String creditCode(String province) {
        StringBuilder organisation = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            organisation.append(RANDOM.nextInt(10));
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += Character.digit(organisation.charAt(i), 10) * weights[i];
        }
        int check = 11 - sum % 11;
        organisation.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        String first17 = "91" + province + "0100" + organisation;
        return first17 + CreditCodes.checkCharacter(first17);
    }

    static String idNumber() {
        String first17 = "110105" + "1980" + String.format("%02d", 1 + RANDOM.nextInt(12)) + "15"
                + String.format("%03d", RANDOM.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static NewApplication application(
            String creditCode, List<String> kinds, List<String> coverage, String capital, String managerId) {
        return new NewApplication(
                creditCode,
                kinds,
                coverage,
                "",
                "王五",
                "测试路 1 号",
                capital,
                List.of(new NewApplication.Investor("", idNumber(), "赵六", "100", "false", "false")),
                List.of(new NewApplication.Manager(managerId, "钱七", "总经理")));
    }

    private ApplicationView accepted(String province, List<String> kinds, List<String> coverage) {
        String code = company(province, "20000000");
        ApplicationView submitted =
                desk.submit(ministry, application(code, kinds, coverage, "20000000", idNumber()), List.of());
        return desk.accept(ministry, submitted.id());
    }

    @Test
    void provincialValueAddedApplicationGoesToTheProvinceAndGetsItsNumber() {
        ApplicationView application = accepted("44", List.of("B25"), List.of("44"));
        assertThat(application.issuerCode()).isEqualTo("44");
        assertThat(application.issuerName()).isEqualTo("广东省通信管理局");
        assertThat(application.kinds())
                .extracting(ApplicationView.AppliedKind::scope)
                .containsExactly("仅限互联网信息服务");

        LicenceView licence = desk.grant(ministry, application.id());

        assertThat(licence.number()).matches("粤B2-" + desk.today().getYear() + "\\d{4}");
        assertThat(licence.validUntil()).isEqualTo(desk.today().plusYears(5).minusDays(1));
        assertThat(desk.find(DataScope.all(), application.id()).orElseThrow().licenceNumber())
                .isEqualTo(licence.number());
    }

    @Test
    void crossRegionApplicationGoesToTheMinistryWithCombinedClasses() {
        ApplicationView application = accepted("11", List.of("B11", "B21", "B25"), List.of("11", "31"));
        assertThat(application.issuerCode()).isEqualTo("MIIT");

        LicenceView licence = desk.grant(ministry, application.id());

        assertThat(licence.number()).matches("B1\\.B2-" + desk.today().getYear() + "\\d{4}");
    }

    @Test
    void noDuplicateLicenceNumbersUnderConcurrentGrants() throws Exception {
        List<ApplicationView> applications = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            applications.add(accepted("32", List.of("B24"), List.of("32")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<String>> grants = applications.stream()
                    .map(a -> (Callable<String>)
                            () -> desk.grant(ministry, a.id()).number())
                    .toList();
            List<String> numbers = new ArrayList<>();
            for (Future<String> granted : pool.invokeAll(grants)) {
                numbers.add(granted.get());
            }
            assertThat(numbers).doesNotHaveDuplicates().allMatch(n -> n.startsWith("苏B2-"));
            List<Integer> serials = new ArrayList<>(
                    numbers.stream().map(n -> LicenceNumber.parse(n).serial()).toList());
            Collections.sort(serials);
            assertThat(serials.get(serials.size() - 1) - serials.get(0)).isEqualTo(serials.size() - 1);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void correctionNoticeIsDueWithinFiveWorkingDaysAcrossNationalDay() {
        // Received on 30 September 2026: 1–7 October are the National Day holiday, 10 October a working Saturday.
        assertThat(workingDays.plus(LocalDate.of(2026, 9, 30), 5)).isEqualTo(LocalDate.of(2026, 10, 13));
    }

    @Test
    void decisionDeadlineOnAHolidayMovesToTheNextWorkingDay() {
        // 60 days after 2026-08-03 is 2026-10-02, inside the National Day holiday.
        assertThat(desk.decisionDeadline(LocalDate.of(2026, 8, 3), false)).isEqualTo(LocalDate.of(2026, 10, 8));
        // 180 days for basic services: 2026-04-08 + 180 = 2026-10-05, also a holiday.
        assertThat(desk.decisionDeadline(LocalDate.of(2026, 4, 8), true)).isEqualTo(LocalDate.of(2026, 10, 8));
        // An ordinary weekday stays as it is.
        assertThat(desk.decisionDeadline(LocalDate.of(2026, 1, 5), false)).isEqualTo(LocalDate.of(2026, 3, 6));
    }

    @Test
    void gateBlocksACompanyWhoseManagerIsOnTheDishonestList() {
        String manager = idNumber();
        credit.listPerson(
                ministry,
                new NewPersonListing(
                        manager,
                        "钱七",
                        "",
                        "SERIOUS_VIOLATION",
                        "原企业许可证被吊销时任总经理",
                        "工信部罚〔2026〕" + RANDOM.nextInt(100000) + "号",
                        "2026-06-01"));
        String code = company("33", "20000000");
        ApplicationView submitted =
                desk.submit(ministry, application(code, List.of("B25"), List.of("33"), "20000000", manager), List.of());

        ApplicationView accepted = desk.accept(ministry, submitted.id());

        assertThat(accepted.gateBlocked()).isTrue();
        assertThat(accepted.gateHits()).anySatisfy(hit -> {
            assertThat(hit.blocks()).isTrue();
            assertThat(hit.partyRole()).isEqualTo("MANAGER");
            assertThat(hit.evidence()).isEqualTo("原企业许可证被吊销时任总经理");
        });
        assertThatThrownBy(() -> desk.grant(ministry, submitted.id())).isInstanceOf(GrantBlockedException.class);
        assertThat(desk.find(DataScope.all(), submitted.id()).orElseThrow().status())
                .isEqualTo(ApplicationStatus.ACCEPTED);
        assertThat(jdbc.sql("select count(*) from licensing_licence where holder_credit_code = :c")
                        .param("c", code)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void idNumbersOfInvestorsAndManagersNeverReachTheDatabase() {
        String manager = idNumber();
        String investor = idNumber();
        String code = company("44", "20000000");
        NewApplication input = new NewApplication(
                code,
                List.of("B25"),
                List.of("44"),
                "",
                "王五",
                "测试路 1 号",
                "20000000",
                List.of(new NewApplication.Investor("", investor, "赵六六", "60", "false", "false")),
                List.of(new NewApplication.Manager(manager, "钱七七", "总经理")));

        ApplicationView application = desk.submit(ministry, input, List.of());

        String stored = String.join(
                "|",
                jdbc.sql("select coalesce(person_key, '') || coalesce(id_masked, '') || display_name"
                                + " from licensing_party where application_id = :id")
                        .param("id", application.id())
                        .query(String.class)
                        .list());
        assertThat(stored).doesNotContain(manager, investor, "赵六六", "钱七七").contains("赵**", "钱**");
    }

    @Test
    void valueAddedAcrossProvincesNeedsTenMillionAndForeignShareCapApplies() {
        String code = company("31", "5000000");
        NewApplication poor = application(code, List.of("B11"), List.of("ALL"), "5000000", idNumber());
        NewApplication foreign = new NewApplication(
                code,
                List.of("B11"),
                List.of("31"),
                "",
                "王五",
                "测试路 1 号",
                "5000000",
                List.of(new NewApplication.Investor("", idNumber(), "Smith", "60", "false", "true")),
                List.of(new NewApplication.Manager(idNumber(), "钱七", "总经理")));

        assertThatThrownBy(() -> desk.submit(ministry, poor, List.of()))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .contains(org.assertj.core.groups.Tuple.tuple(
                                        "registeredCapital", "licensing.condition.capital.valueAddedNational")));
        assertThatThrownBy(() -> desk.submit(ministry, foreign, List.of()))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.condition.foreignCap"));
    }

    @Test
    void basicServicesNeedAStateMajority() {
        String code = company("11", "2000000000");
        NewApplication input = application(code, List.of("A12-4"), List.of("ALL"), "2000000000", idNumber());

        assertThatThrownBy(() -> desk.submit(ministry, input, List.of()))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.condition.stateShare"));
    }

    @Test
    void anAttachmentThatIsNeitherPdfNorImageIsRefusedAndNothingIsStored() {
        String code = company("44", "20000000");
        NewApplication input = application(code, List.of("B25"), List.of("44"), "20000000", idNumber());
        long before = jdbc.sql("select count(*) from licensing_application")
                .query(Long.class)
                .single();

        assertThatThrownBy(() -> desk.submit(
                        ministry,
                        input,
                        List.of(
                                new ApplicationFile(
                                        "方案.pdf",
                                        "MZ\u0090\u0000 not a pdf".getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                                new ApplicationFile("empty.png", new byte[0]))))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::field, FieldProblem::code)
                                .containsExactly(
                                        org.assertj.core.groups.Tuple.tuple("files", "licensing.invalid.fileType"),
                                        org.assertj.core.groups.Tuple.tuple("files", "licensing.invalid.fileEmpty")));
        assertThat(jdbc.sql("select count(*) from licensing_application")
                        .query(Long.class)
                        .single())
                .isEqualTo(before);
    }

    @Test
    void onlyOneCorrectionNotice() {
        String code = company("44", "20000000");
        ApplicationView submitted = desk.submit(
                ministry, application(code, List.of("B25"), List.of("44"), "20000000", idNumber()), List.of());
        desk.requestCorrection(ministry, submitted.id(), "请补充网站备案材料");
        jdbc.sql("update licensing_application set status = 'SUBMITTED' where id = :id")
                .param("id", submitted.id())
                .update();

        assertThatThrownBy(() -> desk.requestCorrection(ministry, submitted.id(), "再补充"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.invalid.correctionUsed"));
    }

    @Test
    void renewalOpensNinetyDaysBeforeExpiry() {
        LicenceView licence = desk.grant(
                ministry, accepted("44", List.of("B25"), List.of("44")).id());
        String today = desk.today().toString();

        assertThatThrownBy(() -> licences.renew(ministry, licence.id(), today))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.invalid.renewalNotOpen"));

        jdbc.sql("update licensing_licence set valid_until = :until where id = :id")
                .param("until", desk.today().plusDays(89))
                .param("id", licence.id())
                .update();
        LicenceView renewed = licences.renew(ministry, licence.id(), today);
        assertThat(renewed.validUntil()).isEqualTo(desk.today().plusDays(89).plusYears(5));
    }

    @Test
    void aNameChangeIsRecordedWithItsReasonAndDecisionDate() {
        LicenceView licence = desk.grant(
                ministry, accepted("44", List.of("B25"), List.of("44")).id());
        String decided = desk.today().minusDays(2).toString();

        LicenceView changed = licences.change(ministry, licence.id(), "NAME", null, "新名称信息技术有限公司", "工商变更登记", decided);

        assertThat(changed.holderName()).isEqualTo("新名称信息技术有限公司");
        assertThat(licences.history(licence.id())).last().satisfies(event -> {
            assertThat(event.kind()).isEqualTo("CHANGED");
            assertThat(event.field()).isEqualTo("NAME");
            assertThat(event.before()).isEqualTo(licence.holderName());
            assertThat(event.reason()).isEqualTo("工商变更登记");
            assertThat(event.decidedOn()).hasToString(decided);
        });
        assertThatThrownBy(() -> licences.change(ministry, licence.id(), "SCOPE", "B21", "仅限电子商务", "扩大范围", decided))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.invalid.kindNotOnLicence"));
    }

    @Test
    void cancellingEndsTheLicenceWithoutListingTheHolder() {
        LicenceView licence = desk.grant(
                ministry, accepted("44", List.of("B25"), List.of("44")).id());

        LicenceView cancelled = licences.cancel(
                ministry, licence.id(), "企业申请注销：不再经营该业务", desk.today().toString());

        assertThat(cancelled.status(desk.today())).isEqualTo(LicenceStatus.CANCELLED);
        assertThat(cancelled.endedOn()).isEqualTo(desk.today());
        assertThatThrownBy(() -> licences.revoke(
                        ministry, licence.id(), "再次吊销", desk.today().toString(), "文号"))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.invalid.alreadyEnded"));
        assertThat(credit.ofCompany(licence.holderCreditCode())).isEmpty();
    }

    @Test
    void revokingALicenceListsTheHolderAsDishonest() {
        LicenceView licence = desk.grant(
                ministry, accepted("44", List.of("B25"), List.of("44")).id());

        licences.revoke(ministry, licence.id(), "经营不良信息服务", desk.today().toString(), "粤通信罚〔2026〕8号");

        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(
                                credit.standingOnCompany(CreditList.DISHONEST, licence.holderCreditCode()))
                        .singleElement()
                        .satisfies(entry -> {
                            assertThat(entry.licenceNumber()).isEqualTo(licence.number());
                            assertThat(entry.sourceType()).isEqualTo("Licence");
                            assertThat(entry.authorityName()).isEqualTo("广东省通信管理局");
                        }));
    }

    @Test
    void aFraudNumberConfirmedAtAResellerGivesItOneWatchRecordForTheMonth() {
        String code = company("44", "20000000");
        ApplicationView pilot = desk.accept(
                ministry,
                desk.submit(
                                ministry,
                                application(code, List.of("MVNO"), List.of("44", "11"), "20000000", idNumber()),
                                List.of())
                        .id());
        assertThat(pilot.issuerCode()).isEqualTo("MIIT");
        desk.grant(ministry, pilot.id());
        for (int i = 0; i < 2; i++) {
            long caseId = fraud.registerSuspect(new NewSuspect(
                            "1709" + String.format("%07d", RANDOM.nextInt(10_000_000)),
                            code,
                            "测试转售",
                            new BigDecimal("0.9"),
                            "night_ratio=0.8"))
                    .id();
            fraud.confirm(ministry, caseId);
        }

        await().atMost(Duration.ofSeconds(10))
                .until(() -> credit.ofCompany(code).stream().anyMatch(e -> e.list() == CreditList.WATCH));
        assertThat(credit.ofCompany(code)).singleElement().satisfies(entry -> {
            assertThat(entry.reasonCode()).isEqualTo("RESALE_FRAUD_NUMBER");
            assertThat(entry.sourceId()).isEqualTo(code + "/" + java.time.YearMonth.from(desk.today()));
        });
    }

    @Test
    void missingAnnualReportListsTheCompanyOnTheListingDayAndConfirmingTheLateReportRemovesIt() {
        int year = desk.today().getYear() - 1;
        ApplicationView application = accepted("44", List.of("B25"), List.of("44"));
        LicenceView licence = licences.issue(application, LocalDate.of(year, 3, 1), "test");
        assertThat(desk.today()).isAfterOrEqualTo(reports.listingDay(year));

        reports.listMissing(year);

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !credit.standingOnCompany(CreditList.BAD_OPERATOR, licence.holderCreditCode())
                        .isEmpty());
        assertThat(credit.standingOnCompany(CreditList.BAD_OPERATOR, licence.holderCreditCode()))
                .singleElement()
                .satisfies(entry -> {
                    assertThat(entry.reasonCode()).isEqualTo("ANNUAL_REPORT_MISSING");
                    assertThat(entry.decidedOn()).isEqualTo(reports.listingDay(year));
                });

        // Listing again changes nothing.
        reports.listMissing(year);

        Actor holder =
                new Actor("holder", "持证企业", Role.OPERATOR, 0, "持证企业", DataScope.enterprise(licence.holderCreditCode()));
        AnnualReportView late = reports.submit(
                holder,
                licence.id(),
                year,
                new AnnualReportInput("true", "1200000", "3500", "40", "孙八", "开展互联网信息服务，运行正常"));
        assertThat(late.status()).isEqualTo(AnnualReportStatus.LATE);
        reports.confirm(ministry, late.id());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> credit.standingOnCompany(CreditList.BAD_OPERATOR, licence.holderCreditCode())
                        .isEmpty());
        assertThat(credit.ofCompany(licence.holderCreditCode()))
                .singleElement()
                .satisfies(entry -> assertThat(entry.removedOn()).isEqualTo(desk.today()));
    }

    @Test
    void theMorningJobListsAHolderStillMissingLastYearsReport() {
        int year = desk.today().getYear() - 1;
        LicenceView licence =
                licences.issue(accepted("33", List.of("B24"), List.of("33")), LocalDate.of(year, 6, 1), "test");

        reports.daily();

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !credit.standingOnCompany(CreditList.BAD_OPERATOR, licence.holderCreditCode())
                        .isEmpty());
    }

    @Test
    void companyMissingAnAnnualReportCannotBeGrantedANewLicence() {
        int year = desk.today().getYear() - 1;
        ApplicationView first = accepted("44", List.of("B25"), List.of("44"));
        licences.issue(first, LocalDate.of(year, 2, 1), "test");
        ApplicationView second = desk.accept(
                ministry,
                desk.submit(
                                ministry,
                                application(
                                        first.applicantCreditCode(),
                                        List.of("B24"),
                                        List.of("44"),
                                        "20000000",
                                        idNumber()),
                                List.of())
                        .id());

        assertThat(second.gateHits())
                .anySatisfy(hit -> assertThat(hit.code()).isEqualTo("licensing.gate.annualReportMissing"));
        assertThatThrownBy(() -> desk.grant(ministry, second.id())).isInstanceOf(GrantBlockedException.class);
    }

    @Test
    void annualReportBeforeTheYearEndsIsRefused() {
        LicenceView licence = desk.grant(
                ministry, accepted("44", List.of("B25"), List.of("44")).id());
        Actor holder =
                new Actor("holder", "持证企业", Role.OPERATOR, 0, "持证企业", DataScope.enterprise(licence.holderCreditCode()));

        assertThatThrownBy(() -> reports.submit(
                        holder,
                        licence.id(),
                        desk.today().getYear(),
                        new AnnualReportInput("true", "1", "1", "1", "孙八", "正常")))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(FieldProblem::code)
                                .containsExactly("licensing.invalid.reportNotOpen"));
    }

    @Test
    void provincialOfficerCannotDecideAnotherProvincesApplication() {
        ApplicationView application = accepted("44", List.of("B25"), List.of("44"));
        Actor beijing = new Actor("bj", "北京", Role.PROVINCIAL_OFFICER, 0, "北京市通信管理局", DataScope.province("11"));

        assertThat(desk.find(beijing.scope(), application.id())).isEmpty();
        assertThatThrownBy(() -> desk.grant(beijing, application.id()))
                .isInstanceOf(java.util.NoSuchElementException.class);
    }
}

package org.telereg.platform.licensing;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.credit.CreditRegistry;
import org.telereg.platform.credit.NewListing;
import org.telereg.platform.credit.NewPersonListing;
import org.telereg.platform.credit.Rectifications;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.entity.CompanyView;

/**
 * Demo licensing records: the basic operators' national licences, value-added licences across
 * provinces granted over the past years, applications in every state (one held by the compliance
 * gate), last year's annual reports in every state with the missing holders listed, a revoked
 * licence, a listed manager and open rectification orders. Runs after the demo companies exist.
 */
@Component
@Profile("demo")
@Order(20)
class DemoLicensing implements ApplicationRunner {

    private static final String[][] BASIC = {
        {"OP-CMCC", "A11-1,A12-1,A12-2,A12-3,A12-4,A14-2,A14-3", "2019-06-06"},
        {"OP-CUCC", "A11-1,A11-2,A12-1,A12-2,A12-3,A12-4,A14-1,A14-2", "2019-06-06"},
        {"OP-CTCC", "A11-1,A11-2,A11-3,A12-2,A12-3,A12-4,A14-1,A14-2", "2019-06-06"},
        {"OP-CBN", "A12-4,A14-2", "2019-06-06"},
        {"OP-MVNO1", "MVNO", "2022-01-10"},
        {"OP-MVNO2", "MVNO", "2023-03-15"}
    };
    private static final List<List<String>> VALUE_ADDED = List.of(
            List.of("B25"),
            List.of("B21", "B25"),
            List.of("B11", "B14"),
            List.of("B24"),
            List.of("B26-1"),
            List.of("B12"));
    private static final String[] SURNAMES = {"张", "王", "李", "刘", "陈", "杨", "赵", "黄", "周", "吴"};

    private final JdbcClient jdbc;
    private final LicensingDesk desk;
    private final AnnualReports reports;
    private final LicenceRegistry licences;
    private final CompanyRegistry companies;
    private final AccessManagement access;
    private final CreditRegistry credit;
    private final Rectifications rectifications;
    private final long seed;

    DemoLicensing(
            JdbcClient jdbc,
            LicensingDesk desk,
            AnnualReports reports,
            LicenceRegistry licences,
            CompanyRegistry companies,
            AccessManagement access,
            CreditRegistry credit,
            Rectifications rectifications,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.jdbc = jdbc;
        this.desk = desk;
        this.reports = reports;
        this.licences = licences;
        this.companies = companies;
        this.access = access;
        this.credit = credit;
        this.rectifications = rectifications;
        this.seed = seed;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from licensing_application")
                                .query(Long.class)
                                .single()
                        > 0
                || access.organisation("OP-CMCC").isEmpty()) {
            return;
        }
        Random random = new Random(seed + 3);
        Actor system = Actor.system();
        LocalDate today = desk.today();
        int lastYear = today.getYear() - 1;

        List<LicenceView> granted = new ArrayList<>();
        for (String[] basic : BASIC) {
            String code = access.organisation(basic[0]).orElseThrow().creditCode();
            CompanyView company = companies.find(DataScope.all(), code).orElseThrow();
            boolean mvno = basic[1].equals("MVNO");
            NewApplication input = application(
                    random,
                    company,
                    List.of(basic[1].split(",")),
                    List.of(mvno ? company.provinceCode() + ",11,31" : "ALL"),
                    !mvno);
            granted.add(grantOn(system, input, LocalDate.parse(basic[2])));
        }

        List<CompanyView> others = companies
                .search(DataScope.all(), new CompanySearch(null, null, null), PageRequest.of(0, 60))
                .getContent()
                .stream()
                .filter(c -> access.organisations().stream()
                        .noneMatch(o -> c.creditCode().equals(o.creditCode())))
                .filter(c -> c.registeredCapital().signum() > 0)
                .toList();
        int next = 0;
        // Value-added licences over the past five years, provincial and cross-region.
        for (int i = 0; i < 18 && next < others.size(); i++, next++) {
            CompanyView company = others.get(next);
            List<String> kinds = VALUE_ADDED.get(random.nextInt(VALUE_ADDED.size()));
            boolean national = random.nextInt(3) == 0;
            LocalDate issuedOn =
                    i == 0 ? today.minusYears(5).plusDays(40) : today.minusDays(200 + random.nextInt(1500));
            granted.add(grantOn(
                    system,
                    application(random, company, kinds, List.of(national ? "ALL" : company.provinceCode()), false),
                    issuedOn));
        }

        // Open applications in every state.
        for (int i = 0; i < 6 && next < others.size(); i++, next++) {
            CompanyView company = others.get(next);
            ApplicationView submitted = desk.submit(
                    system,
                    application(
                            random,
                            company,
                            VALUE_ADDED.get(random.nextInt(VALUE_ADDED.size())),
                            List.of(company.provinceCode()),
                            false),
                    List.of());
            switch (i) {
                case 0, 1 -> {}
                case 2 -> desk.requestCorrection(system, submitted.id(), "请补充近一年经审计的财务报告和网络与信息安全保障措施。");
                case 3 -> desk.accept(system, submitted.id());
                case 4 -> desk.refuse(system, submitted.id(), "注册资本未实缴，且技术方案与申请业务不符。");
                default -> {
                    desk.accept(system, submitted.id());
                }
            }
        }
        // An application whose manager is on the dishonest list: the gate holds it.
        if (next < others.size()) {
            CompanyView company = others.get(next++);
            String manager = idNumber(random);
            credit.listPerson(
                    system,
                    new NewPersonListing(
                            manager,
                            "孙立",
                            "",
                            "SERIOUS_VIOLATION",
                            "任总经理期间所在企业许可证被吊销",
                            "工信部罚〔2025〕17号",
                            today.minusMonths(8).toString()));
            NewApplication input = application(random, company, List.of("B25"), List.of(company.provinceCode()), false);
            input = new NewApplication(
                    input.applicantCreditCode(),
                    input.kinds(),
                    input.coverage(),
                    input.scope(),
                    input.legalRepresentative(),
                    input.address(),
                    input.registeredCapital(),
                    input.investors(),
                    List.of(new NewApplication.Manager(manager, "孙立", "总经理")));
            desk.accept(system, desk.submit(system, input, List.of()).id());
        }

        // Earlier years' reports were all filed and confirmed.
        for (LicenceView licence : granted) {
            for (int year = licence.issuedOn().getYear(); year < lastYear; year++) {
                if (reports.due(licence, year)) {
                    LocalDate filedOn = LocalDate.of(year + 1, 1 + random.nextInt(3), 1 + random.nextInt(28));
                    reports.record(
                            licence.id(),
                            year,
                            report(random),
                            AnnualReportStatus.CONFIRMED,
                            filedOn.atTime(LocalTime.of(9, 30)).atOffset(ZoneOffset.ofHours(8)));
                }
            }
        }
        // Last year's annual reports: most filed (some corrected in April), a few missing.
        List<LicenceView> owing =
                granted.stream().filter(l -> reports.due(l, lastYear)).toList();
        for (int i = 0; i < owing.size(); i++) {
            LicenceView licence = owing.get(i);
            if (i % 7 == 3) {
                continue;
            }
            AnnualReportStatus status = i % 5 == 1
                    ? AnnualReportStatus.CORRECTED
                    : i % 3 == 0 ? AnnualReportStatus.CONFIRMED : AnnualReportStatus.SUBMITTED;
            LocalDate filedOn = LocalDate.of(today.getYear(), 1 + random.nextInt(3), 1 + random.nextInt(28));
            reports.record(
                    licence.id(),
                    lastYear,
                    report(random),
                    status,
                    filedOn.atTime(LocalTime.of(10, 0)).atOffset(ZoneOffset.ofHours(8)));
        }
        reports.listMissing(lastYear);
        // One missing holder has since filed late; its report waits for confirmation.
        owing.stream()
                .filter(l -> reports.find(l.id(), lastYear).isEmpty())
                .findFirst()
                .ifPresent(l -> reports.record(
                        l.id(),
                        lastYear,
                        report(random),
                        AnnualReportStatus.LATE,
                        today.minusDays(10).atTime(LocalTime.of(15, 30)).atOffset(ZoneOffset.ofHours(8))));

        // A revoked licence, a penalty on the bad-operator list, and rectification orders.
        if (granted.size() > 8) {
            LicenceView revoked = granted.get(granted.size() - 1);
            licences.revoke(
                    system,
                    revoked.id(),
                    "利用许可业务传播违法信息，情节严重",
                    today.minusDays(60).toString(),
                    "工信部罚〔2026〕5号");
            LicenceView penalised = granted.get(granted.size() - 2);
            credit.listCompany(
                    system,
                    new NewListing(
                            "BAD_OPERATOR",
                            penalised.holderCreditCode(),
                            penalised.number(),
                            "PENALTY",
                            "未落实用户个人信息保护措施，被处以罚款",
                            "工信部罚〔2026〕11号",
                            today.minusDays(25).toString()));
            for (int i = 0; i < 3; i++) {
                LicenceView licence = granted.get(6 + i);
                rectifications.issue(
                        system,
                        licence.holderCreditCode(),
                        List.of("接入网站备案信息不准确", "骚扰电话治理措施不到位", "数据安全风险评估未按期开展").get(i),
                        today.plusDays(30 - 10 * i).toString());
            }
        }
        licences.remindRenewals();
    }

    private LicenceView grantOn(Actor system, NewApplication input, LocalDate issuedOn) {
        ApplicationView accepted =
                desk.accept(system, desk.submit(system, input, List.of()).id());
        return desk.grant(system, accepted.id(), issuedOn);
    }

    private static NewApplication application(
            Random random, CompanyView company, List<String> kinds, List<String> coverage, boolean stateOwned) {
        String surname = SURNAMES[random.nextInt(SURNAMES.length)];
        return new NewApplication(
                company.creditCode(),
                kinds,
                coverage,
                "",
                company.legalRepresentative(),
                company.address() == null ? "—" : company.address(),
                company.registeredCapital()
                        .max(java.math.BigDecimal.valueOf(stateOwned ? 1_000_000_000L : 10_000_000L))
                        .toPlainString(),
                List.of(new NewApplication.Investor(
                        "", idNumber(random), surname + "建国", "100", Boolean.toString(stateOwned), "false")),
                List.of(new NewApplication.Manager(
                        idNumber(random), SURNAMES[random.nextInt(SURNAMES.length)] + "明", "总经理")));
    }

    private static AnnualReportInput report(Random random) {
        return new AnnualReportInput(
                Boolean.toString(random.nextInt(10) > 0),
                Long.toString((1 + random.nextInt(500)) * 100_000L),
                Long.toString(1_000 + random.nextInt(2_000_000)),
                Integer.toString(10 + random.nextInt(2_000)),
                SURNAMES[random.nextInt(SURNAMES.length)] + "安",
                "按许可范围开展业务，落实网络与信息安全责任，全年无重大安全事件。");
    }

    private static String idNumber(Random random) {
        String first17 = "440106" + (1965 + random.nextInt(30)) + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28)) + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }
}

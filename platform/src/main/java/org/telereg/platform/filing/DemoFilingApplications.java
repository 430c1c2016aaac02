package org.telereg.platform.filing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;

/**
 * Demo filing applications on {@code *.example-demo.cn}: sponsors in five provinces filing through
 * 示例云计算 (AP-DEMO) and the basic operators, taken through the real workflow into every state —
 * awaiting the check, returned, corrected and submitted again, SMS pending and expired, under review
 * (one overdue), approved with numbers (a website with an App in one application, an App, a change filed
 * late), rejected, a cancellation under review and a lapsed service. Domain registration records are
 * written for each domain first. The websites are reached at addresses the demo IP filings
 * (DemoFilingRegister, order 66) give their access provider, so the supervision cross-check finds them
 * filed; this runner therefore comes after it.
 */
@Component
@Profile("demo")
@Order(68)
class DemoFilingApplications implements ApplicationRunner {

    private static final String SUFFIX = ".example-demo.cn";
    private static final Logger log = LoggerFactory.getLogger(DemoFilingApplications.class);
    private static final Pattern CODE = Pattern.compile("核验码为(\\d{6})");

    private final FilingApplications applications;
    private final DomainRegistrations registrations;
    private final AccessManagement access;
    private final LoggingSmsSender sms;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final long seed;

    DemoFilingApplications(
            FilingApplications applications,
            DomainRegistrations registrations,
            AccessManagement access,
            LoggingSmsSender sms,
            JdbcClient jdbc,
            Clock clock,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.applications = applications;
        this.registrations = registrations;
        this.access = access;
        this.sms = sms;
        this.jdbc = jdbc;
        this.clock = clock;
        this.seed = seed;
    }

    /** Where an application is taken. */
    private enum Fate {
        SUBMITTED,
        RETURNED,
        RESUBMITTED,
        SMS_PENDING,
        SMS_EXPIRED,
        UNDER_REVIEW,
        OVERDUE,
        APPROVED,
        REJECTED,
        CANCEL_PENDING,
        LAPSED,
        CHANGED
    }

    private record Sponsor(
            String name,
            String nature,
            String city,
            String county,
            String address,
            String principal,
            String label,
            String provider,
            String kind,
            Fate fate) {}

    private static final List<Sponsor> SPONSORS = List.of(
            new Sponsor(
                    "广州演示网络科技有限公司",
                    "ENTERPRISE",
                    "440100",
                    "440106",
                    "广州市天河区演示路1号",
                    "陈伟",
                    "gz-portal",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.SUBMITTED),
            new Sponsor(
                    "深圳演示信息技术有限公司",
                    "ENTERPRISE",
                    "440300",
                    "440305",
                    "深圳市南山区演示大道8号",
                    "林娜",
                    "sz-returned",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.RETURNED),
            new Sponsor(
                    "东莞演示智能制造有限公司",
                    "ENTERPRISE",
                    "441900",
                    "441900",
                    "东莞市松山湖演示路15号",
                    "梁婷",
                    "dg-corrected",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.RESUBMITTED),
            new Sponsor(
                    "佛山演示电子商务有限公司",
                    "ENTERPRISE",
                    "440600",
                    "440604",
                    "佛山市禅城区演示街3号",
                    "黄磊",
                    "fs-sms",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.SMS_PENDING),
            new Sponsor(
                    "珠海演示软件有限公司",
                    "ENTERPRISE",
                    "440400",
                    "440402",
                    "珠海市香洲区演示路9号",
                    "何静",
                    "zh-expired",
                    "AP-DEMO",
                    "APP",
                    Fate.SMS_EXPIRED),
            new Sponsor(
                    "北京演示文化传媒有限公司",
                    "ENTERPRISE",
                    "110100",
                    "110105",
                    "北京市朝阳区演示路6号",
                    "王强",
                    "bj-review",
                    "OP-CMCC",
                    "WEBSITE",
                    Fate.UNDER_REVIEW),
            new Sponsor(
                    "广州演示教育咨询有限公司",
                    "ENTERPRISE",
                    "440100",
                    "440104",
                    "广州市越秀区演示路2号",
                    "李敏",
                    "gz-overdue",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.OVERDUE),
            new Sponsor(
                    "上海演示数据服务有限公司",
                    "ENTERPRISE",
                    "310100",
                    "310115",
                    "上海市浦东新区演示路5号",
                    "张磊",
                    "sh-approved",
                    "OP-CTCC",
                    "WEBSITE",
                    Fate.APPROVED),
            new Sponsor(
                    "杭州演示移动科技有限公司",
                    "ENTERPRISE",
                    "330100",
                    "330106",
                    "杭州市西湖区演示路7号",
                    "赵丽",
                    "hz-app",
                    "OP-CUCC",
                    "APP",
                    Fate.APPROVED),
            new Sponsor(
                    "成都演示网络工作室",
                    "INDIVIDUAL",
                    "510100",
                    "510107",
                    "成都市武侯区演示路4号",
                    "刘洋",
                    "cd-rejected",
                    "OP-CTCC",
                    "WEBSITE",
                    Fate.REJECTED),
            new Sponsor(
                    "深圳演示云服务有限公司",
                    "ENTERPRISE",
                    "440300",
                    "440304",
                    "深圳市福田区演示路10号",
                    "周杰",
                    "sz-cancel",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.CANCEL_PENDING),
            new Sponsor(
                    "广州演示旅游信息有限公司",
                    "ENTERPRISE",
                    "440100",
                    "440111",
                    "广州市白云区演示路11号",
                    "吴芳",
                    "gz-lapsed",
                    "AP-DEMO",
                    "WEBSITE",
                    Fate.LAPSED),
            new Sponsor(
                    "北京演示健康科技有限公司",
                    "ENTERPRISE",
                    "110100",
                    "110108",
                    "北京市海淀区演示路12号",
                    "郑浩",
                    "bj-changed",
                    "OP-CMCC",
                    "WEBSITE",
                    Fate.CHANGED));

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("select count(*) from filing_domain_registration where domain like :d")
                .param("d", "%" + SUFFIX)
                .query(Long.class)
                .single();
        if (existing > 0 || access.organisation("AP-DEMO").isEmpty()) {
            return;
        }
        Random random = new Random(seed + 68);
        for (Sponsor sponsor : SPONSORS) {
            file(sponsor, random);
        }
    }

    private void file(Sponsor s, Random random) {
        OrganisationView provider = access.organisation(s.provider()).orElseThrow();
        Actor providerActor = new Actor(
                "demo-" + s.provider().toLowerCase(),
                provider.name(),
                Role.ACCESS_PROVIDER,
                provider.id(),
                provider.name(),
                DataScope.enterprise(provider.creditCode()));
        String province = s.county().substring(0, 2);
        Actor officer = new Actor(
                "demo-officer-" + province, "管局演示审核员", Role.PROVINCIAL_OFFICER, 0, "管局", DataScope.province(province));
        boolean individual = s.nature().equals("INDIVIDUAL");
        String certificate = individual ? idNumber(s.county(), random) : creditCode(s.county(), random);
        String domain = s.label() + SUFFIX;
        registrations.save(new DomainRegistrations.Registration(
                domain,
                individual ? s.principal() : s.name(),
                "演示域名注册服务有限公司",
                LocalDate.of(2020 + random.nextInt(6), 1 + random.nextInt(12), 1 + random.nextInt(28)),
                LocalDate.of(2030, 1, 1)));
        NewApplication.NewService service = s.kind().equals("APP")
                ? new NewApplication.NewService(
                        null,
                        "APP",
                        s.name().replace("有限公司", "") + "App",
                        null,
                        null,
                        "cn.example.demo." + s.label().replace('-', '.'),
                        null,
                        "生活服务",
                        s.principal(),
                        idNumber(s.county(), random),
                        mobile(random),
                        null)
                : new NewApplication.NewService(
                        null,
                        "WEBSITE",
                        s.name().replace("有限公司", "") + "官网",
                        domain,
                        "https://www." + domain + "/",
                        null,
                        s.label().startsWith("gz-overdue") ? "EDUCATION 粤教审字〔2025〕18号" : null,
                        "企业官网",
                        s.principal(),
                        idNumber(s.county(), random),
                        mobile(random),
                        address(provider.creditCode(), province, random));
        List<NewApplication.NewService> services = new ArrayList<>(List.of(service));
        if (s.fate() == Fate.APPROVED && s.kind().equals("WEBSITE")) {
            // Several services in one application: the website and the sponsor's App.
            services.add(new NewApplication.NewService(
                    null,
                    "APP",
                    s.name().replace("有限公司", "") + "App",
                    null,
                    null,
                    "cn.example.demo." + s.label().replace('-', '.'),
                    null,
                    "企业服务",
                    s.principal(),
                    idNumber(s.county(), random),
                    mobile(random),
                    null));
        }
        NewApplication input = new NewApplication(
                "NEW",
                null,
                null,
                s.nature(),
                individual ? s.principal() : s.name(),
                individual ? "RESIDENT_ID" : "CREDIT_CODE",
                individual ? idNumber(s.county(), random) : certificate,
                s.city(),
                s.county(),
                s.address(),
                s.principal(),
                idNumber(s.county(), random),
                mobile(random),
                null,
                null,
                provider.creditCode(),
                null,
                services);
        boolean portal = s.fate() == Fate.SUBMITTED || s.fate() == Fate.RETURNED || s.fate() == Fate.REJECTED;
        ApplicationView app;
        if (portal) {
            FilingApplications.PortalSubmission submitted = applications.submitOnPortal(input);
            app = submitted.application();
            if (s.fate() == Fate.RETURNED) {
                log.info(
                        "demo: the returned portal application {} opens for correction with access code {}",
                        app.trackingNumber(),
                        submitted.accessCode());
            }
        } else {
            app = applications.submit(providerActor, input);
        }
        if (s.fate() == Fate.SUBMITTED) {
            return;
        }
        if (s.fate() == Fate.RETURNED || s.fate() == Fate.RESUBMITTED) {
            applications.returnToSponsor(providerActor, app.id(), "负责人身份证照片不清晰，请重新提交。");
            if (s.fate() == Fate.RESUBMITTED) {
                NewApplication.NewService corrected = new NewApplication.NewService(
                        null,
                        "WEBSITE",
                        service.name(),
                        service.domains(),
                        service.homeUrl(),
                        null,
                        null,
                        service.contentType(),
                        service.responsibleName(),
                        idNumber(s.county(), random),
                        service.responsiblePhone(),
                        service.ips());
                applications.resubmit(providerActor, app.id(), withServices(input, List.of(corrected)));
            }
            return;
        }
        app = applications.verify(providerActor, app.id(), EnumSet.allOf(CheckItem.class), "check.png", PHOTO);
        if (s.fate() == Fate.SMS_PENDING) {
            return;
        }
        if (s.fate() == Fate.SMS_EXPIRED) {
            // An hour before the platform's now, which the expiry check compares with (not the system's).
            jdbc.sql("update filing_application set sms_expires_at = :past where id = :id")
                    .param("past", OffsetDateTime.now(clock).minusHours(1))
                    .param("id", app.id())
                    .update();
            applications.expireSmsChecks();
            return;
        }
        Optional<String> code = sms.lastMessage(app.principalPhone())
                .map(CODE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1));
        if (code.isEmpty()) {
            return;
        }
        app = applications.confirmSms(app.trackingNumber(), code.get());
        if (s.fate() == Fate.UNDER_REVIEW) {
            return;
        }
        if (s.fate() == Fate.OVERDUE) {
            jdbc.sql("update filing_application set review_started_on = :start, review_due_on = :due where id = :id")
                    .param("start", applications.today().minusDays(35))
                    .param("due", applications.today().minusDays(5))
                    .param("id", app.id())
                    .update();
            return;
        }
        if (s.fate() == Fate.REJECTED) {
            applications.reject(officer, app.id(), "网站名称含“工作室”字样，与个人主办者性质不符；请修改网站名称后重新提交。");
            return;
        }
        app = applications.approve(officer, app.id(), null);
        String serviceNumber = app.services().get(0).serviceNumber();
        switch (s.fate()) {
            case CANCEL_PENDING -> applications.requestCancellation(providerActor, serviceNumber, "主办者网站停止运营，申请注销。");
            case LAPSED -> applications.withdrawAccess(providerActor, serviceNumber, "客户合同到期，已停止接入服务。");
            case CHANGED -> {
                NewApplication.NewService changed = new NewApplication.NewService(
                        serviceNumber,
                        "WEBSITE",
                        s.name().replace("有限公司", "") + "健康资讯",
                        domain,
                        "https://www." + domain + "/",
                        null,
                        "MEDICAL 京卫网审〔2026〕0031号",
                        "健康资讯",
                        s.principal(),
                        idNumber(s.county(), random),
                        mobile(random),
                        address(provider.creditCode(), province, random));
                // The sponsor moved 45 days ago and files the change late (逾期变更).
                NewApplication change = new NewApplication(
                        "CHANGE",
                        app.subjectNumber(),
                        applications.today().minusDays(45).toString(),
                        s.nature(),
                        s.name(),
                        "CREDIT_CODE",
                        certificate,
                        s.city(),
                        s.county(),
                        s.address().replace("12号", "18号"),
                        s.principal(),
                        idNumber(s.county(), random),
                        mobile(random),
                        null,
                        null,
                        null,
                        null,
                        List.of(changed));
                ApplicationView submitted = applications.submit(providerActor, change);
                submitted = applications.verify(
                        providerActor, submitted.id(), EnumSet.allOf(CheckItem.class), "check.png", PHOTO);
                String changeCode = sms.lastMessage(submitted.principalPhone())
                        .map(CODE::matcher)
                        .filter(Matcher::find)
                        .map(m -> m.group(1))
                        .orElse(null);
                if (changeCode != null) {
                    applications.approve(
                            officer,
                            applications
                                    .confirmSms(submitted.trackingNumber(), changeCode)
                                    .id(),
                            null);
                }
            }
            default -> {}
        }
    }

    private static NewApplication withServices(NewApplication a, List<NewApplication.NewService> services) {
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
                a.address(),
                a.principalName(),
                a.principalIdNumber(),
                a.principalPhone(),
                a.principalEmail(),
                a.relatedPersons(),
                a.accessProvider(),
                a.reason(),
                services);
    }

    /**
     * An address in an active IPv4 filing the provider uses for hosting (its own data-centre range or one
     * it allocated), in the sponsor's province when it has one there; none when the register is empty.
     */
    private String address(String provider, String province, Random random) {
        return jdbc
                .sql("""
                        select first_address, last_address from filing_ip_range
                        where status = 'ACTIVE' and family = 4 and usage in ('IDC', 'ENTERPRISE')
                          and (user_unit_credit_code = :p or allocating_isp_credit_code = :p)
                        order by case when province_code = :province then 0 else 1 end, id""")
                .param("p", provider)
                .param("province", province)
                .query((rs, n) -> new long[] {
                    Integer.toUnsignedLong(IpAddresses.parseIpv4Int(rs.getString(1))),
                    Integer.toUnsignedLong(IpAddresses.parseIpv4Int(rs.getString(2)))
                })
                .list()
                .stream()
                .findFirst()
                .map(range -> {
                    long size = range[1] - range[0];
                    long offset = size < 2 ? 0 : 1 + random.nextInt((int) Math.min(size - 1, 250));
                    long address = range[0] + offset;
                    return (address >> 24 & 255) + "." + (address >> 16 & 255) + "." + (address >> 8 & 255) + "."
                            + (address & 255);
                })
                .orElse(null);
    }

    /** A 1×1 PNG: the demo's check photo. */
    private static final byte[] PHOTO = java.util.Base64.getDecoder()
            .decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static String creditCode(String county, Random random) {
        StringBuilder organisation = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            organisation.append(random.nextInt(10));
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            sum += (organisation.charAt(i) - '0') * weights[i];
        }
        int check = 11 - sum % 11;
        organisation.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check));
        String first17 = "91" + county + organisation;
        return first17 + CreditCodes.checkCharacter(first17);
    }

    private static String idNumber(String county, Random random) {
        String first17 = county
                + (1970 + random.nextInt(30))
                + String.format("%02d", 1 + random.nextInt(12))
                + String.format("%02d", 1 + random.nextInt(28))
                + String.format("%03d", random.nextInt(1000));
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static String mobile(Random random) {
        return "1380013" + String.format("%04d", random.nextInt(10_000));
    }
}

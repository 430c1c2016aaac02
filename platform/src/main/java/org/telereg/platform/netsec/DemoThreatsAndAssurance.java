package org.telereg.platform.netsec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.filing.FiledSite;
import org.telereg.platform.filing.FiledSites;

/**
 * Demo assurance plans and threat intelligence: a running and a finished plan with rosters and daily
 * reports (some missing, and reminded), a few hundred indicators of every kind and status — some on
 * domains and addresses of the demo filing register — and the tasks they open in every state.
 */
@Component
@Profile("demo")
@Order(72)
class DemoThreatsAndAssurance implements ApplicationRunner {

    static final String RUNNING_PLAN = "2026年世界互联网大会乌镇峰会网络安全保障";
    static final String FINISHED_PLAN = "第十五届全国运动会网络安全保障";
    static final String SOURCE = "国家互联网应急中心";

    private static final String[] SYLLABLES =
            "pay bank login secure verify update wallet gift vip bonus cash loan apple mi taobao jd wx qq bet ok win"
                    .split(" ");
    private static final String[] SUFFIXES = {".top", ".xyz", ".com", ".cc", ".vip", ".net", ".cn"};
    private static final String[] SURNAMES = "王李张刘陈杨黄赵吴周".split("");
    private static final String[] GIVEN = "伟芳娜敏静丽强磊军洋".split("");

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final AssurancePlans plans;
    private final ThreatIndicators indicators;
    private final ThreatTasks tasks;
    private final FiledSites sites;
    private final Clock clock;

    DemoThreatsAndAssurance(
            JdbcClient jdbc,
            AccessManagement access,
            AssurancePlans plans,
            ThreatIndicators indicators,
            ThreatTasks tasks,
            FiledSites sites,
            Clock clock) {
        this.jdbc = jdbc;
        this.access = access;
        this.plans = plans;
        this.indicators = indicators;
        this.tasks = tasks;
        this.sites = sites;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from netsec_assurance_plan where name = :name")
                        .param("name", RUNNING_PLAN)
                        .query(Long.class)
                        .single()
                > 0) {
            return;
        }
        List<OrganisationView> units = new ArrayList<>();
        for (String code : List.of("OP-CMCC", "OP-CTCC", "OP-CUCC", "AP-DEMO")) {
            access.organisation(code).ifPresent(units::add);
        }
        if (units.isEmpty()) {
            return;
        }
        Random random = new Random(72);
        LocalDate today = LocalDate.now(clock);
        List<String> codes = units.stream().map(OrganisationView::code).toList();
        AssurancePlanView running = plans.create(
                Actor.system(),
                new NewAssurancePlan(
                        RUNNING_PLAN,
                        today.minusDays(3).toString(),
                        today.plusDays(3).toString(),
                        "SPECIAL",
                        List.of("33", "11"),
                        codes));
        AssurancePlanView finished = plans.create(
                Actor.system(),
                new NewAssurancePlan(
                        FINISHED_PLAN,
                        today.minusDays(40).toString(),
                        today.minusDays(33).toString(),
                        "FIRST",
                        List.of("44"),
                        codes));
        fill(running, today, random, 2);
        fill(finished, today, random, 1);
        plans.remindMissing();
        threats(today, random);
    }

    /** Rosters for every day and daily reports for every past day, the last unit missing {@code missing}. */
    private void fill(AssurancePlanView plan, LocalDate today, Random random, int missing) {
        List<LocalDate> days = plan.days();
        for (int u = 0; u < plan.units().size(); u++) {
            AssuranceUnit unit = plan.units().get(u);
            for (LocalDate day : days) {
                for (DutyShift shift : List.of(DutyShift.DAY, DutyShift.NIGHT)) {
                    jdbc.sql("""
                                    insert into netsec_assurance_duty (plan_id, organisation_id, duty_date, shift, person_name,
                                        person_phone, created_by, created_at)
                                    values (:plan, :org, :date, :shift, :name, :phone, 'system', :at)""")
                            .param("plan", plan.id())
                            .param("org", unit.organisationId())
                            .param("date", day)
                            .param("shift", shift.name())
                            .param(
                                    "name",
                                    SURNAMES[random.nextInt(SURNAMES.length)]
                                            + GIVEN[random.nextInt(GIVEN.length)]
                                            + GIVEN[random.nextInt(GIVEN.length)])
                            .param("phone", "139" + String.format("%08d", random.nextInt(100_000_000)))
                            .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                            .update();
                }
            }
            List<LocalDate> past = days.stream().filter(d -> d.isBefore(today)).toList();
            for (int d = 0; d < past.size(); d++) {
                boolean last = u == plan.units().size() - 1;
                if (last && d >= past.size() - missing) {
                    continue;
                }
                boolean events = u == 0 && d == 1;
                jdbc.sql("""
                                insert into netsec_assurance_report (plan_id, organisation_id, report_date, normal, events,
                                    measures, submitted_by, submitted_at)
                                values (:plan, :org, :date, :normal, :events, :measures, 'system', :at)""")
                        .param("plan", plan.id())
                        .param("org", unit.organisationId())
                        .param("date", past.get(d))
                        .param("normal", !events)
                        .param("events", events ? "监测到针对会场无线网络的 DDoS 攻击，峰值 12 Gbps，持续 20 分钟。" : null)
                        .param("measures", events ? "启动流量清洗，联系上游封堵攻击源，业务未中断。" : null)
                        .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                        .update();
            }
        }
    }

    private void threats(LocalDate today, Random random) {
        List<NewThreatIndicator> items = new ArrayList<>();
        List<String> filedDomains =
                sites.withDomains(400).stream().map(FiledSite::matched).toList();
        List<String> filedAddresses =
                sites.withAddresses(400).stream().map(FiledSite::matched).toList();
        // Eight filed domains (under a phishing host or in a URL), a few addresses and one block: tasks.
        for (int i = 0; i < Math.min(8, filedDomains.size()); i++) {
            String domain = filedDomains.get(i * Math.max(1, filedDomains.size() / 8));
            items.add(item(
                    i % 2 == 0 ? "DOMAIN" : "URL",
                    i % 2 == 0 ? "login." + domain : "http://" + domain + "/pay/verify?id=" + i,
                    "PHISHING",
                    85,
                    today.minusDays(5),
                    today.minusDays(1),
                    null));
        }
        for (int i = 0; i < Math.min(3, filedAddresses.size()); i++) {
            items.add(item(
                    "IP",
                    filedAddresses.get(i * 7 % filedAddresses.size()),
                    "BOTNET_C2",
                    75,
                    today.minusDays(9),
                    today.minusDays(2),
                    null));
        }
        if (!filedAddresses.isEmpty()) {
            String address = filedAddresses.get(filedAddresses.size() - 1);
            items.add(item(
                    "CIDR",
                    address.substring(0, address.lastIndexOf('.')) + ".0/24",
                    "MALWARE",
                    60,
                    today.minusDays(20),
                    today.minusDays(3),
                    today.plusDays(60)));
        }
        ThreatCategory[] categories = ThreatCategory.values();
        for (int i = 0; i < 120; i++) {
            String name =
                    SYLLABLES[random.nextInt(SYLLABLES.length)] + "-" + SYLLABLES[random.nextInt(SYLLABLES.length)]
                            + (100 + i) + SUFFIXES[random.nextInt(SUFFIXES.length)];
            items.add(item(
                    "DOMAIN",
                    name,
                    categories[random.nextInt(categories.length)].name(),
                    30 + random.nextInt(71),
                    today.minusDays(30 + random.nextInt(60)),
                    today.minusDays(random.nextInt(20)),
                    random.nextInt(3) == 0 ? today.plusDays(30 + random.nextInt(180)) : null));
        }
        for (int i = 0; i < 80; i++) {
            String address = List.of("203.0.113.", "198.51.100.", "192.0.2.").get(i % 3) + (1 + i);
            items.add(item(
                    "IP",
                    address,
                    i % 4 == 0 ? "BOTNET_C2" : "MALWARE",
                    40 + random.nextInt(61),
                    today.minusDays(40),
                    today.minusDays(random.nextInt(30)),
                    null));
        }
        for (int i = 0; i < 12; i++) {
            items.add(item(
                    "IP",
                    "2001:db8:" + Integer.toHexString(0x100 + i) + "::" + (i + 1),
                    "BOTNET_C2",
                    70,
                    today.minusDays(10),
                    today.minusDays(1),
                    null));
        }
        for (int i = 0; i < 20; i++) {
            items.add(item(
                    "CIDR",
                    (i < 16 ? "45." + (60 + i) + ".12.0/24" : "2001:db8:" + (0xa0 + i) + "::/48"),
                    "MINING",
                    50 + random.nextInt(40),
                    today.minusDays(60),
                    today.minusDays(5),
                    null));
        }
        for (int i = 0; i < 40; i++) {
            String host = "cdn" + i + SUFFIXES[i % SUFFIXES.length];
            items.add(item(
                    "URL",
                    "https://" + host + "/download/apk/" + (1000 + i) + ".apk",
                    "FRAUD",
                    60 + random.nextInt(40),
                    today.minusDays(15),
                    today.minusDays(random.nextInt(10)),
                    null));
        }
        for (int i = 0; i < 40; i++) {
            boolean md5 = i % 3 == 0;
            items.add(item(
                    "APP_HASH",
                    digest(md5 ? "MD5" : "SHA-256", "demo-app-" + i),
                    i % 2 == 0 ? "FRAUD" : "MALWARE",
                    70 + random.nextInt(31),
                    today.minusDays(25),
                    today.minusDays(random.nextInt(10)),
                    null));
        }
        // Listed until today, then past their expiry: the feed shows them expired.
        for (int i = 0; i < 6; i++) {
            items.add(item(
                    "DOMAIN",
                    "old-campaign" + i + ".top",
                    "SPAM",
                    50,
                    today.minusDays(200),
                    today.minusDays(100),
                    today));
        }
        // Generated names and the register's shared addresses may repeat: one line per indicator.
        Set<String> seen = new HashSet<>();
        items.removeIf(item -> !seen.add(item.kind() + ":" + item.indicator().toLowerCase(Locale.ROOT)));
        ThreatImportResult result = indicators.importBatch(Actor.system(), items);
        if (!result.accepted()) {
            throw new IllegalStateException(
                    "demo threat indicators refused: " + result.errors().get(0).defaultMessage());
        }
        for (int i = 0; i < 6; i++) {
            jdbc.sql("update netsec_threat_indicator set expires_on = :day where indicator = :name")
                    .param("day", today.minusDays(1))
                    .param("name", "old-campaign" + i + ".top")
                    .update();
        }
        indicators.expire();
        for (int i = 0; i < 4; i++) {
            indicators
                    .find(ThreatKind.DOMAIN, items.get(20 + i).indicator())
                    .filter(ThreatIndicator::active)
                    .ifPresent(indicator -> indicators.withdraw(Actor.system(), indicator.id(), "经核实为正常网站，情报源已更正。"));
        }
        // A second sighting from another source: the feed shows it updated.
        indicators.importBatch(
                Actor.system(), List.of(item("IP", "203.0.113.1", "BOTNET_C2", 95, today.minusDays(3), today, null)));
        walkTasks(today);
    }

    /** Moves the opened tasks through every state: open, overdue, answered either way, returned, closed. */
    private void walkTasks(LocalDate today) {
        List<ThreatTaskView> open = tasks.list(DataScope.all(), ThreatTaskStatus.OPEN, null);
        for (int i = 0; i < open.size(); i++) {
            ThreatTaskView task = open.get(i);
            Optional<Actor> provider = provider(task.providerCreditCode());
            if (provider.isEmpty()) {
                continue;
            }
            switch (i % 5) {
                case 0 ->
                    jdbc.sql("update netsec_threat_task set opened_on = :opened, due_on = :due where id = :id")
                            .param("opened", today.minusDays(9))
                            .param("due", today.minusDays(4))
                            .param("id", task.id())
                            .update();
                case 1 -> tasks.answer(provider.get(), task.id(), "TAKEN_DOWN", "已暂停该网站接入并通知用户单位整改。");
                case 2 -> {
                    tasks.answer(provider.get(), task.id(), "FALSE_POSITIVE", "该地址为 CDN 共享节点，客户网站内容正常。");
                    tasks.close(Actor.system(), task.id(), "核实无误。");
                }
                case 3 -> {
                    tasks.answer(provider.get(), task.id(), "FALSE_POSITIVE", "网站正常。");
                    tasks.returnToProvider(Actor.system(), task.id(), "钓鱼页面仍可访问，请重新核查。");
                }
                default -> {
                    tasks.answer(provider.get(), task.id(), "TAKEN_DOWN", "已清除仿冒登录页面。");
                    tasks.close(Actor.system(), task.id(), null);
                }
            }
        }
    }

    private Optional<Actor> provider(String creditCode) {
        return access.organisations().stream()
                .filter(o -> creditCode.equals(o.creditCode()))
                .findFirst()
                .map(o -> new Actor(
                        "demo-provider",
                        o.name(),
                        Role.ACCESS_PROVIDER,
                        o.id(),
                        o.name(),
                        DataScope.enterprise(creditCode)));
    }

    private static NewThreatIndicator item(
            String kind,
            String indicator,
            String category,
            int confidence,
            LocalDate firstSeen,
            LocalDate lastSeen,
            LocalDate expiresOn) {
        return new NewThreatIndicator(
                kind,
                indicator,
                SOURCE,
                Integer.toString(confidence),
                category,
                firstSeen.toString(),
                lastSeen.toString(),
                expiresOn == null ? null : expiresOn.toString());
    }

    private static String digest(String algorithm, String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

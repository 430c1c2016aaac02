package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;

/**
 * Demo interconnection: links among 中国移动, 中国电信 and 中国联通 at the ten backbone points (and
 * 中国广电 at three), an exchange centre, two years of monthly capacity growth and quality tests
 * imported through the real import, and serious faults whose tasks stand in each state.
 */
@Component
@Profile("demo")
@Order(63)
class DemoInterconnect implements ApplicationRunner {

    private static final String[] BASIC = {"中国移动", "中国电信", "中国联通"};
    private static final int MONTHS = 24;

    /** The links with a serious fault, the month it falls in (months before the current) and the task's fate. */
    private record Fault(String point, String a, String b, int monthsAgo, TaskStatus fate) {}

    private static final List<Fault> FAULTS = List.of(
            new Fault("GZ", "中国移动", "中国电信", 5, TaskStatus.VERIFIED),
            new Fault("BJ", "中国移动", "中国联通", 4, TaskStatus.EXPANDED),
            new Fault("CD", "中国电信", "中国联通", 3, TaskStatus.OVERDUE),
            new Fault("SH", "中国移动", "中国电信", 1, TaskStatus.OPEN));

    private final InterconnectPoints points;
    private final InterconnectLinks links;
    private final QualityImport imports;
    private final ExpansionTasks tasks;
    private final JdbcClient jdbc;
    private final long seed;

    DemoInterconnect(
            InterconnectPoints points,
            InterconnectLinks links,
            QualityImport imports,
            ExpansionTasks tasks,
            JdbcClient jdbc,
            @Value("${telereg.demo.seed:20261128}") long seed) {
        this.points = points;
        this.links = links;
        this.imports = imports;
        this.tasks = tasks;
        this.jdbc = jdbc;
        this.seed = seed;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        long existing = jdbc.sql("select count(*) from interconnect_link")
                .query(Long.class)
                .single();
        Map<String, String> codes = new LinkedHashMap<>();
        for (String name : List.of("中国移动", "中国电信", "中国联通", "中国广电")) {
            Optional<String> code = links.resolveOperator(name);
            if (code.isEmpty()) {
                return;
            }
            codes.put(name, code.get());
        }
        if (existing > 0) {
            return;
        }
        Random random = new Random(seed);
        Actor ministry = Actor.system();
        LocalDate today = links.today();
        YearMonth current = YearMonth.from(today);
        YearMonth first = current.minusMonths(MONTHS);

        points.add(ministry, new NewPoint("HZ-IX", "国家（杭州）新型互联网交换中心", "EXCHANGE_CENTRE", "330100", "2020-01-01"));
        List<LinkView> created = new ArrayList<>();
        for (PointView point : points.list(DataScope.all())) {
            List<String[]> pairs = new ArrayList<>();
            if (point.kind() == PointKind.BACKBONE_POINT) {
                pairs.add(new String[] {"中国移动", "中国电信"});
                pairs.add(new String[] {"中国移动", "中国联通"});
                pairs.add(new String[] {"中国电信", "中国联通"});
                if (List.of("BJ", "SH", "GZ").contains(point.code())) {
                    pairs.add(new String[] {"中国广电", "中国移动"});
                }
            } else {
                pairs.add(new String[] {"中国广电", "中国电信"});
            }
            for (String[] pair : pairs) {
                boolean free = pair[0].equals("中国广电") || pair[0].equals("中国电信");
                int base = 100 * (1 + random.nextInt(8));
                created.add(links.create(
                        ministry,
                        new NewLink(
                                point.code(),
                                pair[0],
                                pair[1],
                                Integer.toString(base),
                                free ? "SETTLEMENT_FREE" : "PAID",
                                free ? null : Integer.toString(40_000 + 5_000 * random.nextInt(9)),
                                free ? null : pair[1].equals("中国移动") ? pair[0] : pair[1],
                                first.atDay(1).toString())));
            }
        }
        // Monthly growth; the links with a fault stop growing before it so their expansion comes next.
        for (LinkView link : created) {
            Fault fault = faultOf(link, codes);
            BigDecimal capacity = link.capacityGbps();
            int lastMonth = fault == null ? 1 : fault.monthsAgo() + 1;
            List<CapacityEntry> growth = new ArrayList<>();
            for (int ago = MONTHS - 1; ago >= lastMonth; ago--) {
                capacity = capacity.add(BigDecimal.valueOf(10L * (1 + random.nextInt(5))));
                growth.add(new CapacityEntry(current.minusMonths(ago).atDay(1), capacity, null, null, null));
            }
            links.addHistory(ministry, link.id(), growth);
        }
        byte[] csv = measurements(random, created, codes, current).getBytes(StandardCharsets.UTF_8);
        imports.importFile(ministry, "demo-interconnect-quality", "demo-interconnect-quality.csv", csv);
        for (Fault fault : FAULTS) {
            settle(fault, created, codes, current, today);
        }
    }

    /** Puts the fault's task where the demo wants it: opened the month after, then expanded, verified or overdue. */
    private void settle(
            Fault fault, List<LinkView> created, Map<String, String> codes, YearMonth current, LocalDate today) {
        LinkView link = created.stream()
                .filter(l -> fault.equals(faultOf(l, codes)))
                .findFirst()
                .orElseThrow();
        YearMonth month = current.minusMonths(fault.monthsAgo());
        TaskView task = tasks.list(DataScope.all(), null, link.id()).stream()
                .filter(t -> t.periodCode().equals(month.toString()))
                .findFirst()
                .orElse(null);
        if (task == null) {
            return;
        }
        LocalDate opened = month.plusMonths(1).atDay(1);
        if (opened.isAfter(today)) {
            opened = today;
        }
        jdbc.sql("update interconnect_task set opened_on = :opened, due_on = :due where id = :id")
                .param("opened", opened)
                .param("due", opened.plusDays(30))
                .param("id", task.id())
                .update();
        Actor operator = new Actor(
                "demo-operator", fault.a(), Role.OPERATOR, 0, fault.a(), DataScope.enterprise(codes.get(fault.a())));
        switch (fault.fate()) {
            case EXPANDED, VERIFIED -> {
                LinkView now = links.find(DataScope.all(), link.id()).orElseThrow();
                BigDecimal doubled = now.capacityGbps().multiply(BigDecimal.valueOf(2));
                tasks.expand(
                        operator,
                        task.id(),
                        doubled.toPlainString(),
                        opened.plusDays(20).toString(),
                        "扩容至两倍");
                if (fault.fate() == TaskStatus.VERIFIED) {
                    tasks.verify(Actor.system(), task.id(), "现场核查带宽已到位");
                }
            }
            case OVERDUE -> tasks.markOverdue(today);
            default -> {}
        }
    }

    private static Fault faultOf(LinkView link, Map<String, String> codes) {
        for (Fault fault : FAULTS) {
            if (link.pointCode().equals(fault.point())
                    && link.hasParty(codes.get(fault.a()))
                    && link.hasParty(codes.get(fault.b()))) {
                return fault;
            }
        }
        return null;
    }

    /** Four tests a month per link (two each way); a fault's month has three bad ones, some months one. */
    private String measurements(Random random, List<LinkView> created, Map<String, String> codes, YearMonth current) {
        StringBuilder csv = new StringBuilder(
                "time,point,from_operator,to_operator,delay_ms,loss_percent,internal_delay_ms,internal_loss_percent\n");
        for (LinkView link : created) {
            Fault fault = faultOf(link, codes);
            for (int ago = MONTHS; ago >= 1; ago--) {
                YearMonth month = current.minusMonths(ago);
                int bad = fault != null && fault.monthsAgo() == ago ? 3 : random.nextInt(12) == 0 ? 1 : 0;
                for (int n = 0; n < 4; n++) {
                    boolean forward = n % 2 == 0;
                    LocalDateTime time = month.atDay(1 + 7 * n + random.nextInt(7))
                            .atTime(19 + random.nextInt(4), random.nextInt(60));
                    double internalDelay = 12 + random.nextDouble() * 14;
                    double internalLoss = 0.02 + random.nextDouble() * 0.15;
                    double delay = internalDelay * (1.0 + random.nextDouble() * 0.15);
                    double loss = internalLoss * (1.0 + random.nextDouble() * 0.2);
                    if (n < bad) {
                        delay = 38 + random.nextDouble() * 30;
                        loss = 0.6 + random.nextDouble() * 0.8;
                    }
                    csv.append(String.format(
                            Locale.ROOT,
                            "%s,%s,%s,%s,%.1f,%.2f,%.1f,%.2f\n",
                            time.toString().replace('T', ' '),
                            link.pointCode(),
                            forward ? link.operatorA() : link.operatorB(),
                            forward ? link.operatorB() : link.operatorA(),
                            delay,
                            loss,
                            internalDelay,
                            internalLoss));
                }
            }
        }
        return csv.toString();
    }
}

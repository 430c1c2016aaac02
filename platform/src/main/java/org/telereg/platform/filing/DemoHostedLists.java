package org.telereg.platform.filing;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

/**
 * Demo hosted lists for AP-DEMO and the basic operators, built from whatever the register holds when it
 * runs (the register's demo comes first): most of each provider's filed domains and addresses, a few
 * it forgot, a few unfiled sites, a few filed through another provider, addresses outside any IP
 * filing. AP-DEMO gets three lists over three weeks (an accuracy history) and tasks in every state.
 * With an empty register every entry is simply unfiled.
 */
@Component
@Profile("demo")
@Order(67)
class DemoHostedLists implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoHostedLists.class);

    private final AccessManagement access;
    private final HostedLists lists;
    private final FilingTasks tasks;
    private final StaleFilings stale;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoHostedLists(
            AccessManagement access,
            HostedLists lists,
            FilingTasks tasks,
            StaleFilings stale,
            JdbcClient jdbc,
            Clock clock) {
        this.access = access;
        this.lists = lists;
        this.tasks = tasks;
        this.stale = stale;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<OrganisationView> demo = access.organisation("AP-DEMO");
        if (demo.isEmpty() || lists.current(demo.get().creditCode()).isPresent()) {
            return;
        }
        long started = System.nanoTime();
        LocalDate today = LocalDate.now(clock);
        Actor provider = actor(demo.get(), Role.ACCESS_PROVIDER);
        String code = demo.get().creditCode();
        lists.upload(provider, today.minusDays(14).toString(), csv(code, "ap14", 6, 4, 0.6));
        lists.upload(provider, today.minusDays(7).toString(), csv(code, "ap07", 4, 2, 0.8));
        lists.upload(provider, today.toString(), csv(code, "ap00", 2, 1, 0.9));
        for (String operator : List.of("OP-CMCC", "OP-CUCC", "OP-CTCC")) {
            access.organisation(operator)
                    .ifPresent(o -> lists.upload(
                            actor(o, Role.OPERATOR),
                            today.toString(),
                            csv(o.creditCode(), operator.toLowerCase(), 2, 1, 0.95)));
        }
        taskStates(provider, today);
        stale.run(
                DataScope.all(), today, new DnsChecks(new DnsSettings(List.of(), java.time.Duration.ofSeconds(1), 1)));
        log.info(
                "demo hosted lists uploaded and checked for AP-DEMO and the basic operators in {} ms",
                (System.nanoTime() - started) / 1_000_000);
    }

    /** One task answered, one closed, one disputed and reopened, two overdue; the rest stay open. */
    private void taskStates(Actor provider, LocalDate today) {
        List<FilingTaskView> open = tasks.list(provider.scope(), FilingTaskStatus.OPEN, null, null);
        Actor officer = new Actor(
                "gd",
                "广东省管局业务员",
                Role.PROVINCIAL_OFFICER,
                0,
                "广东省通信管理局",
                DataScope.province(open.isEmpty() ? "44" : open.get(0).provinceCode()));
        if (open.size() > 0) {
            tasks.answer(
                    provider,
                    open.get(0).id(),
                    "REMOVED",
                    "已停止接入该网站",
                    null,
                    List.of(new FilingTaskFile("停止接入工单截图.png", screenshot())));
        }
        if (open.size() > 1) {
            tasks.answer(provider, open.get(1).id(), "FILED", "主办者已补办备案", null);
            tasks.close(officer, open.get(1).id(), "CONFIRMED", "经核实已备案");
        }
        if (open.size() > 2) {
            tasks.answer(provider, open.get(2).id(), "DISPUTED", "该域名已不在我司接入", null);
            tasks.close(officer, open.get(2).id(), "REOPENED", "解析仍指向贵司机房，请核实");
        }
        if (open.size() > 4) {
            // Two findings whose deadline has passed, as if the first list had made them.
            for (FilingTaskView task : open.subList(3, 5)) {
                jdbc.sql("update filing_task set opened_on = :opened, due_on = :due where id = :id")
                        .param("opened", today.minusDays(14))
                        .param("due", today.minusDays(7))
                        .param("id", task.id())
                        .update();
            }
            tasks.markOverdue(today);
        }
    }

    /** A plain PNG standing in for a screenshot of the provider's work order (no text: fonts vary). */
    private static byte[] screenshot() {
        BufferedImage image = new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 320, 180);
        g.setColor(new Color(0x0d6efd));
        g.fillRect(0, 0, 320, 28);
        g.setColor(new Color(0xdee2e6));
        for (int y = 44; y < 170; y += 24) {
            g.fillRect(16, y, 288, 12);
        }
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Actor actor(OrganisationView organisation, Role role) {
        return new Actor(
                "demo",
                organisation.name(),
                role,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }

    /**
     * A provider's list: the share {@code keep} of its filed domains and addresses, {@code unfiled}
     * unfiled sites, {@code others} domains and one address filed by others, two addresses outside any filing.
     */
    private byte[] csv(String provider, String tag, int unfiled, int others, double keep) {
        StringBuilder csv = new StringBuilder("kind,value\n");
        Set<String> entries = new LinkedHashSet<>();
        List<String> own =
                jdbc.sql("""
                        select d.domain from filing_service_domain d join filing_service s on s.id = d.service_id
                        where s.access_provider_credit_code = :provider and s.status = 'ACTIVE'
                        order by d.domain fetch first 200 rows only""").param("provider", provider).query(String.class).list();
        for (int i = 0; i < own.size(); i++) {
            if (i < Math.round(own.size() * keep)) {
                entries.add("DOMAIN," + own.get(i));
            }
        }
        for (int i = 1; i <= unfiled; i++) {
            entries.add("DOMAIN,unfiled-" + tag + "-" + i + ".example.cn");
        }
        jdbc.sql("""
                        select d.domain from filing_service_domain d join filing_service s on s.id = d.service_id
                        where s.access_provider_credit_code <> :provider and s.status = 'ACTIVE'
                        order by d.domain fetch first %d rows only""".formatted(others))
                .param("provider", provider)
                .query(String.class)
                .list()
                .forEach(d -> entries.add("DOMAIN,www." + d));
        jdbc.sql("""
                        select i.address from filing_service_ip i join filing_service s on s.id = i.service_id
                        where s.access_provider_credit_code = :provider and s.status = 'ACTIVE'
                        order by i.address fetch first 100 rows only""").param("provider", provider).query(String.class).list().forEach(ip -> entries.add("IP," + ip));
        List<String> ranges =
                jdbc.sql("""
                        select first_address from filing_ip_range where status = 'ACTIVE'
                          and (allocating_isp_credit_code = :provider or user_unit_credit_code = :provider)
                        order by id fetch first 20 rows only""").param("provider", provider).query(String.class).list();
        ranges.forEach(ip -> entries.add("IP," + ip));
        jdbc.sql("""
                        select first_address from filing_ip_range where status = 'ACTIVE'
                          and allocating_isp_credit_code <> :provider
                          and (user_unit_credit_code is null or user_unit_credit_code <> :provider)
                        order by id fetch first 1 rows only""").param("provider", provider).query(String.class).list().forEach(ip -> entries.add("IP," + ip));
        entries.add("IP,203.0.113." + (10 + Math.abs(tag.hashCode() % 200)));
        entries.add("IP,2001:db8:" + Integer.toHexString(Math.abs(tag.hashCode() % 4000)) + "::1");
        List<String> lines = new ArrayList<>(entries);
        lines.forEach(line -> csv.append(line).append('\n'));
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }
}

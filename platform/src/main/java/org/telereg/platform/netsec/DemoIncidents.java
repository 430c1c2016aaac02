package org.telereg.platform.netsec;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
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
 * Demo incidents and warnings: every type, every level (and one below the thresholds) in every state,
 * an overridden level, tasks done, open and overdue, one incident closed with its final report, and
 * warnings of all four colours both active and lifted.
 */
@Component
@Profile("demo")
@Order(71)
class DemoIncidents implements ApplicationRunner {

    private final Incidents incidents;
    private final Warnings warnings;
    private final AccessManagement access;
    private final JdbcClient jdbc;
    private final Clock clock;

    DemoIncidents(Incidents incidents, Warnings warnings, AccessManagement access, JdbcClient jdbc, Clock clock) {
        this.incidents = incidents;
        this.warnings = warnings;
        this.access = access;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        Optional<OrganisationView> cmccOrg = access.organisation("OP-CMCC");
        Optional<OrganisationView> cuccOrg = access.organisation("OP-CUCC");
        Optional<OrganisationView> ctccOrg = access.organisation("OP-CTCC");
        if (cmccOrg.isEmpty() || cuccOrg.isEmpty() || ctccOrg.isEmpty()) {
            return;
        }
        if (jdbc.sql("select count(*) from netsec_incident").query(Long.class).single() > 0) {
            return;
        }
        OrganisationView miit = access.organisation("MIIT").orElseThrow();
        OrganisationView guangdong = access.organisation("CA-44").orElseThrow();
        OrganisationView beijing = access.organisation("CA-11").orElseThrow();
        Actor ministry = new Actor("officer", "部业务处室", Role.MINISTRY_OFFICER, miit.id(), miit.name(), DataScope.all());
        Actor gd = new Actor(
                "gd", "广东省管局业务员", Role.PROVINCIAL_OFFICER, guangdong.id(), guangdong.name(), DataScope.province("44"));
        Actor bj = new Actor(
                "bj", "北京市管局业务员", Role.PROVINCIAL_OFFICER, beijing.id(), beijing.name(), DataScope.province("11"));
        Actor cmcc = operator("cmcc", cmccOrg.get());
        Actor cucc = operator("cucc-noc", cuccOrg.get());
        Actor ctcc = operator("ctcc-noc", ctccOrg.get());

        IncidentView nationwide = report(
                cmcc,
                "OUTAGE",
                "骨干网光缆中断致多省移动数据业务中断",
                List.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34"),
                "1",
                "38000000",
                "移动数据、VoLTE",
                null,
                30,
                "长江沿线骨干光缆两处同时中断，自动倒换失败。",
                null);
        incidents.addEntry(ministry, nationwide.id(), "DECISION", "启动I级响应，部应急办牵头，三家基础电信企业联合抢通。");
        incidents.tick(ministry, nationwide.id(), "COMMAND_CONVENED", "部应急办视频会商");
        incidents.addEntry(cmcc, nationwide.id(), "UPDATE", "已完成 8 省业务倒换，剩余 4 省预计 2 小时内恢复。");

        IncidentView regional = report(
                cucc,
                "OUTAGE",
                "华南地区宽带接入中断",
                List.of("44", "45", "46"),
                "6",
                "2100000",
                "固定宽带",
                null,
                54,
                "城域网核心路由器软件缺陷导致批量掉线。",
                null);
        IncidentTask done = incidents.addTask(ministry, regional.id(), "提交故障设备厂商分析报告", "OP-CUCC", today(2));
        incidents.completeTask(cucc, regional.id(), done.id(), "已提交厂商分析报告");
        IncidentTask late = incidents.addTask(gd, regional.id(), "排查全省同型号设备", "OP-CUCC", today(0));
        jdbc.sql("update netsec_incident_task set due_on = :due where id = :id")
                .param("due", incidents.today().minusDays(1))
                .param("id", late.id())
                .update();
        incidents.addTask(gd, regional.id(), "报送受影响用户补偿方案", "OP-CUCC", today(7));

        report(
                ctcc,
                "OUTAGE",
                "广东省多地市固话中断",
                List.of("44"),
                "3",
                "420000",
                "固定电话",
                null,
                20,
                "交换机房市电中断，备用电源切换失败。",
                null);

        IncidentView city = report(
                ctcc, "OUTAGE", "深圳市南山区光缆被挖断", List.of("44"), "1", "35000", "固定宽带、专线", null, 200, "市政施工挖断主干光缆。", null);
        for (ResponseStep step : List.of(ResponseStep.CONTAINMENT, ResponseStep.EVIDENCE_PRESERVED)) {
            incidents.tick(gd, city.id(), step.name(), null);
        }
        IncidentTask repair = incidents.addTask(gd, city.id(), "完成光缆熔接并恢复业务", "OP-CTCC", today(0));
        incidents.completeTask(ctcc, city.id(), repair.id(), "已于当晚恢复");
        incidents.submitFinalReport(
                ctcc,
                city.id(),
                "施工单位未按规定查询地下管线，主干光缆无路由保护。",
                List.of("南山区主干光缆增加异路由保护", "与市政部门建立施工报备联动机制"),
                List.of(today(90), today(30)));
        incidents.close(gd, city.id());

        IncidentView hugeLeak = report(
                ministry,
                "DATA_LEAK",
                "某平台用户数据在境外论坛出售",
                List.of("11", "31", "44"),
                null,
                "120000000",
                "用户账户",
                ctccOrg.get().creditCode(),
                72,
                "监测发现境外论坛出售含姓名、手机号码的数据库。",
                "姓名、手机号码、注册时间");
        warnings.issue(
                ministry,
                new WarningInput(
                        "RED",
                        "大规模个人信息泄露红色预警",
                        null,
                        "各企业立即排查数据库访问权限，发现异常立即报告。",
                        "true",
                        Long.toString(hugeLeak.id())));

        IncidentView leak = report(
                cmcc,
                "DATA_LEAK",
                "营业厅系统客户信息泄露",
                List.of("44"),
                null,
                "2300000",
                "营业厅业务",
                null,
                120,
                "内部人员违规导出客户资料。",
                "姓名、手机号码、身份证件号码");
        incidents.override(gd, leak.id(), "II", "涉及身份证件号码，且存在倒卖迹象，提级处置。");

        report(
                cmcc,
                "DATA_LEAK",
                "合作渠道商客户信息泄露",
                List.of("44"),
                null,
                "50000",
                "代理渠道",
                null,
                30,
                "渠道商系统弱口令被利用。",
                "姓名、手机号码");
        report(
                cucc,
                "DNS_FAILURE",
                "递归解析服务器故障",
                List.of("11", "12"),
                null,
                "1500000",
                "域名解析",
                null,
                10,
                "递归服务器缓存异常。",
                null);
        report(
                ctcc,
                "MALWARE",
                "物联网终端僵尸网络感染",
                List.of("32"),
                null,
                "200000",
                "物联网专网",
                null,
                96,
                "监测发现摄像头类终端大规模感染。",
                null);
        IncidentView attack = report(
                cmcc,
                "ATTACK",
                "网上营业厅遭受DDoS攻击",
                List.of("31"),
                null,
                "20000",
                "网上营业厅",
                null,
                48,
                "峰值流量 300Gbps。",
                null);
        incidents.tick(ministry, attack.id(), "CONTAINMENT", "已启用流量清洗");
        report(cucc, "OTHER", "网站首页被篡改", List.of("11"), null, "500", "企业门户网站", null, 5, "首页被植入非法链接，已下线。", null);

        warnings.lift(
                ministry,
                warnings.issue(ministry, new WarningInput("RED", "重大活动期间网络攻击红色预警", null, "活动期间加强值守。", "false", null))
                        .id(),
                "活动结束，风险解除。");
        warnings.issue(
                ministry,
                new WarningInput(
                        "ORANGE",
                        "华南宽带中断橙色预警",
                        "44",
                        "广东、广西、海南相关企业做好用户解释和应急抢修。",
                        "true",
                        Long.toString(regional.id())));
        warnings.lift(
                ministry,
                warnings.issue(ministry, new WarningInput("ORANGE", "勒索软件橙色预警", null, "及时修补漏洞。", "true", null))
                        .id(),
                "漏洞已修补，传播停止。");
        warnings.issue(gd, new WarningInput("YELLOW", "台风期间通信保障黄色预警", "44", "沿海地市做好基站加固和油机储备。", "true", null));
        warnings.lift(
                gd,
                warnings.issue(gd, new WarningInput("YELLOW", "广东省钓鱼网站黄色预警", "44", "提醒用户警惕仿冒网站。", "true", null))
                        .id(),
                "仿冒网站已处置。");
        warnings.issue(bj, new WarningInput("BLUE", "北京市弱口令设备蓝色预警", "11", "排查弱口令设备。", "false", null));
        warnings.lift(
                gd,
                warnings.issue(gd, new WarningInput("BLUE", "广东省DNS劫持蓝色预警", "44", "核查解析配置。", "false", null))
                        .id(),
                "已核查完毕。");
    }

    private IncidentView report(
            Actor actor,
            String type,
            String title,
            List<String> provinces,
            String cities,
            String users,
            String services,
            String company,
            int hoursAgo,
            String description,
            String dataKinds) {
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MINUTES);
        LocalDateTime started = now.minusHours(hoursAgo);
        return incidents.report(
                actor,
                new IncidentReport(
                        type,
                        title,
                        provinces,
                        cities,
                        users,
                        services,
                        company,
                        started.toString(),
                        started.plusMinutes(20).toString(),
                        started.plusMinutes(45).toString(),
                        description,
                        dataKinds));
    }

    private String today(int plusDays) {
        return incidents.today().plusDays(plusDays).toString();
    }

    private static Actor operator(String username, OrganisationView organisation) {
        return new Actor(
                username,
                organisation.name(),
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }
}

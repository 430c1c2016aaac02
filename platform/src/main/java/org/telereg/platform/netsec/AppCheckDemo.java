package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;
import org.telereg.platform.entity.CompanyView;

/**
 * Four test batches over the past year with Apps of demo companies (and one of China Mobile), findings
 * of every rule, and four notices walked through the services so listed Apps stand in every state:
 * listed, answered, fixed, taken down (takedowns issued, confirmed and lifted). One company has
 * findings in two batches and two versions of one App (a repeat offender, on the credit watch list),
 * and one advertising SDK is blamed in Apps of three companies.
 */
@Component
@Profile("demo")
@Order(73)
class AppCheckDemo implements ApplicationRunner {

    private static final String AD_SDK = "示例聚合广告SDK";
    private static final String AD_SDK_COMPANY = "示例广告科技有限公司";
    private static final String PUSH_SDK = "示例消息推送SDK";
    private static final String PUSH_SDK_COMPANY = "示例推送信息技术有限公司";
    private static final String STATS_SDK = "示例统计分析SDK";
    private static final String STATS_SDK_COMPANY = "示例数据智能有限公司";

    private final JdbcClient jdbc;
    private final AccessManagement access;
    private final CompanyRegistry companies;
    private final AppChecks checks;
    private final AppNotices notices;

    AppCheckDemo(
            JdbcClient jdbc, AccessManagement access, CompanyRegistry companies, AppChecks checks, AppNotices notices) {
        this.jdbc = jdbc;
        this.access = access;
        this.companies = companies;
        this.checks = checks;
        this.notices = notices;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from netsec_app_batch").query(Long.class).single() > 0) {
            return;
        }
        OrganisationView cmcc = access.organisation("OP-CMCC").orElse(null);
        List<CompanyView> found =
                companies
                        .search(DataScope.all(), CompanySearch.everything(), PageRequest.of(0, 40))
                        .getContent()
                        .stream()
                        .filter(c -> cmcc == null || !c.creditCode().equals(cmcc.creditCode()))
                        .filter(c -> c.name().endsWith("有限公司") && !c.name().startsWith("中国"))
                        .toList();
        if (cmcc == null || found.size() < 6) {
            return;
        }
        Actor system = Actor.system();
        LocalDate today = checks.today();
        String[] c = new String[6];
        for (int i = 0; i < 6; i++) {
            c[i] = found.get(i).creditCode();
        }
        String mobile = cmcc.creditCode();

        long b1 = batch(
                system, "2025年第四批 App 侵害用户权益检测", "示例信息通信测评实验室", today.minusDays(360), today.minusDays(340), "应用宝");
        long b2 = batch(
                system, "2026年第一批 App 侵害用户权益检测", "华安示例检测技术有限公司", today.minusDays(250), today.minusDays(230), "华为应用市场");
        long b3 = batch(
                system, "2026年第二批 App 侵害用户权益检测", "示例信息通信测评实验室", today.minusDays(150), today.minusDays(130), "小米应用商店");
        long b4 = batch(
                system, "2026年第三批 App 侵害用户权益检测", "鹏程示例安全检测中心", today.minusDays(40), today.minusDays(25), "App Store");

        checks.importReport(
                system,
                b1,
                new AppCheckReport(List.of(
                        app(
                                "优选商城",
                                "com.youxuan.shop",
                                "3.1.0",
                                c[0],
                                "应用宝",
                                sdks(AD_SDK, STATS_SDK),
                                finding(AppRule.OVER_COLLECTION, null, "首次启动即读取通讯录与设备 IMEI"),
                                finding(AppRule.SDK_BEHAVIOUR, AD_SDK, "广告 SDK 在后台每 30 秒读取一次位置")),
                        app(
                                "快捷出行",
                                "com.kuaijie.travel",
                                "5.0",
                                c[1],
                                "应用宝",
                                sdks(PUSH_SDK),
                                finding(AppRule.DELETION_BARRIER, null, "注销需上传手持身份证照片且 15 个工作日")),
                        app("晴空天气", "com.qingkong.weather", "2.4.1", c[4], "应用宝", sdks(STATS_SDK)))));
        checks.importReport(
                system,
                b2,
                new AppCheckReport(List.of(
                        app(
                                "趣看视频",
                                "com.youxuan.video",
                                "1.0.3",
                                c[0],
                                "华为应用市场",
                                sdks(AD_SDK),
                                finding(AppRule.FORCED_ADS, AD_SDK, "开屏广告摇一摇即跳转下载")),
                        app(
                                "天天阅读",
                                "com.tiantian.reader",
                                "2.3.0",
                                c[2],
                                "华为应用市场",
                                sdks(AD_SDK, STATS_SDK),
                                finding(AppRule.SDK_BEHAVIOUR, AD_SDK, "广告 SDK 收集已安装应用列表")),
                        app("快捷出行", "com.kuaijie.travel", "5.0.1", c[1], "华为应用市场", sdks(PUSH_SDK)))));
        checks.importReport(
                system,
                b3,
                new AppCheckReport(List.of(
                        app(
                                "优选商城",
                                "com.youxuan.shop",
                                "3.2.0",
                                c[0],
                                "小米应用商店",
                                sdks(AD_SDK, STATS_SDK),
                                finding(AppRule.EXCESSIVE_PERMISSION, null, "拒绝定位权限后每次打开再次弹窗索取")),
                        app(
                                "云记账",
                                "com.yunjizhang.app",
                                "4.1.2",
                                c[3],
                                "小米应用商店",
                                sdks(AD_SDK, PUSH_SDK),
                                finding(AppRule.FREQUENT_SELF_START, null, "一小时内自启动 26 次"),
                                finding(AppRule.SDK_BEHAVIOUR, PUSH_SDK, "推送 SDK 关联唤醒其他 App"),
                                finding(AppRule.FORCED_ADS, AD_SDK, "弹窗广告无关闭按钮")),
                        app(
                                "智慧健身",
                                "com.zhihui.fitness",
                                "1.8.0",
                                c[4],
                                "小米应用商店",
                                sdks(STATS_SDK),
                                finding(AppRule.MISSING_PRIVACY_POLICY, null, "隐私政策未列明收集的个人信息")))));
        checks.importReport(
                system,
                b4,
                new AppCheckReport(List.of(
                        app(
                                "掌上菜谱",
                                "com.zhangshang.recipe",
                                "6.0.0",
                                c[5],
                                "App Store",
                                sdks(STATS_SDK),
                                finding(AppRule.FORCED_TARGETED_PUSH, null, "个性化推荐无法关闭"),
                                finding(AppRule.OVER_COLLECTION, null, "注册要求填写身份证号")),
                        app(
                                "移动生活示例",
                                "com.cmcc.demo.life",
                                "9.2.0",
                                mobile,
                                "App Store",
                                sdks(PUSH_SDK),
                                finding(AppRule.EXCESSIVE_PERMISSION, null, "申请读取短信权限与业务无关")),
                        app("快捷出行", "com.kuaijie.travel", "5.0.2", c[1], "App Store", sdks(PUSH_SDK)))));

        // Notice 1, a year ago: one App answered and found fixed; one taken down, confirmed, lifted.
        LocalDate p1 = today.minusDays(330);
        long n1 = notice(
                system,
                "工信部信管函〔2025〕示例101号",
                "关于侵害用户权益行为的 App 的通报（2025年第四批）",
                p1,
                p1.plusDays(15),
                appId(b1, "com.youxuan.shop"),
                appId(b1, "com.kuaijie.travel"));
        answered(item(n1, b1, "com.youxuan.shop"), "3.1.5", "已删除启动时读取通讯录的代码，并下线广告 SDK 的位置采集", p1.plusDays(9));
        notices.recheck(
                system,
                item(n1, b1, "com.youxuan.shop"),
                p1.plusDays(20).toString(),
                "3.1.5",
                "true",
                null,
                "复测未再读取通讯录");
        long travel = item(n1, b1, "com.kuaijie.travel");
        notices.recheck(system, travel, p1.plusDays(20).toString(), "5.0", "false", "应用宝、华为应用市场、小米应用商店", "逾期未整改");
        notices.confirmTakedown(system, travel, p1.plusDays(23).toString());
        notices.recheck(system, travel, p1.plusDays(120).toString(), "5.0.1", "true", null, "已提供在线注销");

        // Notice 2: one App taken down and confirmed, one taken down and not yet confirmed.
        LocalDate p2 = today.minusDays(220);
        long n2 = notice(
                system,
                "工信部信管函〔2026〕示例23号",
                "关于侵害用户权益行为的 App 的通报（2026年第一批）",
                p2,
                p2.plusDays(15),
                appId(b2, "com.youxuan.video"),
                appId(b2, "com.tiantian.reader"));
        long video = item(n2, b2, "com.youxuan.video");
        answered(video, "1.0.4", "已调整开屏广告", p2.plusDays(12));
        notices.recheck(system, video, p2.plusDays(18).toString(), "1.0.4", "false", "华为应用市场、应用宝", "摇一摇跳转仍存在");
        notices.confirmTakedown(system, video, p2.plusDays(21).toString());
        notices.recheck(
                system, item(n2, b2, "com.tiantian.reader"), p2.plusDays(18).toString(), "2.3.0", "false", null, "未整改");

        // Notice 3: past its deadline; one App answered awaiting the re-check, one silent, one fixed.
        LocalDate p3 = today.minusDays(120);
        long n3 = notice(
                system,
                "工信部信管函〔2026〕示例58号",
                "关于侵害用户权益行为的 App 的通报（2026年第二批）",
                p3,
                p3.plusDays(15),
                appId(b3, "com.youxuan.shop"),
                appId(b3, "com.yunjizhang.app"),
                appId(b3, "com.zhihui.fitness"));
        answered(item(n3, b3, "com.youxuan.shop"), "3.2.1", "拒绝定位后 48 小时内不再弹窗", p3.plusDays(14));
        notices.recheck(
                system,
                item(n3, b3, "com.zhihui.fitness"),
                p3.plusDays(16).toString(),
                "1.8.1",
                "true",
                null,
                "隐私政策已补充");

        // Notice 4: deadline ahead; one company has answered, China Mobile has not yet.
        LocalDate p4 = today.minusDays(10);
        long n4 = notice(
                system,
                "工信部信管函〔2026〕示例91号",
                "关于侵害用户权益行为的 App 的通报（2026年第三批）",
                p4,
                today.plusDays(5),
                appId(b4, "com.zhangshang.recipe"),
                appId(b4, "com.cmcc.demo.life"));
        Actor company = new Actor(
                "demo-app-company", "示例企业", Role.OPERATOR, 0, found.get(5).name(), DataScope.enterprise(c[5]));
        notices.answer(company, item(n4, b4, "com.zhangshang.recipe"), "6.0.1", "已增加关闭个性化推荐的开关，注册不再要求身份证号");
    }

    private long batch(Actor system, String name, String lab, LocalDate from, LocalDate to, String source) {
        return checks.createBatch(system, new AppCheckBatchForm(name, lab, from.toString(), to.toString(), source))
                .id();
    }

    private static AppCheckReport.App app(
            String name,
            String packageName,
            String version,
            String creditCode,
            String store,
            List<AppCheckReport.Sdk> sdks,
            AppCheckReport.Finding... findings) {
        return new AppCheckReport.App(name, packageName, version, creditCode, null, store, sdks, List.of(findings));
    }

    private static List<AppCheckReport.Sdk> sdks(String... names) {
        List<AppCheckReport.Sdk> sdks = new ArrayList<>();
        for (String name : names) {
            sdks.add(new AppCheckReport.Sdk(
                    name,
                    switch (name) {
                        case AD_SDK -> AD_SDK_COMPANY;
                        case PUSH_SDK -> PUSH_SDK_COMPANY;
                        default -> STATS_SDK_COMPANY;
                    }));
        }
        return sdks;
    }

    private static AppCheckReport.Finding finding(AppRule rule, String sdk, String detail) {
        return new AppCheckReport.Finding(rule.name(), sdk, detail);
    }

    private long notice(
            Actor system, String number, String title, LocalDate publishedOn, LocalDate deadline, Long... apps) {
        return notices.publish(
                        system,
                        new AppNoticeForm(number, title, publishedOn.toString(), deadline.toString(), List.of(apps)))
                .id();
    }

    private long appId(long batch, String packageName) {
        return jdbc.sql("select id from netsec_app where batch_id = :batch and package_name = :package")
                .param("batch", batch)
                .param("package", packageName)
                .query(Long.class)
                .single();
    }

    private long item(long notice, long batch, String packageName) {
        return jdbc.sql("select id from netsec_app_notice_item where notice_id = :notice and app_id = :app")
                .param("notice", notice)
                .param("app", appId(batch, packageName))
                .query(Long.class)
                .single();
    }

    /**
     * An answer given before today: the service takes answers on the day they come, so the demo writes
     * the past ones as they would have been recorded.
     */
    private void answered(long item, String version, String answer, LocalDate on) {
        jdbc.sql("update netsec_app_notice_item set status = 'ANSWERED', answer = :answer, answer_version = :version,"
                        + " answered_on = :on, answered_by = 'demo' where id = :id")
                .param("answer", answer)
                .param("version", version)
                .param("on", on)
                .param("id", item)
                .update();
    }
}

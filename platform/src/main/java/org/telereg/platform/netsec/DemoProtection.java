package org.telereg.platform.netsec;

import java.time.LocalDate;
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
 * Demo protection management: units of every grade of the three basic operators, a cloud provider
 * and a mobile reseller, national and in several provinces, standing in every state — ungraded,
 * draft (due soon and overdue), filed (with the ministry and with a province), returned, approved
 * (with and without a schedule, re-graded with history) — and assessments due soon, overdue,
 * submitted, accepted, with open, overdue and rectified findings. Everything goes through the real
 * services; dates in the past are then moved back so deadlines fall where the demo needs them.
 */
@Component
@Profile("demo")
@Order(70)
class DemoProtection implements ApplicationRunner {

    private final ProtectionUnits units;
    private final ProtectionAssessments assessments;
    private final ProtectionReminders reminders;
    private final AccessManagement access;
    private final JdbcClient jdbc;

    DemoProtection(
            ProtectionUnits units,
            ProtectionAssessments assessments,
            ProtectionReminders reminders,
            AccessManagement access,
            JdbcClient jdbc) {
        this.units = units;
        this.assessments = assessments;
        this.reminders = reminders;
        this.access = access;
        this.jdbc = jdbc;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (jdbc.sql("select count(*) from netsec_unit").query(Long.class).single() > 0) {
            return;
        }
        Optional<Actor> cmcc = operator("OP-CMCC");
        Optional<Actor> cucc = operator("OP-CUCC");
        Optional<Actor> ctcc = operator("OP-CTCC");
        Optional<Actor> cloud = operator("AP-DEMO");
        Optional<Actor> reseller = operator("OP-MVNO2");
        if (cmcc.isEmpty() || cucc.isEmpty() || ctcc.isEmpty() || cloud.isEmpty() || reseller.isEmpty()) {
            return;
        }
        LocalDate today = units.today();
        Actor ministry = Actor.system();

        // 中国移动: an overdue national core network, a provincial IDC due soon, filings in every early state.
        UnitView core =
                approved(cmcc.get(), "移动核心网（全国）", UnitKind.CORE_NETWORK, null, 4, ministry, today.minusDays(400));
        AssessmentView risk = report(
                cmcc.get(),
                core,
                AssessmentKind.RISK,
                today.minusDays(200),
                List.of(
                        new FindingInput(
                                "HIGH", "核心网网管系统存在弱口令账号", today.minusDays(140).toString()),
                        new FindingInput(
                                "MEDIUM", "安全日志留存不足六个月", today.plusDays(5).toString())));
        assessments.accept(ministry, risk.id(), "同意，请按期整改");
        approved(cmcc.get(), "广东移动IDC机房", UnitKind.IDC, "44", 3, provincial("44"), today.minusDays(340));
        UnitView dns = graded(cmcc.get(), "北京移动DNS系统", UnitKind.DNS, "11", 3, today.minusDays(12));
        units.file(cmcc.get(), dns.id());
        graded(cmcc.get(), "广东移动营业厅业务系统", UnitKind.BUSINESS_SYSTEM, "44", 2, today.minusDays(24));
        graded(cmcc.get(), "广东移动家庭宽带接入网", UnitKind.ACCESS_NETWORK, "44", 2, today.minusDays(45));

        // 中国联通: a grade-5 national network awaiting the ministry, a returned filing, a grade-1 unit.
        UnitView backbone = graded(cucc.get(), "联通骨干网（全国）", UnitKind.CORE_NETWORK, null, 5, today.minusDays(8));
        units.file(cucc.get(), backbone.id());
        UnitView cloudPlatform = graded(cucc.get(), "上海联通云平台", UnitKind.CLOUD, "31", 3, today.minusDays(20));
        units.file(cucc.get(), cloudPlatform.id());
        units.returnFiling(provincial("31"), cloudPlatform.id(), "定级依据中未说明受侵害客体的范围，请补充后重新定级");
        approved(cucc.get(), "广东联通客服支撑系统", UnitKind.SUPPORT_SYSTEM, "44", 1, provincial("44"), today.minusDays(90));

        // 中国电信: a national DNS re-graded from 3 to 4 and assessed on time; a grade-2 IDC owing its risk assessment.
        UnitView telecomDns =
                approved(ctcc.get(), "电信DNS系统（全国）", UnitKind.DNS, null, 3, ministry, today.minusDays(700));
        units.grade(ctcc.get(), telecomDns.id(), grading(4, today.minusDays(100)));
        units.file(ctcc.get(), telecomDns.id());
        units.approve(ministry, telecomDns.id(), "升级为四级，同意备案");
        backdate(telecomDns.id(), today.minusDays(90));
        AssessmentView compliance = report(
                ctcc.get(),
                telecomDns,
                AssessmentKind.COMPLIANCE,
                today.minusDays(60),
                List.of(new FindingInput(
                        "LOW", "应急预案未更新联系人", today.minusDays(30).toString())));
        assessments.accept(ministry, compliance.id(), null);
        FindingView finding = assessments.findings(compliance.id()).get(0);
        assessments.rectify(ctcc.get(), compliance.id(), finding.id(), "已更新应急预案通讯录并报备（电信安〔2026〕12号）");
        AssessmentView telecomRisk =
                report(ctcc.get(), telecomDns, AssessmentKind.RISK, today.minusDays(50), List.of());
        assessments.accept(ministry, telecomRisk.id(), null);
        UnitView telecomIdc =
                approved(ctcc.get(), "广东电信IDC机房", UnitKind.IDC, "44", 2, provincial("44"), today.minusDays(3 * 365));
        AssessmentView idcCompliance =
                report(ctcc.get(), telecomIdc, AssessmentKind.COMPLIANCE, today.minusDays(300), List.of());
        assessments.accept(provincial("44"), idcCompliance.id(), null);

        // A cloud provider with a report awaiting Guangdong; a reseller's unit not yet graded.
        UnitView cloudUnit =
                approved(cloud.get(), "示例云主机平台", UnitKind.CLOUD, "44", 3, provincial("44"), today.minusDays(330));
        report(
                cloud.get(),
                cloudUnit,
                AssessmentKind.COMPLIANCE,
                today.minusDays(10),
                List.of(
                        new FindingInput(
                                "HIGH", "云主机管理接口暴露在公网", today.plusDays(3).toString()),
                        new FindingInput(
                                "LOW", "部分租户未开启操作审计", today.plusDays(60).toString())));
        units.register(
                reseller.get(), new UnitInput("转售业务计费系统", UnitKind.BUSINESS_SYSTEM.name(), "31", "移动转售业务的计费与结算系统"));

        reminders.remind(today);
    }

    private Optional<Actor> operator(String code) {
        return access.organisation(code).filter(o -> o.creditCode() != null).map(DemoProtection::actorOf);
    }

    private static Actor actorOf(OrganisationView organisation) {
        return new Actor(
                "demo:" + organisation.code(),
                organisation.name(),
                Role.OPERATOR,
                organisation.id(),
                organisation.name(),
                DataScope.enterprise(organisation.creditCode()));
    }

    private static Actor provincial(String province) {
        return new Actor(
                "demo:CA-" + province, "省通信管理局", Role.PROVINCIAL_OFFICER, 0, "省通信管理局", DataScope.province(province));
    }

    private static GradingInput grading(int grade, LocalDate reviewedOn) {
        return new GradingInput(
                Integer.toString(grade),
                grade >= 4 ? "国家安全、社会秩序和公共利益" : "社会秩序、公共利益及用户的合法权益",
                grade >= 4 ? "遭到破坏后对全国范围的通信造成严重损害" : "遭到破坏后对本地用户的通信造成一般损害",
                reviewedOn.toString(),
                "张工、李工、王工（网络安全专家库）",
                "定级准确，同意按" + grade + "级开展防护");
    }

    private UnitView graded(
            Actor operator, String name, UnitKind kind, String province, int grade, LocalDate reviewedOn) {
        UnitView unit = units.register(operator, new UnitInput(name, kind.name(), province, null));
        units.grade(operator, unit.id(), grading(grade, reviewedOn));
        return units.find(DataScope.all(), unit.id()).orElseThrow();
    }

    private UnitView approved(
            Actor operator,
            String name,
            UnitKind kind,
            String province,
            int grade,
            Actor administration,
            LocalDate approvedOn) {
        UnitView unit = graded(operator, name, kind, province, grade, approvedOn.minusDays(20));
        units.file(operator, unit.id());
        units.approve(administration, unit.id(), null);
        backdate(unit.id(), approvedOn);
        return units.find(DataScope.all(), unit.id()).orElseThrow();
    }

    /** Moves the newest version's filing and approval back to {@code approvedOn}, as if decided then. */
    private void backdate(long unitId, LocalDate approvedOn) {
        jdbc.sql("update netsec_unit set approved_on = :day where id = :id")
                .param("day", approvedOn)
                .param("id", unitId)
                .update();
        jdbc.sql("update netsec_unit_grading set filed_on = :filed, decided_on = :day"
                        + " where id = (select latest_grading_id from netsec_unit where id = :id)")
                .param("filed", approvedOn.minusDays(10))
                .param("day", approvedOn)
                .param("id", unitId)
                .update();
    }

    private AssessmentView report(
            Actor operator, UnitView unit, AssessmentKind kind, LocalDate assessedOn, List<FindingInput> findings) {
        return assessments.submit(
                operator,
                unit.id(),
                new AssessmentInput(
                        kind.name(),
                        kind == AssessmentKind.COMPLIANCE ? "中国信息通信研究院" : "国家计算机网络应急技术处理协调中心",
                        assessedOn.toString(),
                        kind == AssessmentKind.COMPLIANCE ? "基本符合相应等级的防护要求" : "存在中高风险项，需限期整改",
                        findings));
    }
}

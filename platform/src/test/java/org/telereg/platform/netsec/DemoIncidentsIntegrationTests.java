package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.DataScope;

/** The demo's incidents and warnings stand in every type, level and state a user is shown. */
@PlatformIntegrationTest
class DemoIncidentsIntegrationTests {

    private static final List<String> DEMO_INCIDENTS = List.of(
            "骨干网光缆中断致多省移动数据业务中断",
            "华南地区宽带接入中断",
            "广东省多地市固话中断",
            "深圳市南山区光缆被挖断",
            "某平台用户数据在境外论坛出售",
            "营业厅系统客户信息泄露",
            "合作渠道商客户信息泄露",
            "递归解析服务器故障",
            "物联网终端僵尸网络感染",
            "网上营业厅遭受DDoS攻击",
            "网站首页被篡改");

    private static final List<String> DEMO_WARNINGS = List.of(
            "大规模个人信息泄露红色预警",
            "重大活动期间网络攻击红色预警",
            "华南宽带中断橙色预警",
            "勒索软件橙色预警",
            "台风期间通信保障黄色预警",
            "广东省钓鱼网站黄色预警",
            "北京市弱口令设备蓝色预警",
            "广东省DNS劫持蓝色预警");

    @Autowired
    Incidents incidents;

    @Autowired
    Warnings warnings;

    @Test
    void theDemoIncidentsCoverEveryTypeLevelAndState() {
        Map<String, IncidentView> demo = incidents.list(DataScope.all(), Incidents.Filter.none()).stream()
                .collect(Collectors.toMap(IncidentView::title, Function.identity(), (a, b) -> a));

        IncidentView nationwide = demo.get("骨干网光缆中断致多省移动数据业务中断");
        assertThat(nationwide.level()).isEqualTo(IncidentLevel.I);
        assertThat(incidents.duties(nationwide.id()))
                .anySatisfy(d -> assertThat(d.running()).isTrue());
        assertThat(demo.get("华南地区宽带接入中断").level()).isEqualTo(IncidentLevel.II);
        assertThat(demo.get("广东省多地市固话中断").level()).isEqualTo(IncidentLevel.III);
        IncidentView closed = demo.get("深圳市南山区光缆被挖断");
        assertThat(closed.level()).isEqualTo(IncidentLevel.IV);
        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(incidents.finalReport(closed.id())).isPresent();
        IncidentView overridden = demo.get("营业厅系统客户信息泄露");
        assertThat(overridden.computedLevel()).isEqualTo(IncidentLevel.III);
        assertThat(overridden.level()).isEqualTo(IncidentLevel.II);
        assertThat(demo.get("合作渠道商客户信息泄露").status()).isEqualTo(IncidentStatus.REPORTED);
        assertThat(demo.get("某平台用户数据在境外论坛出售").level()).isEqualTo(IncidentLevel.I);

        List<IncidentView> seeded = DEMO_INCIDENTS.stream().map(demo::get).toList();
        assertThat(seeded.stream().map(IncidentView::type).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(IncidentType.class));
        assertThat(seeded.stream().map(IncidentView::status).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(EnumSet.allOf(IncidentStatus.class));
        List<IncidentTask> tasks = incidents.tasks(demo.get("华南地区宽带接入中断").id());
        assertThat(tasks).anySatisfy(t -> assertThat(t.done()).isTrue());
        assertThat(tasks)
                .anySatisfy(t -> assertThat(t.overdue(incidents.today())).isTrue());
        assertThat(tasks)
                .anySatisfy(t ->
                        assertThat(t.done() || t.overdue(incidents.today())).isFalse());
    }

    @Test
    void theDemoWarningsStandInEveryColourBothActiveAndLifted() {
        List<WarningView> all = warnings.list(null).stream()
                .filter(w -> DEMO_WARNINGS.contains(w.title()))
                .toList();

        for (WarningColour colour : WarningColour.values()) {
            assertThat(all).anySatisfy(w -> {
                assertThat(w.colour()).isEqualTo(colour);
                assertThat(w.active()).isTrue();
            });
            assertThat(all).anySatisfy(w -> {
                assertThat(w.colour()).isEqualTo(colour);
                assertThat(w.active()).isFalse();
            });
        }
        assertThat(warnings.publicActive()).isNotEmpty();
    }
}

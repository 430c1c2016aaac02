package org.telereg.platform.universal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.universal.UniversalFixtures.HEADER;
import static org.telereg.platform.universal.UniversalFixtures.village;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;

/** The 普遍服务 pages and the REST API, as the demo accounts use them, on the demo data set. */
@PlatformIntegrationTest
class UniversalWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    PilotBatches batches;

    @Autowired
    PilotVillages villages;

    @Autowired
    AccessManagement access;

    private PilotBatch demoBatch(String name) {
        return batches.list().stream()
                .filter(b -> b.name().equals(name))
                .findFirst()
                .orElseThrow();
    }

    private String creditCode(String organisation) {
        return access.organisation(organisation).orElseThrow().creditCode();
    }

    @Test
    void theDemoHasTwoBatchesAndVillagesInEveryStatusSomeLate() {
        PilotBatch eighth = demoBatch("第八批");
        PilotBatch ninth = demoBatch("第九批");
        Map<BuildStatus, Long> counts = villages.statusCounts(DataScope.all(), VillageSearch.everything());
        List<VillageView> demo = villages.all(DataScope.all(), VillageSearch.ofBatch(eighth.id()));
        demo = new java.util.ArrayList<>(demo);
        demo.addAll(villages.all(DataScope.all(), VillageSearch.ofBatch(ninth.id())));

        assertThat(demo).hasSizeBetween(140, 160);
        assertThat(counts.values()).allSatisfy(count -> assertThat(count).isPositive());
        assertThat(villages.all(DataScope.all(), new VillageSearch(eighth.id(), null, null, null, null, null, true)))
                .isNotEmpty();
        assertThat(demo).anySatisfy(v -> assertThat(v.border()).isTrue());
        assertThat(demo).anySatisfy(v -> assertThat(v.island()).isTrue());
        assertThat(demo).anySatisfy(v -> assertThat(v.provinceCode()).isEqualTo("44"));
    }

    @Test
    void theBatchesPageListsTheDemoBatchesAndTheMinistryMayCreateOne() throws Exception {
        mvc.perform(get("/console/universal/batches").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("第八批")))
                .andExpect(content().string(containsString("第九批")))
                .andExpect(content().string(containsString("id=\"batch-form\"")))
                .andExpect(content().string(containsString("普遍服务")));
        mvc.perform(get("/console/universal/batches").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"batch-form\""))));
        mvc.perform(post("/console/universal/batches")
                        .with(as(users, "admin"))
                        .with(csrf())
                        .param("name", "")
                        .param("pilotYear", "2026")
                        .param("sharePercent", "130")
                        .param("ordinaryYears", "6")
                        .param("borderYears", "10")
                        .param("minimumYears", "6")
                        .param("radiusKm", "5")
                        .param("minHouseholds", "20")
                        .param("fibreMinMbps", "100")
                        .param("completionDue", "2027-12-31"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("is-invalid")))
                .andExpect(content().string(containsString("130 不在 0.01 到 100 之间")));
    }

    @Test
    void theBatchPageShowsTheFormulaCountsAndReport() throws Exception {
        PilotBatch ninth = demoBatch("第九批");
        mvc.perform(get("/console/universal/batches/{id}", ninth.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("30% ×（建设投资 + 6 年运维），边境或海岛村 30% ×（建设投资 + 10 年运维）")))
                .andExpect(content().string(containsString("id=\"status-counts\"")))
                .andExpect(content().string(containsString("id=\"total-" + ninth.id() + "\"")));
    }

    @Test
    void aProvinceSeesOnlyItsVillagesAndAnOperatorOnlyItsOwn() throws Exception {
        List<VillageView> all = villages.all(
                DataScope.all(), VillageSearch.ofBatch(demoBatch("第九批").id()));
        VillageView tibetan = all.stream()
                .filter(v -> v.provinceCode().equals("54"))
                .findFirst()
                .orElseThrow();
        VillageView notMobile = all.stream()
                .filter(v -> !v.operatorCreditCode().equals(creditCode("OP-CMCC")))
                .findFirst()
                .orElseThrow();

        mvc.perform(get("/console/universal/villages").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"village-" + tibetan.id() + "\""))));
        mvc.perform(get("/console/universal/villages/{id}", tibetan.id()).with(as(users, "gd")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/universal/villages/{id}", notMobile.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/universal/villages").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.villages[*].operatorCreditCode",
                        org.hamcrest.Matchers.everyItem(org.hamcrest.Matchers.is(creditCode("OP-CMCC")))));
        mvc.perform(get("/console/universal/villages").with(as(users, "isp"))).andExpect(status().isForbidden());
    }

    @Test
    void theVillagePageShowsTheAcceptanceResultWithItsReasons() throws Exception {
        VillageView failed = villages.all(DataScope.all(), VillageSearch.everything()).stream()
                .filter(v ->
                        v.status() == BuildStatus.FAILED_ACCEPTANCE && v.plan().mobile())
                .findFirst()
                .orElseThrow();

        mvc.perform(get("/console/universal/villages/{id}", failed.id()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"acceptance-result\"")))
                .andExpect(content().string(containsString("超出 5 km 覆盖半径")))
                .andExpect(content().string(containsString("卫生室“村卫生室”无信号")))
                .andExpect(content().string(containsString("只有 19 户，少于 20 户，不计入")))
                .andExpect(content().string(containsString("id=\"acceptance-form\"")));
        mvc.perform(get("/console/universal/villages/{id}", failed.id())
                        .param("lang", "en")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("beyond the 5 km radius")));
        mvc.perform(get("/api/v1/universal/villages/{id}/acceptance-test", failed.id())
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.passed").value(false))
                .andExpect(jsonPath("$.placesWithoutSignal[0]").value("CLINIC 村卫生室"));
        mvc.perform(post("/api/v1/universal/villages/{id}/acceptance", failed.id())
                        .with(csrf())
                        .with(as(users, "officer"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"ACCEPTED\",\"on\":\"2026-11-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].code").value("universal.invalid.acceptFailing"));
    }

    @Test
    void theOperatorReportsProgressInTheConsoleAndByApi() throws Exception {
        PilotBatch batch = UniversalFixtures.batch(batches);
        villages.importCsv(
                Actor.system(),
                batch.id(),
                (HEADER + village("540121001201", creditCode("OP-CMCC"), "4G")).getBytes(StandardCharsets.UTF_8));
        VillageView village =
                villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id())).get(0);

        mvc.perform(get("/console/universal/villages/{id}", village.id()).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"progress-form\"")))
                .andExpect(content().string(not(containsString("id=\"acceptance-form\""))));
        mvc.perform(post("/console/universal/villages/{id}/progress", village.id())
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .param("status", "UNDER_CONSTRUCTION")
                        .param("percent", "35")
                        .param("on", "2026-05-01"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/api/v1/universal/villages/{id}/progress", village.id())
                        .with(csrf())
                        .with(as(users, "cmcc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"UNDER_CONSTRUCTION\",\"percent\":\"20\",\"on\":\"2026-06-01\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("percent"));
        mvc.perform(post("/api/v1/universal/villages/{id}/progress", village.id())
                        .with(csrf())
                        .with(as(users, "cmcc"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"BUILT\",\"on\":\"2026-06-01\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("BUILT"))
                .andExpect(jsonPath("$.progressPercent").value(100));
        mvc.perform(post("/api/v1/universal/villages/{id}/progress", village.id())
                        .with(csrf())
                        .with(as(users, "gd"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"status\":\"BUILT\",\"on\":\"2026-06-01\"}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void aRefusedCsvAnswers422WithEachLineAndTheConsoleListsThem() throws Exception {
        PilotBatch batch = UniversalFixtures.batch(batches);
        String csv =
                HEADER + village("540121001201", creditCode("OP-CMCC"), "4G") + village("54012100120X", "中国移动", "4G");

        mvc.perform(post("/api/v1/universal/batches/{id}/villages", batch.id())
                        .with(csrf())
                        .with(as(users, "officer"))
                        .contentType("text/csv")
                        .content(csv.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("village_code"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不是 12 位行政村代码")));
        mvc.perform(multipart("/console/universal/import/villages")
                        .file(new MockMultipartFile(
                                "file", "villages.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("batch", String.valueOf(batch.id()))
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("54012100120X 不是 12 位行政村代码")));
        assertThat(villages.all(DataScope.all(), VillageSearch.ofBatch(batch.id())))
                .isEmpty();

        String good = HEADER + village("540121001201", "CMCC", "4G");
        mvc.perform(post("/api/v1/universal/batches/{id}/villages", batch.id())
                        .with(csrf())
                        .with(as(users, "officer"))
                        .contentType("text/csv")
                        .content(good.getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.rows").value(1));
    }

    @Test
    void theReportPageAndItsCsvExport() throws Exception {
        PilotBatch eighth = demoBatch("第八批");
        mvc.perform(get("/console/universal/report").with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"total-" + eighth.id() + "\"")))
                .andExpect(content().string(containsString("西藏自治区")));
        mvc.perform(get("/console/universal/report.csv")
                        .param("batch", String.valueOf(eighth.id()))
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Disposition", containsString("universal-service-compensation.csv")))
                .andExpect(content().string(containsString("\"第八批\",\"广东省\"")))
                .andExpect(content().string(not(containsString("西藏"))));
        mvc.perform(get("/api/v1/universal/report")
                        .param("batch", String.valueOf(eighth.id()))
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.provinceCode == null)].villages").isNotEmpty());
    }

    @Test
    void theVillagesListFiltersAndCountsByStatus() throws Exception {
        mvc.perform(get("/console/universal/villages")
                        .param("status", "ACCEPTED")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"count-FAILED_ACCEPTANCE\"")))
                .andExpect(content().string(containsString("验收通过")))
                .andExpect(content().string(not(containsString(">在建</span>\n        <span class=\"small\""))));
        mvc.perform(get("/console/universal/villages").param("late", "true").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"late-note\"")))
                .andExpect(content().string(containsString("逾期")));
    }
}

package org.telereg.platform.netsec;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;

@PlatformIntegrationTest
class ProtectionWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ProtectionUnits units;

    @Autowired
    AccessManagement access;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    private static String name() {
        return "接口单元-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private LocalDate today() {
        return units.today();
    }

    private UnitView registered(String province) {
        return units.register(SignIn.actor(users, "cmcc"), new UnitInput(name(), "CORE_NETWORK", province, null));
    }

    private UnitView filed(String province) {
        UnitView unit = registered(province);
        units.grade(
                SignIn.actor(users, "cmcc"),
                unit.id(),
                new GradingInput("3", "公共利益", "严重损害", today().minusDays(2).toString(), "张三", "同意"));
        units.file(SignIn.actor(users, "cmcc"), unit.id());
        SignIn.signOut();
        return units.find(DataScope.all(), unit.id()).orElseThrow();
    }

    @Test
    void anOperatorRegistersAUnitThroughTheApiAndBadBodiesAreRefusedByField() throws Exception {
        String name = name();
        mvc.perform(post("/api/v1/netsec/units")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"kind\":\"DNS\",\"provinceCode\":\"\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.name").value(name))
                .andExpect(jsonPath("$.provinceCode").doesNotExist())
                .andExpect(jsonPath("$.kind").value("DNS"));

        mvc.perform(post("/api/v1/netsec/units")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name + "\",\"kind\":\"SWITCH\",\"provinceCode\":\"火星\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("provinceCode")));
        mvc.perform(post("/api/v1/netsec/units")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")));
        mvc.perform(post("/api/v1/netsec/units")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"name\":\"" + name() + "\",\"kind\":\"DNS\"}"))
                .andExpect(status().isForbidden());

        mvc.perform(get("/api/v1/netsec/units").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", hasItem(name)));
        mvc.perform(get("/api/v1/netsec/units").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].name", not(hasItem(name))));
    }

    @Test
    void theApiRefusesAGradeOfSixAndAReportWithABadFinding() throws Exception {
        UnitView unit = registered("44");
        mvc.perform(post("/api/v1/netsec/units/{id}/gradings", unit.id())
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grade\":\"6\",\"impactObjects\":\"公共利益\",\"impactDegree\":\"严重\","
                                + "\"reviewedOn\":\"" + today().plusDays(1) + "\",\"experts\":\"张三\","
                                + "\"reviewConclusion\":\"同意\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("grade")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("reviewedOn")));

        mvc.perform(post("/api/v1/netsec/units/{id}/gradings", unit.id())
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"grade\":\"3\",\"impactObjects\":\"公共利益\",\"impactDegree\":\"严重\","
                                + "\"reviewedOn\":\"" + today().minusDays(3) + "\",\"experts\":\"张三\","
                                + "\"reviewConclusion\":\"同意\"}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.filingDueOn").value(today().plusDays(27).toString()));
        mvc.perform(post("/api/v1/netsec/units/{id}/filing", unit.id())
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FILED"))
                .andExpect(jsonPath("$.filedLate").value(false));
        units.approve(SignIn.actor(users, "gd"), unit.id(), null);
        SignIn.signOut();

        mvc.perform(post("/api/v1/netsec/units/{id}/assessments", unit.id())
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"RISK\",\"assessor\":\"测评中心\",\"assessedOn\":\"" + today()
                                + "\",\"conclusion\":\"基本符合\",\"findings\":[{\"severity\":\"HIGH\","
                                + "\"description\":\"弱口令\",\"rectifyBy\":\"" + today().minusDays(1) + "\"}]}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("findings[1].rectifyBy"))
                .andExpect(jsonPath("$.errors[0].message", containsString("早于评估日期")));
        mvc.perform(post("/api/v1/netsec/units/{id}/assessments", unit.id())
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\":\"RISK\",\"assessor\":\"测评中心\",\"assessedOn\":\"" + today()
                                + "\",\"conclusion\":\"基本符合\",\"findings\":[{\"severity\":\"HIGH\","
                                + "\"description\":\"弱口令\",\"rectifyBy\":\"" + today().plusDays(30) + "\"}]}"))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.assessment.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.findings[0].severity").value("HIGH"));
        mvc.perform(get("/api/v1/netsec/units/{id}", unit.id()).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.unit.grade").value(3))
                .andExpect(jsonPath("$.gradings[0].version").value(1))
                .andExpect(jsonPath("$.schedule.length()").value(2))
                .andExpect(jsonPath("$.assessments.length()").value(1));
        mvc.perform(get("/api/v1/netsec/units/{id}", unit.id()).with(as(users, "bj")))
                .andExpect(status().isNotFound());
    }

    @Test
    void everyRoleWithBusinessSeesThePagesAndAnAccessProviderDoesNot() throws Exception {
        for (String user : new String[] {"cmcc", "gd", "officer", "auditor"}) {
            for (String page : new String[] {
                "/console/netsec/units", "/console/netsec/units/overdue", "/console/netsec/assessments"
            }) {
                mvc.perform(get(page).with(as(users, user))).andExpect(status().isOk());
            }
        }
        mvc.perform(get("/console/netsec/units").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/netsec/units/new").with(as(users, "auditor"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/netsec/units").with(as(users, "cmcc")))
                .andExpect(content().string(containsString("id=\"new-unit\"")));
        mvc.perform(get("/console/netsec/units").with(as(users, "auditor")))
                .andExpect(content().string(not(containsString("id=\"new-unit\""))));
    }

    @Test
    void theConsoleShowsAWrongGradeBesideItsFieldAndEscapesMaliciousNames() throws Exception {
        mvc.perform(post("/console/netsec/units")
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .param(
                                "name",
                                "<script>alert(1)</script>"
                                        + UUID.randomUUID().toString().substring(0, 4))
                        .param("kind", "IDC")
                        .param("provinceCode", "44"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/netsec/units/*"));
        mvc.perform(get("/console/netsec/units").with(as(users, "cmcc")).param("text", "<script>"))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));

        UnitView unit = registered("44");
        mvc.perform(post("/console/netsec/units/{id}/gradings", unit.id())
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .param("grade", "6")
                        .param("impactObjects", "公共利益")
                        .param("impactDegree", "")
                        .param("reviewedOn", "2026-13-01")
                        .param("experts", "张三")
                        .param("reviewConclusion", "同意"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("安全等级须为 1 至 5 级")))
                .andExpect(content().string(containsString("id=\"problems\"")))
                .andExpect(content().string(containsString("id=\"grading-form\"")));
        mvc.perform(get("/console/netsec/units/{id}", unit.id()).with(as(users, "cmcc")))
                .andExpect(content().string(containsString("id=\"no-gradings\"")));
    }

    private org.springframework.test.web.servlet.ResultActions importFile(String user, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/netsec/units/import")
                .with(as(users, user))
                .with(csrf())
                .contentType("text/csv")
                .content(body));
    }

    @Test
    void importsAGbkFileWithChineseColumnsInAnyOrder() throws Exception {
        String idc = name();
        String sms = name();
        String file = "范围,单元名称,类型,说明\n广东," + idc + ",数据中心,东莞机房\n," + sms + ",业务系统,\n";

        importFile("cmcc", file.getBytes(Charset.forName("GBK")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(2))
                .andExpect(jsonPath("$.charset").value("GB18030"));

        mvc.perform(get("/api/v1/netsec/units").param("text", idc).with(as(users, "cmcc")))
                .andExpect(jsonPath("$[0].kind").value("IDC"))
                .andExpect(jsonPath("$[0].provinceCode").value("44"));
        mvc.perform(get("/api/v1/netsec/units").param("text", sms).with(as(users, "cmcc")))
                .andExpect(jsonPath("$[0].kind").value("BUSINESS_SYSTEM"))
                .andExpect(jsonPath("$[0].provinceCode").doesNotExist());
    }

    @Test
    void aFileWithBadLinesImportsNothingAndNamesEachLine() throws Exception {
        String first = name();
        String file = "name,kind,province\n" + first + ",IDC,44\n" + first + ",DNS,\n,ROUTER,火星\n";

        importFile("cmcc", file.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("name"))
                .andExpect(jsonPath("$.errors[0].message", containsString("第 2 行")))
                .andExpect(jsonPath("$.errors[1].line").value(4))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field", hasItem("kind")))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field", hasItem("provinceCode")));
        mvc.perform(get("/api/v1/netsec/units").param("text", first).with(as(users, "cmcc")))
                .andExpect(jsonPath("$.length()").value(0));

        importFile("cmcc", new byte[0])
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
        importFile("cmcc", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, (byte) 0xff, (byte) 0xfe})
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("invalid.file.encoding"));
        importFile("cmcc", "单元,种类\n核心网,核心网\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field", hasItem("name")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("kind")));
        importFile("gd", ("name,kind\n" + name() + ",IDC\n").getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isForbidden());
    }

    @Test
    void theConsoleImportShowsTheRefusedLinesOrTheCount() throws Exception {
        String name = name();
        mvc.perform(multipart("/console/netsec/units/import")
                        .file(new MockMultipartFile(
                                "file",
                                "units.csv",
                                "text/csv",
                                ("单元名称,类型\n" + name + ",路由器\n").getBytes(StandardCharsets.UTF_8)))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-rejected\"")))
                .andExpect(content().string(containsString("id=\"import-errors\"")));
        mvc.perform(multipart("/console/netsec/units/import")
                        .file(new MockMultipartFile(
                                "file",
                                "units.csv",
                                "text/csv",
                                ("单元名称,类型\n" + name + ",核心网\n").getBytes(StandardCharsets.UTF_8)))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已导入 1 个网络单元")));
    }

    @Test
    void theListExportsAsCsvWithFormulasDefused() throws Exception {
        String name = "=HYPERLINK(\"x\")" + UUID.randomUUID().toString().substring(0, 6);
        units.register(SignIn.actor(users, "cmcc"), new UnitInput(name, "DNS", "", null));
        SignIn.signOut();

        mvc.perform(get("/console/netsec/units.csv").param("status", "UNGRADED").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(content().string(containsString("统一社会信用代码")))
                .andExpect(content().string(containsString("\"'=HYPERLINK(\"\"x\"\")")))
                .andExpect(content().string(containsString("DNS")));
        mvc.perform(get("/console/netsec/units.csv").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(not(containsString("HYPERLINK(\"\"x\"\")" + name.substring(name.length() - 6)))));
    }

    @Test
    void theQueueShowsFilingsToTheirAdministrationAndTheWrongOneCannotDecide() throws Exception {
        UnitView guangdong = filed("44");
        UnitView national = filed(null);

        mvc.perform(get("/console/netsec/units/queue").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"queued-" + guangdong.id() + "\"")))
                .andExpect(content().string(not(containsString("id=\"queued-" + national.id() + "\""))));
        mvc.perform(get("/console/netsec/units/queue").with(as(users, "officer")))
                .andExpect(content().string(containsString("id=\"queued-" + national.id() + "\"")))
                .andExpect(content().string(not(containsString("id=\"queued-" + guangdong.id() + "\""))));
        mvc.perform(get("/console/netsec/units/{id}", guangdong.id()).with(as(users, "gd")))
                .andExpect(content().string(containsString("id=\"approve-form\"")));
        mvc.perform(get("/console/netsec/units/{id}", guangdong.id()).with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("id=\"approve-form\""))))
                .andExpect(content().string(not(containsString("id=\"grading-form\""))));

        mvc.perform(post("/console/netsec/units/{id}/approval", national.id())
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/console/netsec/units/{id}/return", guangdong.id())
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("reasons", ""))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"problems\"")));
        mvc.perform(post("/console/netsec/units/{id}/approval", guangdong.id())
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/netsec/units/{id}", guangdong.id()).with(as(users, "cmcc")))
                .andExpect(content().string(containsString("备案通过")))
                .andExpect(content().string(containsString("id=\"unit-schedule\"")));
    }

    @Test
    void theCompanyPageShowsTheOverdueFiling() throws Exception {
        UnitView unit = registered("44");
        units.grade(
                SignIn.actor(users, "cmcc"),
                unit.id(),
                new GradingInput("2", "用户权益", "一般损害", today().minusDays(40).toString(), "张三", "同意"));
        SignIn.signOut();
        String code = access.organisation("OP-CMCC").orElseThrow().creditCode();

        mvc.perform(get("/console/entities/{code}", code).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("网络安全防护")))
                .andExpect(content().string(containsString(unit.name() + " · v1 · 2")));
        mvc.perform(get("/console/netsec/units/overdue").with(as(users, "gd")))
                .andExpect(content().string(containsString(unit.name())));
        mvc.perform(get("/console/netsec/units/overdue").with(as(users, "bj")))
                .andExpect(content().string(not(containsString(unit.name()))));
    }
}

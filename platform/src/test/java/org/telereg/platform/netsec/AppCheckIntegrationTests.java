package org.telereg.platform.netsec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.netsec.AppCheckFixtures.HEADER;
import static org.telereg.platform.netsec.AppCheckFixtures.app;
import static org.telereg.platform.netsec.AppCheckFixtures.creditCode;
import static org.telereg.platform.netsec.AppCheckFixtures.finding;
import static org.telereg.platform.netsec.AppCheckFixtures.packageName;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;

@PlatformIntegrationTest
class AppCheckIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AppChecks checks;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    AccessManagement access;

    private ResultActions upload(String user, long batchId, byte[] body) throws Exception {
        return mvc.perform(post("/api/v1/netsec/app-checks/" + batchId + "/results")
                .with(as(users, user))
                .with(csrf())
                .contentType("text/csv")
                .content(body));
    }

    private String cmcc() {
        return access.organisation("OP-CMCC").orElseThrow().creditCode();
    }

    @Test
    void importsAGbkFileWithItsAppsSdksAndFindings() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "GBK 批次 ");
        String company = creditCode("44");
        String shop = packageName();
        String game = packageName();
        String csv = HEADER
                + "购物助手," + shop + ",2.0.1," + company + ",测试购物科技有限公司,应用宝,OVER_COLLECTION,,,读取通讯录\n"
                + "购物助手," + shop + ",2.0.1," + company + ",测试购物科技有限公司,应用宝,SDK_BEHAVIOUR,某广告SDK,某广告有限公司,后台定位\n"
                + "购物助手," + shop + ",2.0.1," + company + ",测试购物科技有限公司,应用宝,,某统计SDK,某统计有限公司,\n"
                + "小游戏," + game + ",1.0," + company + ",测试购物科技有限公司,应用宝,,,,\n";

        upload("officer", batch.id(), csv.getBytes(Charset.forName("GBK")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.imported").value(true))
                .andExpect(jsonPath("$.apps").value(2))
                .andExpect(jsonPath("$.findings").value(2))
                .andExpect(jsonPath("$.encoding").value("GB18030"));

        List<AppCheckView> apps = checks.apps(DataScope.all(), batch.id(), null, false);
        AppCheckView shopApp = apps.stream()
                .filter(a -> a.packageName().equals(shop))
                .findFirst()
                .orElseThrow();
        assertThat(shopApp.appName()).isEqualTo("购物助手");
        assertThat(shopApp.provinceCode()).isEqualTo("44");
        assertThat(shopApp.sdks()).containsExactly(new SdkView("某广告SDK", "某广告有限公司"), new SdkView("某统计SDK", "某统计有限公司"));
        assertThat(shopApp.findings())
                .extracting(AppFindingView::rule, AppFindingView::sdkName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(AppRule.OVER_COLLECTION, null),
                        org.assertj.core.groups.Tuple.tuple(AppRule.SDK_BEHAVIOUR, "某广告SDK"));
        assertThat(apps.stream()
                        .filter(a -> a.packageName().equals(game))
                        .findFirst()
                        .orElseThrow()
                        .hasFindings())
                .isFalse();
        assertThat(checks.batch(batch.id()).orElseThrow().appsWithFindings()).isEqualTo(1);
    }

    @Test
    void refusesTheWholeFileNamingEveryBadLineAndWritesNothing() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "坏文件 ");
        String company = creditCode("11");
        String good = packageName();
        String csv = HEADER
                + "正常," + good + ",1.0," + company + ",测试公司,应用宝,OVER_COLLECTION,,,\n"
                + "坏代码," + packageName() + ",1.0,91440300ABCDEFGH12,测试公司,应用宝,OVER_COLLECTION,,,\n"
                + "怪规则," + packageName() + ",1.0," + company + ",测试公司,应用宝,STEALS_CATS,,,\n"
                + "没版本," + packageName() + ",," + company + ",测试公司,应用宝,FORCED_ADS,,,\n"
                + "正常," + good + ",1.0," + company + ",测试公司,应用宝,OVER_COLLECTION,,,\n"
                + "无SDK," + packageName() + ",1.0," + company + ",测试公司,应用宝,SDK_BEHAVIOUR,,,\n"
                + ",,,,,,,,,\n";

        upload("officer", batch.id(), csv.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[?(@.line == 3)].field", hasItem("credit_code")))
                .andExpect(jsonPath("$.errors[?(@.line == 4)].field", hasItem("rule")))
                .andExpect(jsonPath("$.errors[?(@.line == 5)].field", hasItem("version")))
                .andExpect(jsonPath("$.errors[?(@.line == 6)].code", hasItem("netsec.app.import.duplicate")))
                .andExpect(jsonPath("$.errors[?(@.line == 7)].code", hasItem("netsec.app.import.sdkRequired")))
                .andExpect(jsonPath("$.errors[?(@.line == 8)].field", hasItem("app_name")))
                .andExpect(jsonPath("$.errors[?(@.line == 2)]").isEmpty());

        assertThat(checks.apps(DataScope.all(), batch.id(), null, false)).isEmpty();
    }

    @Test
    void explainsTheRefusalInEnglishToo() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "英文 ");
        mvc.perform(post("/api/v1/netsec/app-checks/" + batch.id() + "/results")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .param("lang", "en")
                        .contentType("text/csv")
                        .content((HEADER + "A," + packageName() + ",1.0," + creditCode("44") + ",Co,Store,NOPE,,,\n")
                                .getBytes(StandardCharsets.UTF_8)))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.detail").value("The file has 1 errors; nothing was imported."));
    }

    @Test
    void refusesAnEmptyFileAHeaderAloneAndATruncatedQuote() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "空文件 ");

        upload("officer", batch.id(), new byte[0])
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("invalid.file.empty"));
        upload("officer", batch.id(), HEADER.getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("netsec.app.import.noRows"));
        upload("officer", batch.id(), "app_name,version\nA,1\n".getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[*].field", hasItem("package_name")));
        upload("officer", batch.id(), (HEADER + "\"截断," + packageName()).getBytes(StandardCharsets.UTF_8))
                .andExpect(status().is(422));
        upload("officer", batch.id(), new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41, 0x00})
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("invalid.file.encoding"));

        assertThat(checks.apps(DataScope.all(), batch.id(), null, false)).isEmpty();
    }

    @Test
    void refusesAFileOverTheLimitWithoutReadingIt() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "超大 ");
        byte[] huge = new byte[AppChecks.MAX_UPLOAD_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) 'a');

        upload("officer", batch.id(), huge)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("netsec.app.import.tooLarge"))
                .andExpect(jsonPath("$.errors[0].message").value("文件超过 5120 KB"));
    }

    @Test
    void anAppVersionIsTestedOnceInABatch() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "重复 ");
        String pkg = packageName();
        byte[] file = (HEADER + "同一款," + pkg + ",3.0," + creditCode("44") + ",测试公司,应用宝,FORCED_ADS,,,\n")
                .getBytes(StandardCharsets.UTF_8);

        upload("officer", batch.id(), file).andExpect(status().isOk());
        upload("officer", batch.id(), file)
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[0].code").value("netsec.app.import.alreadyInBatch"))
                .andExpect(jsonPath("$.errors[0].line").value(2));

        assertThat(checks.apps(DataScope.all(), batch.id(), null, false)).hasSize(1);
    }

    @Test
    void jsonResultsNameTheAppOfABadRuleAndAnUnregisteredCompanyNeedsItsName() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "JSON ");
        String body = """
                {"apps": [
                  {"appName": "甲", "packageName": "%s", "version": "1.0", "creditCode": "%s", "store": "应用宝",
                   "findings": [{"rule": "OVER_COLLECTION"}]},
                  {"appName": "乙", "packageName": "%s", "version": "1.0", "creditCode": "%s", "companyName": "乙公司",
                   "store": "应用宝", "findings": [{"rule": "NO_SUCH_RULE"}]}
                ]}""".formatted(packageName(), creditCode("44"), packageName(), creditCode("44"));

        mvc.perform(post("/api/v1/netsec/app-checks/" + batch.id() + "/results")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().is(422))
                .andExpect(jsonPath("$.errors[?(@.line == 1)].code", hasItem("netsec.app.import.companyUnknown")))
                .andExpect(jsonPath("$.errors[?(@.line == 2)].field", hasItem("rule")));
        assertThat(checks.apps(DataScope.all(), batch.id(), null, false)).isEmpty();

        String registered = """
                {"apps": [{"appName": "移动测试", "packageName": "%s", "version": "1.0", "creditCode": "%s",
                   "store": "应用宝", "findings": []}]}""".formatted(packageName(), cmcc());
        mvc.perform(post("/api/v1/netsec/app-checks/" + batch.id() + "/results")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(registered))
                .andExpect(status().isOk());
        assertThat(checks.apps(DataScope.all(), batch.id(), null, false))
                .singleElement()
                .satisfies(a -> assertThat(a.companyName()).isEqualTo("中国移动通信集团有限公司"));
    }

    @Test
    void aBatchNeedsItsFieldsAndAPeriodInOrder() throws Exception {
        mvc.perform(post("/console/netsec/apps/batches")
                        .with(as(users, "officer"))
                        .with(csrf())
                        .param("name", "")
                        .param("lab", "实验室")
                        .param("periodFrom", "2026-05-10")
                        .param("periodTo", "2026-05-01")
                        .param("source", "应用宝"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("结束日期早于开始日期")))
                .andExpect(content().string(containsString("id=\"problems\"")));
    }

    @Test
    void aCompanySeesOnlyItsOwnApps() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "范围 ");
        String mine = packageName();
        String theirs = packageName();
        List<AppCheckView> apps = AppCheckFixtures.imported(
                checks,
                batch.id(),
                app("移动自家应用", mine, "1.0", cmcc(), finding(AppRule.FORCED_ADS)),
                app("别家应用", theirs, "1.0", creditCode("44"), finding(AppRule.OVER_COLLECTION)));
        long theirsId = apps.stream()
                .filter(a -> a.packageName().equals(theirs))
                .findFirst()
                .orElseThrow()
                .id();

        mvc.perform(get("/console/netsec/apps").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("移动自家应用")))
                .andExpect(content().string(not(containsString("别家应用"))));
        mvc.perform(get("/console/netsec/apps/tested/" + theirsId).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/console/netsec/apps/tested/" + theirsId).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("别家应用")));
        mvc.perform(get("/api/v1/netsec/app-checks").with(as(users, "cmcc"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/netsec/apps/batches/" + batch.id()).with(as(users, "cmcc")))
                .andExpect(status().isForbidden());
    }

    @Test
    void aProvincialOfficerSeesTheAppsOfItsProvinceAndImportsNothing() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "省局 ");
        AppCheckFixtures.imported(
                checks,
                batch.id(),
                app("广东应用", packageName(), "1.0", creditCode("44"), finding(AppRule.FORCED_ADS)),
                app("北京应用", packageName(), "1.0", creditCode("11"), finding(AppRule.FORCED_ADS)));

        mvc.perform(get("/console/netsec/apps/batches/" + batch.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("广东应用")))
                .andExpect(content().string(not(containsString("北京应用"))))
                .andExpect(content().string(not(containsString("id=\"import-form\""))));
        upload(
                        "gd",
                        batch.id(),
                        (HEADER + "A," + packageName() + ",1.0," + creditCode("44") + ",Co,S,,,,\n")
                                .getBytes(StandardCharsets.UTF_8))
                .andExpect(status().isForbidden());
    }

    @Test
    void anAccessProviderHasNoBusinessHere() throws Exception {
        mvc.perform(get("/console/netsec/apps").with(as(users, "isp"))).andExpect(status().isForbidden());
    }

    @Test
    void theOfficerUploadsThroughTheBatchPageAndSeesTheRefusedLines() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "页面上传 ");
        MockMultipartFile file = new MockMultipartFile(
                "file",
                "results.csv",
                "text/csv",
                (HEADER + "A," + packageName() + ",1.0,123,Co,S,FORCED_ADS,,,\n").getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/console/netsec/apps/batches/" + batch.id() + "/results")
                        .file(file)
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("文件有 1 处错误，未导入任何内容。")))
                .andExpect(content().string(containsString("id=\"import-errors\"")));
    }

    @Test
    void aLargeBatchIsShownAPageAtATimeAndANoticeMayListItsAppsWithFindingsOnEveryPage() throws Exception {
        AppCheckBatchView batch = AppCheckFixtures.batch(checks, "大批次 ");
        String code = creditCode("44");
        List<AppCheckReport.App> apps = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String name = String.format("分页应用%02d", i);
            apps.add(
                    i % 2 == 0
                            ? app(name, packageName(), "1.0", code, finding(AppRule.FORCED_ADS))
                            : app(name, packageName(), "1.0", code));
        }
        AppCheckFixtures.imported(checks, batch.id(), apps.toArray(AppCheckReport.App[]::new));

        String first = mvc.perform(
                        get("/console/netsec/apps/batches/{id}", batch.id()).with(as(users, "officer")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String second = mvc.perform(get("/console/netsec/apps/batches/{id}", batch.id())
                        .param("page", "1")
                        .with(as(users, "officer")))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(rows(first)).isEqualTo(50);
        assertThat(first).contains("分页应用00", "分页应用49").doesNotContain("分页应用50").contains("page=1");
        assertThat(rows(second)).isEqualTo(10);
        assertThat(second).contains("分页应用50", "分页应用59").doesNotContain("分页应用49");
        mvc.perform(get("/api/v1/netsec/app-checks/{id}/apps", batch.id())
                        .param("size", "25")
                        .param("page", "2")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(10))
                .andExpect(jsonPath("$[0].appName").value("分页应用50"));

        String number = AppCheckFixtures.unique("工信部信管函〔2026〕");
        mvc.perform(post("/console/netsec/apps/notices")
                        .param("batchId", String.valueOf(batch.id()))
                        .param("noticeNumber", number)
                        .param("title", "关于侵害用户权益行为的 App 的通报")
                        .param("publishedOn", checks.today().toString())
                        .param("deadline", checks.today().plusDays(15).toString())
                        .param("allWithFindings", "true")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select count(*) from netsec_app_notice_item i join netsec_app_notice n"
                                + " on n.id = i.notice_id where n.notice_number = :number")
                        .param("number", number)
                        .query(Long.class)
                        .single())
                .as("the 30 Apps with findings, 25 on the first page and 5 on the second")
                .isEqualTo(30);
    }

    /** The rows of Apps a batch page shows. */
    private static int rows(String page) {
        return page.split("id=\"app-", -1).length - 1;
    }
}

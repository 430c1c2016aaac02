package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.filing.RegisterFixtures.CANCELLED_NUMBER;
import static org.telereg.platform.filing.RegisterFixtures.COMPANY;
import static org.telereg.platform.filing.RegisterFixtures.COMPANY_APP;
import static org.telereg.platform.filing.RegisterFixtures.COMPANY_NUMBER;
import static org.telereg.platform.filing.RegisterFixtures.COMPANY_SITE;
import static org.telereg.platform.filing.RegisterFixtures.PERSON;
import static org.telereg.platform.filing.RegisterFixtures.PERSON_ID;
import static org.telereg.platform.filing.RegisterFixtures.PERSON_NUMBER;
import static org.telereg.platform.filing.RegisterFixtures.PRINCIPAL_ID;
import static org.telereg.platform.filing.RegisterFixtures.PRINCIPAL_PHONE;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.audit.StateChanged;

/** The register queries through the public API, the portal page and the console, on fixture register rows. */
@PlatformIntegrationTest
@RecordApplicationEvents
class FilingQueryIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ApplicationEvents events;

    @BeforeEach
    void register() {
        RegisterFixtures.insert(jdbc);
    }

    private long serviceId(String number) {
        return jdbc.sql("select id from filing_service where service_number = :n")
                .param("n", number)
                .query(Long.class)
                .single();
    }

    @Test
    void aHostUnderAFiledDomainOrAPastedUrlFindsTheFilingWithoutPersonalData() throws Exception {
        for (String domain :
                new String[] {"www.Query-E-Test.cn", "https://a.b.query-e-test.cn:8443/path?x=1", "query-e-test.com.cn."
                }) {
            mvc.perform(get("/api/v1/public/filings").param("domain", domain))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.query.by").value("DOMAIN"))
                    .andExpect(jsonPath("$.filings", hasSize(1)))
                    .andExpect(jsonPath("$.filings[0].serviceNumber").value(COMPANY_SITE))
                    .andExpect(jsonPath("$.filings[0].subjectNumber").value(COMPANY_NUMBER))
                    .andExpect(jsonPath("$.filings[0].sponsorName").value(COMPANY))
                    .andExpect(jsonPath("$.filings[0].domains", hasSize(2)))
                    .andExpect(jsonPath("$.filings[0].status").value("ACTIVE"))
                    .andExpect(content().string(not(containsString(PRINCIPAL_ID))))
                    .andExpect(content().string(not(containsString(PRINCIPAL_PHONE))))
                    .andExpect(content().string(not(containsString("张查询"))))
                    .andExpect(content().string(not(containsString("李负责"))))
                    .andExpect(content().string(not(containsString("203.0.113.10"))));
        }
        mvc.perform(get("/api/v1/public/filings").param("domain", "unfiled-e-test.cn"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filings", hasSize(0)))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void anIndividualSponsorIsMaskedAndCannotBeFoundByNameInPublic() throws Exception {
        mvc.perform(get("/api/v1/public/filings").param("domain", "www.person-e-test.cn"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filings[0].sponsorName").value("欧***"))
                .andExpect(jsonPath("$.filings[0].nature").value("INDIVIDUAL"))
                .andExpect(content().string(not(containsString(PERSON))))
                .andExpect(content().string(not(containsString(PERSON_ID))));
        mvc.perform(get("/api/v1/public/filings").param("sponsor", PERSON))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aSubjectNumberGivesItsServicesAndAServiceNumberThatServiceAliasesAccepted() throws Exception {
        mvc.perform(get("/api/v1/public/filings").param("number", COMPANY_NUMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.query.by").value("NUMBER"))
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.filings[?(@.serviceNumber == '" + COMPANY_APP + "')].kind")
                        .value("APP"))
                .andExpect(jsonPath("$.filings[?(@.serviceNumber == '" + COMPANY_NUMBER + "-5')].status")
                        .value("LAPSED"));
        mvc.perform(get("/api/v1/public/filings").param("number", " 粤icp备2026990001号－1 "))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filings", hasSize(1)))
                .andExpect(jsonPath("$.filings[0].serviceNumber").value(COMPANY_SITE));
        // 蜀 is Sichuan's other abbreviation: it finds the filing issued as 川ICP备….
        mvc.perform(get("/api/v1/public/filings").param("number", PERSON_NUMBER.replace('川', '蜀') + "-1"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filings[0].serviceNumber").value(PERSON_NUMBER + "-1"));
        mvc.perform(get("/api/v1/public/filings").param("number", CANCELLED_NUMBER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filings[0].status").value("CANCELLED"));
    }

    @Test
    void theSponsorSearchPagesAndRefusesAPagePastTheEnd() throws Exception {
        mvc.perform(get("/api/v1/public/filings")
                        .param("sponsor", "查询测试网络")
                        .param("size", "2")
                        .param("page", "2"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(5))
                .andExpect(jsonPath("$.filings", hasSize(1)))
                .andExpect(jsonPath("$.page").value(2));
        mvc.perform(get("/api/v1/public/filings")
                        .param("sponsor", "查询测试网络")
                        .param("size", "2")
                        .param("page", "3"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        // A wildcard typed by the user is a character, not a pattern.
        mvc.perform(get("/api/v1/public/filings").param("sponsor", "%"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void badQueriesAreRefusedNamingTheField() throws Exception {
        mvc.perform(get("/api/v1/public/filings").param("domain", "not a domain!"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domain"))
                .andExpect(jsonPath("$.errors[0].message").value(containsString("不是域名")));
        mvc.perform(get("/api/v1/public/filings").param("number", "粤ICP备123号"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("number"));
        mvc.perform(get("/api/v1/public/filings"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("domain"))
                .andExpect(jsonPath("$.errors[0].code").value("filing.query.invalid.empty"));
        mvc.perform(get("/api/v1/public/filings").param("domain", "a.cn").param("sponsor", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("filing.query.invalid.several"));
        mvc.perform(get("/api/v1/public/filings").param("sponsor", "x").param("size", "1000"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/public/filings").param("sponsor", "x").param("page", "-1"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("page"));
        mvc.perform(get("/api/v1/public/filings").param("sponsor", "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("sponsor"));
        mvc.perform(get("/api/v1/public/apps"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("name"));
        mvc.perform(get("/api/v1/public/blacklist").param("target", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("target"));
        mvc.perform(get("/api/v1/public/filing-changes").param("after", "abc").param("limit", "0"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[?(@.field == 'after')]").exists())
                .andExpect(jsonPath("$.errors[?(@.field == 'limit')]").exists());
    }

    @Test
    void theApiDocumentationListsTheQueryFeedAndWebhookEndpoints() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/public/filings'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/apps'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/blacklist'].get").exists())
                .andExpect(
                        jsonPath("$.paths['/api/v1/public/filing-changes'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/filing/webhooks'].post").exists());
    }

    @Test
    void appsAreFoundByNameOrIdentifierAndWebsitesAreNot() throws Exception {
        mvc.perform(get("/api/v1/public/apps").param("name", "查询测试"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.filings[0].serviceNumber").value(COMPANY_APP))
                .andExpect(jsonPath("$.filings[0].appIdentifier").value("cn.query.etest.app"));
        mvc.perform(get("/api/v1/public/apps").param("identifier", "CN.Query.ETest.App"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.filings[0].serviceName").value("查询测试助手"));
    }

    @Test
    void theBlacklistIsFoundByHostUnderAListedDomainByIpAndByApp() throws Exception {
        mvc.perform(get("/api/v1/public/blacklist").param("target", "https://m.bad-e-test.cn/index"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries", hasSize(1)))
                .andExpect(jsonPath("$.entries[0].target").value("bad-e-test.cn"))
                .andExpect(jsonPath("$.entries[0].severity").value(1));
        mvc.perform(get("/api/v1/public/blacklist").param("target", "198.51.100.77"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].targetKind").value("IP"));
        mvc.perform(get("/api/v1/public/blacklist").param("target", "cn.bad.etest"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].name").value("查询测试贷款"));
        mvc.perform(get("/api/v1/public/blacklist").param("target", "query-e-test.cn"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void thePortalPageDetectsWhatWasTypedAndShowsNoPersonalData() throws Exception {
        mvc.perform(get("/public/filings").param("q", "www.person-e-test.cn"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按域名查询")))
                // Citizens reach the filing application and its progress query from the query page.
                .andExpect(content().string(containsString("href=\"/public/filing/apply\"")))
                .andExpect(content().string(containsString("href=\"/public/filing/apply/track\"")))
                .andExpect(content().string(containsString("查询测试个人博客")))
                .andExpect(content().string(containsString("欧***")))
                .andExpect(content().string(not(containsString(PERSON))))
                .andExpect(content().string(not(containsString("/console/filing/register/services"))));
        mvc.perform(get("/public/filings").param("q", "粤ICP备2026990001号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("按备案号查询")))
                .andExpect(content().string(containsString(COMPANY_APP)))
                .andExpect(content().string(not(containsString(PRINCIPAL_ID))));
        mvc.perform(get("/public/filings").param("q", "粤ICP备12号"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"query-problem\"")))
                .andExpect(content().string(containsString("不是备案号")));
        mvc.perform(get("/public/filings").param("tab", "blacklist").param("q", "bad-e-test.cn"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("查询测试赌博站")));
        mvc.perform(get("/public/filings")
                        .param("tab", "apps")
                        .param("q", "查询测试助手")
                        .param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("cn.query.etest.app")))
                .andExpect(content().string(containsString("ICP / App filing lookup")));
        mvc.perform(get("/public")).andExpect(content().string(containsString("id=\"portal-filing\"")));
    }

    @Test
    void theConsoleMasksPersonalDataAndOnlyTheProvincesOfficerRevealsItAudited() throws Exception {
        long site = serviceId(COMPANY_SITE);
        mvc.perform(get("/console/filing/register").param("q", COMPANY).with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"filing-" + site + "\"")));
        mvc.perform(get("/console/filing/register/services/{id}", site).with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("110" + "*".repeat(13) + "2X")))
                .andExpect(content().string(containsString("138****8000")))
                .andExpect(content().string(containsString("张**")))
                .andExpect(content().string(not(containsString(PRINCIPAL_ID))))
                .andExpect(content().string(not(containsString("id=\"reveal\""))));
        mvc.perform(post("/console/filing/register/services/{id}/reveal", site)
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/filing/register/services/{id}/reveal", site)
                        .with(as(users, "bj"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(events.stream(StateChanged.class).filter(e -> e.action().equals("disclosed")))
                .isEmpty();

        mvc.perform(get("/console/filing/register/services/{id}", site).with(as(users, "gd")))
                .andExpect(content().string(containsString("id=\"reveal\"")));
        mvc.perform(post("/console/filing/register/services/{id}/reveal", site)
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(PRINCIPAL_ID)))
                .andExpect(content().string(containsString(PRINCIPAL_PHONE)))
                .andExpect(content().string(containsString("id=\"revealed\"")));
        assertThat(events.stream(StateChanged.class).filter(e -> e.action().equals("disclosed")))
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.actor()).isEqualTo("gd");
                    assertThat(e.entityId()).isEqualTo(COMPANY_SITE);
                });
    }

    @Test
    void theConsoleExportsTheWholeSearchAsCsvThatExcelOpensMaskedAndAudited() throws Exception {
        long before = audits("RegisterExport");
        byte[] csv = mvc.perform(get("/console/filing/register/export")
                        .param("q", "www.person-e-test.cn")
                        .param("tab", "filings")
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(Arrays.copyOf(csv, 3)).as("UTF-8 byte-order mark").containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).hasSize(2);
        assertThat(text)
                .contains("\"主办单位名称\",\"主办单位性质\",\"服务备案号\"")
                .contains("\"欧***\"", "\"个人\"", PERSON_NUMBER, "person-e-test.cn")
                .doesNotContain(PERSON, PERSON_ID);
        await().atMost(Duration.ofSeconds(20)).until(() -> audits("RegisterExport") == before + 1);

        String english = mvc.perform(get("/console/filing/register/export")
                        .param("q", COMPANY)
                        .param("lang", "en")
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english)
                .contains("Sponsor", COMPANY_SITE, COMPANY_APP)
                .doesNotContain(PRINCIPAL_ID, PRINCIPAL_PHONE);

        // A query the search refuses goes back to the search page, which names the field.
        mvc.perform(get("/console/filing/register/export")
                        .param("q", "粤ICP备12号")
                        .with(as(users, "gd")))
                .andExpect(status().isSeeOther())
                .andExpect(header().string("Location", containsString("/console/filing/register?tab=filings&q=")));
        mvc.perform(get("/console/filing/register").param("q", "粤ICP备12号").with(as(users, "gd")))
                .andExpect(content().string(containsString("id=\"query-problem\"")));
        mvc.perform(get("/console/filing/register/export").param("q", "www.person-e-test.cn"))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", containsString("/login")));
    }

    private long audits(String entityType) {
        return jdbc.sql("select count(*) from audit_log where entity_type = :type and action = 'exported'")
                .param("type", entityType)
                .query(Long.class)
                .single();
    }
}

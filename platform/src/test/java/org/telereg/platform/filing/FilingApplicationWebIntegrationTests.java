package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import static org.telereg.platform.filing.FilingFixtures.creditCode;
import static org.telereg.platform.filing.FilingFixtures.domain;
import static org.telereg.platform.filing.FilingFixtures.mobile;
import static org.telereg.platform.filing.FilingFixtures.register;
import static org.telereg.platform.filing.FilingFixtures.residentId;
import static org.telereg.platform.filing.FilingFixtures.sponsorName;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import tools.jackson.databind.json.JsonMapper;

@PlatformIntegrationTest
class FilingApplicationWebIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    DomainRegistrations registrations;

    @Autowired
    FilingApplications applications;

    @Autowired
    AccessManagement access;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Test
    void thePortalFormShowsEachRefusalBesideItsFieldAndKeepsTheValues() throws Exception {
        mvc.perform(get("/public/filing/apply?lang=zh_CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("ICP/App备案申请")))
                .andExpect(content().string(containsString("示例云计算服务有限公司")));
        mvc.perform(post("/public/filing/apply?lang=zh_CN")
                        .with(csrf())
                        .param("nature", "ENTERPRISE")
                        .param("sponsorName", "<script>alert(1)</script>")
                        .param("certificateType", "CREDIT_CODE")
                        .param("certificateNumber", "91440106MA5XXXXXX0")
                        .param("cityCode", "440100")
                        .param("countyCode", "110105")
                        .param("services[0].kind", "WEBSITE")
                        .param("services[0].domains", "not a domain"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("不是有效的统一社会信用代码")))
                .andExpect(content().string(containsString("区县 110105 不属于地市 440100")))
                .andExpect(content().string(containsString("“not”不是域名")))
                .andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")))
                .andExpect(content().string(not(containsString("<script>alert(1)"))));
    }

    @Test
    void aPortalSubmissionLeadsToItsTrackingPageWithoutPersonalData() throws Exception {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        String provider = FilingFixtures.apDemo(access).creditCode();
        String principalId = residentId();
        String result = mvc.perform(post("/public/filing/apply")
                        .with(csrf())
                        .param("nature", "ENTERPRISE")
                        .param("sponsorName", sponsor)
                        .param("certificateType", "CREDIT_CODE")
                        .param("certificateNumber", creditCode())
                        .param("cityCode", "440100")
                        .param("countyCode", "440106")
                        .param("address", "广州市天河区测试路1号")
                        .param("principalName", "张三丰")
                        .param("principalIdNumber", principalId)
                        .param("principalPhone", mobile())
                        .param("accessProvider", provider)
                        .param("services[0].kind", "WEBSITE")
                        .param("services[0].name", "测试网站")
                        .param("services[0].domains", domain)
                        .param("services[0].responsibleName", "李四")
                        .param("services[0].responsibleIdNumber", residentId())
                        .param("services[0].responsiblePhone", mobile()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/public/filing/apply/track?no=BA*&submitted=true"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(result + "&lang=zh_CN"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待接入核验")))
                .andExpect(content().string(containsString(sponsor)))
                .andExpect(content().string(not(containsString(principalId))))
                .andExpect(content().string(not(containsString("张三丰"))));
    }

    @Test
    void anAccessProviderSubmitsAndChecksThroughTheApi() throws Exception {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input =
                FilingFixtures.enterprise(sponsor, creditCode(), null, List.of(FilingFixtures.website("接口网站", domain)));
        String body = mvc.perform(post("/api/v1/filing/applications")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(input)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.channel").value("PROVIDER"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        long id = json.readTree(body).get("id").asLong();

        mvc.perform(post("/api/v1/filing/applications")
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(input)))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("services[0].domains")))
                .andExpect(content().string(containsString("filing.app.invalid.domainPending")));

        MockMultipartFile photo = new MockMultipartFile("photo", "check.png", "image/png", FilingFixtures.PNG);
        var verification = multipart("/api/v1/filing/applications/" + id + "/verification")
                .file(photo)
                .with(as(users, "isp"))
                .with(csrf());
        for (CheckItem item : CheckItem.values()) {
            verification.param("checkItems", item.name());
        }
        mvc.perform(verification)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SMS_PENDING"));

        mvc.perform(get("/console/filing/applications/" + id + "/photo").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("image/png"))
                .andExpect(content().bytes(FilingFixtures.PNG));
        mvc.perform(get("/console/filing/applications/" + id + "/photo").with(as(users, "bj")))
                .andExpect(status().isNotFound());
        String tracking = json.readTree(body).get("trackingNumber").asText();
        mvc.perform(get("/console/filing/applications?lang=zh_CN&q=" + tracking.toLowerCase())
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(tracking)))
                .andExpect(content().string(containsString("待短信核验")));
        mvc.perform(get("/console/filing/applications?lang=zh_CN&q=%25no-such-thing")
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(tracking))));
        mvc.perform(get("/api/v1/filing/applications?status=SMS_PENDING").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("\"id\":" + id)))
                .andExpect(content().string(not(containsString(input.principalIdNumber()))));
        mvc.perform(get("/api/v1/filing/applications/" + id).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        long audited = jdbc.sql("select count(*) from audit_log where module = 'filing' and action = 'viewed'")
                .query(Long.class)
                .single();
        mvc.perform(get("/api/v1/filing/applications/" + id).with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.application.principalIdNumber").value(input.principalIdNumber()));
        assertThat(jdbc.sql("select count(*) from audit_log where module = 'filing' and action = 'viewed'")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(audited);
    }

    @Test
    void eachRoleSeesItsQueue() throws Exception {
        mvc.perform(get("/console/filing/applications?lang=zh_CN").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("备案申请")))
                .andExpect(content().string(containsString("注销备案")))
                .andExpect(content().string(not(containsString("代主办者提交备案"))));
        mvc.perform(get("/console/filing/applications?lang=zh_CN").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("代主办者提交备案")))
                .andExpect(content().string(containsString("接入核验")));
        mvc.perform(get("/console/filing/applications/new?lang=zh_CN").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("services[0].domains")));
        mvc.perform(get("/console/filing/hosted?lang=en").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Hosted filings")));
        mvc.perform(get("/console/filing/applications/new").with(as(users, "gd")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/filing/domain-registrations?lang=zh_CN").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("域名注册信息")));
    }
}

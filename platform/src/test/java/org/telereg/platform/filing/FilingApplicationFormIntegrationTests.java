package org.telereg.platform.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.filing.FilingFixtures.PNG;
import static org.telereg.platform.filing.FilingFixtures.creditCode;
import static org.telereg.platform.filing.FilingFixtures.domain;
import static org.telereg.platform.filing.FilingFixtures.mobile;
import static org.telereg.platform.filing.FilingFixtures.register;
import static org.telereg.platform.filing.FilingFixtures.residentId;
import static org.telereg.platform.filing.FilingFixtures.sponsorName;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application forms in the console and on the portal: several services per application, the
 * correction of returned applications, late changes in the queue, and the queue's CSV export.
 */
@PlatformIntegrationTest
class FilingApplicationFormIntegrationTests {

    private static final Pattern SMS = Pattern.compile("核验码为(\\d{6})");

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
    LoggingSmsSender sms;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    /** The sponsor's fields of a form, filled for a Guangzhou enterprise. */
    private MockHttpServletRequestBuilder sponsor(MockHttpServletRequestBuilder request, String name, String id) {
        return request.with(csrf())
                .param("nature", "ENTERPRISE")
                .param("sponsorName", name)
                .param("certificateType", "CREDIT_CODE")
                .param("certificateNumber", creditCode())
                .param("cityCode", "440100")
                .param("countyCode", "440106")
                .param("address", "广州市天河区测试路1号")
                .param("principalName", "张三丰")
                .param("principalIdNumber", id)
                .param("principalPhone", mobile())
                .param("accessProvider", FilingFixtures.apDemo(access).creditCode());
    }

    private static MockHttpServletRequestBuilder website(
            MockHttpServletRequestBuilder request, int row, String domain) {
        String p = "services[" + row + "].";
        return request.param(p + "kind", "WEBSITE")
                .param(p + "name", "网站" + row)
                .param(p + "domains", domain)
                .param(p + "responsibleName", "李四")
                .param(p + "responsibleIdNumber", residentId())
                .param(p + "responsiblePhone", mobile());
    }

    private static MockHttpServletRequestBuilder app(MockHttpServletRequestBuilder request, int row, String id) {
        String p = "services[" + row + "].";
        return request.param(p + "kind", "APP")
                .param(p + "name", "应用" + row)
                .param(p + "appIdentifier", id)
                .param(p + "responsibleName", "王五")
                .param(p + "responsibleIdNumber", residentId())
                .param(p + "responsiblePhone", mobile());
    }

    @Test
    void theConsoleFormFilesSeveralServicesAndNumbersProblemsByTheRowsShown() throws Exception {
        mvc.perform(get("/console/filing/applications/new?lang=zh_CN").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"services[0].name\"")))
                .andExpect(content().string(not(containsString("id=\"services[1].name\""))))
                .andExpect(content().string(containsString("name=\"services[new].name\"")))
                .andExpect(content().string(containsString("添加网站或App")))
                .andExpect(content().string(containsString("/js/filing-application.js")));
        mvc.perform(get("/js/filing-application.js"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("services[new].")));

        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        String identifier = "cn.example.rows" + System.nanoTime();
        // Rows 0, 5 (left blank) and 7, as a page whose script removed rows would send them.
        MockHttpServletRequestBuilder refused = app(
                website(sponsor(post("/console/filing/applications?lang=zh_CN"), sponsor, residentId()), 0, domain)
                        .param("services[5].kind", "WEBSITE")
                        .param("services[5].name", " "),
                7,
                "x");
        mvc.perform(refused.with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("“x”不是App包名或小程序ID")))
                .andExpect(content().string(containsString("id=\"services[1].appIdentifier\"")))
                .andExpect(content().string(containsString("value=\"应用7\"")))
                .andExpect(content().string(not(containsString("id=\"services[2].name\""))));
        assertThat(jdbc.sql("select count(*) from filing_application where sponsor_name = :s")
                        .param("s", sponsor)
                        .query(Long.class)
                        .single())
                .isZero();

        String location = mvc.perform(app(
                                website(
                                        sponsor(post("/console/filing/applications"), sponsor, residentId()),
                                        0,
                                        domain),
                                7,
                                identifier)
                        .with(as(users, "isp")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrlPattern("/console/filing/applications/*"))
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        ApplicationView app =
                applications.find(SignIn.actor(users, "isp").scope(), id).orElseThrow();
        assertThat(app.services())
                .extracting(ApplicationView.ServiceView::kind, ApplicationView.ServiceView::name)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.WEBSITE, "网站0"),
                        org.assertj.core.groups.Tuple.tuple(ServiceKind.APP, "应用7"));
        assertThat(app.services().get(1).appIdentifier()).isEqualTo(identifier);
    }

    @Test
    void aFormWithMoreServicesThanAllowedIsRefusedWhole() throws Exception {
        String sponsor = sponsorName();
        MockHttpServletRequestBuilder request = sponsor(post("/public/filing/apply?lang=zh_CN"), sponsor, residentId());
        for (int i = 0; i < 25; i++) {
            app(request, i, "cn.example.many" + i + "x" + System.nanoTime());
        }
        mvc.perform(request).andExpect(status().isOk()).andExpect(content().string(containsString("一次最多备案20个服务")));
        assertThat(jdbc.sql("select count(*) from filing_application where sponsor_name = :s")
                        .param("s", sponsor)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void theSponsorCorrectsAReturnedPortalApplicationWithItsAccessCode() throws Exception {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        String principalId = residentId();
        var submitted = mvc.perform(website(sponsor(post("/public/filing/apply"), sponsor, principalId), 0, domain))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        String code = (String) submitted.getFlashMap().get("accessCode");
        String location = submitted.getResponse().getRedirectedUrl();
        String tracking = location.replaceFirst(".*no=([^&]+).*", "$1");
        mvc.perform(get(location + "&lang=zh_CN").flashAttr("accessCode", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请保存查询码")))
                .andExpect(content().string(containsString(code)));
        mvc.perform(get("/public/filing/apply/track?lang=zh_CN&no=" + tracking))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString(code))))
                .andExpect(content().string(not(containsString("id=\"correction-form\""))));

        Actor isp = SignIn.actor(users, "isp");
        long id = applications.track(tracking).orElseThrow().id();
        applications.returnToSponsor(isp, id, "网站名称需与主办单位相关。");
        mvc.perform(get("/public/filing/apply/track?lang=zh_CN&no=" + tracking))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"correction-form\"")))
                .andExpect(content().string(containsString("退回主办者")))
                .andExpect(content().string(containsString("网站名称需与主办单位相关。")))
                .andExpect(content().string(not(containsString(principalId))));
        String wrong = code.equals("AAAAAAAA") ? "BBBBBBBB" : "AAAAAAAA";
        mvc.perform(post("/public/filing/apply/correction?lang=zh_CN")
                        .with(csrf())
                        .param("no", tracking)
                        .param("accessCode", wrong))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请号或查询码不正确")))
                .andExpect(content().string(not(containsString(principalId))));
        mvc.perform(post("/public/filing/apply/correction?lang=en")
                        .with(csrf())
                        .param("no", tracking)
                        .param("accessCode", wrong))
                .andExpect(content().string(containsString("Wrong tracking number or access code")));
        mvc.perform(post("/public/filing/apply/correction?lang=zh_CN")
                        .with(csrf())
                        .param("no", tracking)
                        .param("accessCode", code.toLowerCase()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("修改备案申请 " + tracking)))
                .andExpect(content().string(containsString("网站名称需与主办单位相关。")))
                .andExpect(content().string(containsString("value=\"" + principalId + "\"")))
                .andExpect(content().string(containsString("/public/filing/apply/resubmission")));

        String unknown = domain();
        mvc.perform(website(
                        sponsor(post("/public/filing/apply/resubmission?lang=zh_CN"), sponsor, principalId)
                                .param("no", tracking)
                                .param("accessCode", code),
                        0,
                        unknown))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("查无域名 " + unknown + " 的注册信息")))
                .andExpect(content().string(containsString("name=\"accessCode\" value=\"" + code + "\"")));
        assertThat(applications.track(tracking).orElseThrow().status()).isEqualTo(ApplicationStatus.RETURNED);
        mvc.perform(website(
                        sponsor(post("/public/filing/apply/resubmission?lang=zh_CN"), sponsor, principalId)
                                .param("no", tracking)
                                .param("accessCode", wrong),
                        0,
                        domain))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("申请号或查询码不正确")));
        assertThat(applications.track(tracking).orElseThrow().status()).isEqualTo(ApplicationStatus.RETURNED);

        mvc.perform(website(
                        sponsor(post("/public/filing/apply/resubmission"), sponsor, principalId)
                                .param("no", tracking)
                                .param("accessCode", code),
                        0,
                        domain))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/public/filing/apply/track?no=" + tracking));
        mvc.perform(get("/public/filing/apply/track?lang=zh_CN&no=" + tracking))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("待接入核验")))
                .andExpect(content().string(containsString("修改后重新提交")))
                .andExpect(content().string(containsString("证件号码")))
                .andExpect(content().string(containsString("第1项服务的负责人身份证号码")))
                .andExpect(content().string(not(containsString("id=\"correction-form\""))));
        mvc.perform(post("/public/filing/apply/correction?lang=zh_CN")
                        .with(csrf())
                        .param("no", tracking)
                        .param("accessCode", code))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该申请未被退回，不能修改")))
                .andExpect(content().string(not(containsString(principalId))));
    }

    @Test
    void theProviderCorrectsItsReturnedApplicationInTheConsole() throws Exception {
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        String location = mvc.perform(
                        website(sponsor(post("/console/filing/applications"), sponsor, residentId()), 0, domain)
                                .with(as(users, "isp")))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        long id = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
        mvc.perform(get(location + "?lang=zh_CN").with(as(users, "isp")))
                .andExpect(content().string(not(containsString("id=\"correct-application\""))));
        // Not returned (yet): the provider is sent to the application's page, which says why.
        mvc.perform(get(location + "/edit").with(as(users, "isp")))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("notice", "filing.app.notice.notReturned"));
        applications.returnToSponsor(SignIn.actor(users, "isp"), id, "请补充IP地址。");
        mvc.perform(get(location + "?lang=zh_CN").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"correct-application\"")));
        mvc.perform(get(location + "/edit?lang=zh_CN").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("请补充IP地址。")))
                .andExpect(content().string(containsString(domain)))
                .andExpect(content().string(containsString("/resubmission")));
        mvc.perform(get(location + "/edit").with(as(users, "gd"))).andExpect(status().isForbidden());
        mvc.perform(get(location + "/edit").with(as(users, "cmcc"))).andExpect(status().isNotFound());

        mvc.perform(website(sponsor(post(location + "/resubmission"), sponsor, residentId()), 0, domain)
                        .param("services[0].ips", "61.140.1.1\nnot-an-ip")
                        .with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("not-an-ip")));
        mvc.perform(website(sponsor(post(location + "/resubmission"), sponsor, residentId()), 0, domain)
                        .param("services[0].ips", "61.140.1.1")
                        .with(as(users, "isp")))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("done", "resubmitted"));
        mvc.perform(get(location + "?lang=zh_CN").with(as(users, "isp")).flashAttr("done", "resubmitted"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("已修改并重新提交，等待接入服务商核验。")))
                .andExpect(content().string(containsString("待接入核验")))
                .andExpect(content().string(containsString("第1项服务的IP地址")))
                .andExpect(content().string(containsString("请补充IP地址。")));

        // The same form sent a second time (a double click, a second tab) submits nothing again.
        mvc.perform(website(sponsor(post(location + "/resubmission"), sponsor, residentId()), 0, domain)
                        .param("services[0].ips", "61.140.1.2")
                        .with(as(users, "isp")))
                .andExpect(redirectedUrl(location))
                .andExpect(flash().attribute("notice", "filing.app.notice.notReturned"));
        mvc.perform(get(location + "?lang=zh_CN")
                        .with(as(users, "isp"))
                        .flashAttr("notice", "filing.app.notice.notReturned"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("该申请已不是退回状态")));
        ApplicationView resubmitted =
                applications.find(SignIn.actor(users, "isp").scope(), id).orElseThrow();
        assertThat(resubmitted.resubmissions()).isEqualTo(1);
        assertThat(resubmitted.services().get(0).ips()).containsExactly("61.140.1.1");
        // Someone else's application is still refused, returned or not.
        mvc.perform(get(location + "/edit").with(as(users, "gd"))).andExpect(status().isForbidden());
    }

    @Test
    void aLateChangeIsMarkedInTheQueueAndTheDetailCountedAndExportedMasked() throws Exception {
        Actor isp = SignIn.actor(users, "isp");
        Actor gd = SignIn.actor(users, "gd");
        String sponsor = sponsorName();
        String credit = creditCode();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input =
                FilingFixtures.enterprise(sponsor, credit, null, List.of(FilingFixtures.website("测试网站", domain)));
        ApplicationView app = applications.submit(isp, input);
        app = applications.verify(isp, app.id(), EnumSet.allOf(CheckItem.class), "p.png", PNG);
        Matcher m = SMS.matcher(sms.lastMessage(app.principalPhone()).orElseThrow());
        assertThat(m.find()).isTrue();
        applications.confirmSms(app.trackingNumber(), m.group(1));
        ApplicationView approved = applications.approve(gd, app.id(), null);
        String phone = mobile();
        NewApplication change = new NewApplication(
                "CHANGE",
                approved.subjectNumber(),
                applications.today().minusDays(31).toString(),
                "ENTERPRISE",
                sponsor,
                "CREDIT_CODE",
                credit,
                "440100",
                "440106",
                "广州市天河区迁址路9号",
                "欧阳明",
                residentId(),
                phone,
                null,
                null,
                null,
                null,
                List.of(FilingFixtures.website("测试网站", domain)));
        ApplicationView late = applications.submit(
                isp,
                new NewApplication(
                        change.kind(),
                        change.filingNumber(),
                        change.changedOn(),
                        change.nature(),
                        change.sponsorName(),
                        change.certificateType(),
                        change.certificateNumber(),
                        change.cityCode(),
                        change.countyCode(),
                        change.address(),
                        change.principalName(),
                        change.principalIdNumber(),
                        change.principalPhone(),
                        change.principalEmail(),
                        change.relatedPersons(),
                        change.accessProvider(),
                        null,
                        List.of(new NewApplication.NewService(
                                approved.subjectNumber() + "-1",
                                "WEBSITE",
                                "测试网站",
                                domain,
                                null,
                                null,
                                null,
                                null,
                                "李四",
                                residentId(),
                                mobile(),
                                null))));
        assertThat(late.lateChange()).isTrue();
        long count = applications.lateChanges(gd.scope());

        mvc.perform(get("/console/filing/applications?lang=zh_CN&late=true").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString(late.trackingNumber())))
                .andExpect(content().string(not(containsString(approved.trackingNumber()))))
                .andExpect(content().string(containsString("id=\"late-count\">" + count + "<")))
                .andExpect(content().string(containsString("逾期变更")));
        mvc.perform(get("/console/filing/applications/" + late.id() + "?lang=zh_CN")
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"late-change\"")))
                .andExpect(content()
                        .string(containsString(
                                applications.today().minusDays(31).toString())));
        mvc.perform(get("/console/filing/applications/" + approved.id() + "?lang=zh_CN")
                        .with(as(users, "gd")))
                .andExpect(content().string(not(containsString("id=\"late-change\""))));

        byte[] csv = mvc.perform(get("/console/filing/applications/export.csv?lang=zh_CN&q=" + late.trackingNumber())
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/csv"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();
        assertThat(csv).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(csv, StandardCharsets.UTF_8).substring(1);
        List<String> lines = text.lines().toList();
        assertThat(lines.get(0)).startsWith("申请号,申请类型,审核管局,主办单位名称");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith(late.trackingNumber() + ",变更备案,广东")
                .contains("欧**", phone.substring(0, 3) + "****" + phone.substring(7), "逾期变更", domain)
                .doesNotContain("欧阳明", phone, late.principalIdNumber());
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(jdbc.sql("select after_state from audit_log where module = 'filing'"
                                        + " and action = 'exported'")
                                .query(String.class)
                                .list())
                        .anyMatch(state -> state.contains(late.trackingNumber())));
        String english = mvc.perform(get("/console/filing/applications/export.csv?lang=en&late=true")
                        .with(as(users, "gd")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains("Application number,", late.trackingNumber(), "Late change");
        String beijing = mvc.perform(get("/console/filing/applications/export.csv?q=" + late.trackingNumber())
                        .with(as(users, "bj")))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(beijing).doesNotContain(late.trackingNumber());
    }

    @Test
    void theApiCorrectsAReturnedApplicationForItsProviderOnly() throws Exception {
        Actor isp = SignIn.actor(users, "isp");
        String sponsor = sponsorName();
        String domain = domain();
        register(registrations, domain, sponsor);
        NewApplication input =
                FilingFixtures.enterprise(sponsor, creditCode(), null, List.of(FilingFixtures.website("接口网站", domain)));
        ApplicationView app = applications.submit(isp, input);
        applications.returnToSponsor(isp, app.id(), "请补充IP地址。");
        String path = "/api/v1/filing/applications/" + app.id() + "/resubmission";

        mvc.perform(post(path)
                        .with(as(users, "cmcc"))
                        .with(csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(input)))
                .andExpect(status().isNotFound());
        NewApplication.NewService badIp = new NewApplication.NewService(
                null, "WEBSITE", "接口网站", domain, null, null, null, null, "李四", residentId(), mobile(), "999.1.1.1");
        mvc.perform(post(path)
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(withServices(input, badIp))))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("services[0].ips")));
        NewApplication.NewService fixed = new NewApplication.NewService(
                null, "WEBSITE", "接口网站", domain, null, null, null, null, "李四", residentId(), mobile(), "61.140.1.9");
        mvc.perform(post(path)
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(withServices(input, fixed))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SUBMITTED"))
                .andExpect(jsonPath("$.resubmissions").value(1))
                .andExpect(jsonPath("$.services[0].ips[0]").value("61.140.1.9"));
        mvc.perform(post(path)
                        .with(as(users, "isp"))
                        .with(csrf())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content(json.writeValueAsString(withServices(input, fixed))))
                .andExpect(status().isForbidden());
    }

    private static NewApplication withServices(NewApplication a, NewApplication.NewService service) {
        return new NewApplication(
                a.kind(),
                a.filingNumber(),
                a.changedOn(),
                a.nature(),
                a.sponsorName(),
                a.certificateType(),
                a.certificateNumber(),
                a.cityCode(),
                a.countyCode(),
                a.address(),
                a.principalName(),
                a.principalIdNumber(),
                a.principalPhone(),
                a.principalEmail(),
                a.relatedPersons(),
                a.accessProvider(),
                a.reason(),
                List.of(service));
    }
}

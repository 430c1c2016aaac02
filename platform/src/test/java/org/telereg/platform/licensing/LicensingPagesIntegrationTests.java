package org.telereg.platform.licensing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.IssuedToken;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanySearch;

@PlatformIntegrationTest
class LicensingPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    LicensingDesk desk;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    AccessManagement access;

    private LicenceView granted() {
        String code = companies
                .search(
                        org.telereg.platform.access.DataScope.province("44"),
                        new CompanySearch(null, "44", null),
                        org.springframework.data.domain.PageRequest.of(0, 1))
                .getContent()
                .get(0)
                .creditCode();
        NewApplication input = new NewApplication(
                code,
                List.of("B25"),
                List.of("44"),
                "",
                "王五",
                "测试路 1 号",
                "20000000",
                List.of(new NewApplication.Investor(
                        "", LicensingIntegrationTests.idNumber(), "赵六", "100", "false", "false")),
                List.of(new NewApplication.Manager(LicensingIntegrationTests.idNumber(), "钱七", "总经理")));
        ApplicationView application = desk.accept(
                Actor.system(), desk.submit(Actor.system(), input, List.of()).id());
        return desk.grant(Actor.system(), application.id());
    }

    @Test
    void certificateDownloadsAsAPdfForTheIssuingProvince() throws Exception {
        LicenceView licence = granted();

        byte[] pdf = mvc.perform(get("/console/licensing/licences/{id}/certificate.pdf", licence.id())
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/pdf"))
                .andReturn()
                .getResponse()
                .getContentAsByteArray();

        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");
        mvc.perform(get("/console/licensing/licences/{id}/certificate.pdf", licence.id())
                        .with(as(users, "bj")))
                .andExpect(status().isNotFound());
    }

    @Test
    void licencePageShowsTheNumberAndTheApplicationPageShowsTheGate() throws Exception {
        LicenceView licence = granted();

        mvc.perform(get("/console/licensing/licences/{id}", licence.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(licence.number())))
                .andExpect(content().string(Matchers.containsString("打印许可证")));
        mvc.perform(get("/console/licensing/applications/{id}", licence.applicationId())
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("合规关口")))
                .andExpect(content().string(Matchers.containsString("准予许可")));
        mvc.perform(get("/console/licensing/applications").with(as(users, "gd")))
                .andExpect(status().isOk());
        mvc.perform(get("/console/licensing/applications/new").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("A12-4")));
    }

    @Test
    void companyPageShowsTheLicenceInTheLicensingPanel() throws Exception {
        LicenceView licence = granted();

        mvc.perform(get("/console/entities/{code}", licence.holderCreditCode()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("经营许可")))
                .andExpect(content().string(Matchers.containsString(licence.number())))
                .andExpect(content().string(Matchers.containsString("信用记录")));
    }

    @Test
    void publicQueryFindsALicenceByNumberWithoutSigningIn() throws Exception {
        LicenceView licence = granted();

        mvc.perform(get("/public/licences").param("q", licence.number()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(licence.holderName())));
        mvc.perform(get("/api/v1/public/licences").param("q", licence.number()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(1))
                .andExpect(jsonPath("$.licences[0].number").value(licence.number()))
                .andExpect(jsonPath("$.licences[0].status").value("VALID"));
        mvc.perform(get("/api/v1/public/licences").param("q", "x"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
    }

    @Test
    void anOperatorAppliesByApiAndFollowsItsApplication() throws Exception {
        IssuedToken token = access.issueToken(
                SignIn.actor(users, "admin"),
                access.organisation("OP-MVNO2").orElseThrow().id(),
                "许可对接");
        String bearer = "Bearer " + token.secret();

        mvc.perform(post("/api/v1/licensing/applications")
                        .header("Authorization", bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kinds\": [\"B99\"], \"coverage\": [], \"registeredCapital\": \"lots\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath(
                        "$.errors[*].field",
                        Matchers.hasItems(
                                "kinds",
                                "coverage",
                                "registeredCapital",
                                "legalRepresentative",
                                "investors",
                                "managers")));

        String body = """
                {"kinds": ["B25"], "coverage": ["上海"], "legalRepresentative": "周强", "address": "上海市浦东新区世纪大道 100 号",
                 "registeredCapital": "500万",
                 "investors": [{"idNumber": "%s", "name": "周强", "share": "100"}],
                 "managers": [{"idNumber": "%s", "name": "吴敏", "position": "总经理"}]}""".formatted(LicensingIntegrationTests.idNumber(), LicensingIntegrationTests.idNumber());
        String tracking = com.jayway.jsonpath.JsonPath.read(
                mvc.perform(post("/api/v1/licensing/applications")
                                .header("Authorization", bearer)
                                .contentType(MediaType.APPLICATION_JSON)
                                .content(body))
                        .andExpect(status().isCreated())
                        .andExpect(jsonPath("$.issuerName").value("上海市通信管理局"))
                        .andExpect(jsonPath("$.status").value("SUBMITTED"))
                        .andReturn()
                        .getResponse()
                        .getContentAsString(java.nio.charset.StandardCharsets.UTF_8),
                "$.trackingNumber");

        mvc.perform(get("/api/v1/licensing/applications/{t}", tracking).header("Authorization", bearer))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.completenessDeadline").isNotEmpty())
                .andExpect(content().string(Matchers.not(Matchers.containsString("personKey"))));
        IssuedToken other = access.issueToken(
                SignIn.actor(users, "admin"),
                access.organisation("OP-CUCC").orElseThrow().id(),
                "许可对接");
        mvc.perform(get("/api/v1/licensing/applications/{t}", tracking)
                        .header("Authorization", "Bearer " + other.secret()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theOperatorApiIsDocumented() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/licensing/applications'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/licensing/licences/{number}/annual-reports/{year}'].post")
                        .exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/licences'].get").exists())
                .andExpect(jsonPath("$.paths['/api/v1/public/credit'].get").exists());
    }

    @Test
    void publicCreditApiRefusesTheUnpublishedWatchList() throws Exception {
        mvc.perform(get("/api/v1/public/credit").param("list", "WATCH"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("list"));
        mvc.perform(get("/api/v1/public/credit").param("list", "DISHONEST"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isArray());
        mvc.perform(get("/public/credit")).andExpect(status().isOk());
    }
}

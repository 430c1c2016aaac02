package org.telereg.platform.entity;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.engine.identity.CreditCodes;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class CompanyApiIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    private static String code(String serial) {
        String first17 = "91420100MA" + serial;
        return first17 + CreditCodes.checkCharacter(first17);
    }

    @Test
    void registersACompanyAndReadsItBack() throws Exception {
        String code = code("4A00001");
        mvc.perform(put("/api/v1/entities/{code}", code)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"楚天光网有限公司","type":"LIMITED_LIABILITY","legalRepresentative":"胡涛",
                                 "registeredCapital":"2000万","province":"鄂","address":"武汉市洪山区"}""")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.provinceCode").value("42"))
                .andExpect(content().string(Matchers.containsString("\"registeredCapital\":20000000")));
        mvc.perform(get("/api/v1/entities/{code}", code.toLowerCase()).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("楚天光网有限公司"));
    }

    @Test
    void invalidBodyIsAnsweredWithEveryFieldProblem() throws Exception {
        mvc.perform(put("/api/v1/entities/{code}", "91420100MA4A0000X0")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"","type":"NOPE","legalRepresentative":"张","registeredCapital":"-1",
                                 "province":"火星"}""")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[*].field")
                        .value(Matchers.containsInAnyOrder(
                                "creditCode", "name", "type", "registeredCapital", "province")))
                .andExpect(jsonPath("$.errors[?(@.field == 'creditCode')].message")
                        .value(Matchers.contains("统一社会信用代码校验位错误")));
    }

    @Test
    void problemMessagesFollowTheLanguage() throws Exception {
        mvc.perform(put("/api/v1/entities/{code}", code("4A00002"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .header("Cookie", "TELEREG_LANG=en")
                        .param("lang", "en")
                        .content(
                                "{\"name\":\"x\",\"type\":\"OTHER\",\"legalRepresentative\":\"y\",\"registeredCapital\":\"1\"}")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("province"))
                .andExpect(jsonPath("$.errors[0].message").value("Enter a province"));
    }

    @Test
    void provincialOfficerCannotRegisterInAnotherProvince() throws Exception {
        mvc.perform(put("/api/v1/entities/{code}", code("4A00003"))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"越权有限公司","type":"OTHER","legalRepresentative":"钱","registeredCapital":"1",
                                 "province":"11"}""")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    @Test
    void consoleFormShowsTheErrorBesideTheFieldAndKeepsWhatWasTyped() throws Exception {
        mvc.perform(post("/console/entities")
                        .param("creditCode", "91420100MA4A0000X0")
                        .param("name", "表单测试有限公司")
                        .param("type", "OTHER")
                        .param("legalRepresentative", "孙")
                        .param("registeredCapital", "100")
                        .param("province", "42")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("统一社会信用代码校验位错误")))
                .andExpect(content().string(Matchers.containsString("value=\"表单测试有限公司\"")));
    }

    @Test
    void consoleFormRegistersAndRedirectsToTheDetailPage() throws Exception {
        String code = code("4A00004");
        mvc.perform(post("/console/entities")
                        .param("creditCode", code)
                        .param("name", "表单登记有限公司")
                        .param("type", "OTHER")
                        .param("legalRepresentative", "孙")
                        .param("registeredCapital", "100")
                        .param("province", "42")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(redirectedUrl("/console/entities/" + code));
        mvc.perform(get("/console/entities/{code}", code).with(as(users, "officer")))
                .andExpect(content().string(Matchers.containsString("表单登记有限公司")));
    }

    @Test
    void exportDefusesSpreadsheetFormulas() throws Exception {
        String code = code("4A00005");
        mvc.perform(put("/api/v1/entities/{code}", code)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"name":"=HYPERLINK(\\"http://x\\")有限公司","type":"OTHER","legalRepresentative":"+钱",
                                 "registeredCapital":"1","province":"42"}""")
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/console/entities/export.csv").param("text", code).with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("\"'=HYPERLINK(\"\"http://x\"\")有限公司\"")))
                .andExpect(content().string(Matchers.containsString(",'+钱,")));
    }
}

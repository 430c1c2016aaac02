package org.telereg.platform.console;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import jakarta.servlet.http.Cookie;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class ConsolePagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void portalSpeaksChineseWhateverTheBrowserPrefers() throws Exception {
        mvc.perform(get("/").header("Accept-Language", "en-US,en;q=0.9"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(Matchers.containsString("<meta charset=\"utf-8\">")))
                .andExpect(content().string(Matchers.containsString("信息通信公众服务")));
    }

    @Test
    void languageSwitchSetsACookieAndTheCookieKeepsEnglish() throws Exception {
        mvc.perform(get("/").param("lang", "en"))
                .andExpect(content().string(Matchers.containsString("Telecom public services")))
                .andExpect(cookie().value("TELEREG_LANG", "en"));
        mvc.perform(get("/console/entities")
                        .cookie(new Cookie("TELEREG_LANG", "en"))
                        .with(as(users, "admin")))
                .andExpect(content().string(Matchers.containsString("Companies")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("企业名录"))));
    }

    @Test
    void topBarNamesTheUsersOrganisationAndRole() throws Exception {
        mvc.perform(get("/console").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("广东省通信管理局")))
                .andExpect(content().string(Matchers.containsString("省管局业务人员")))
                .andExpect(content().string(Matchers.containsString("china-map")));
    }

    @Test
    void menuOffersOnlyWhatTheRoleMayOpen() throws Exception {
        mvc.perform(get("/console").with(as(users, "gd")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("/console/audit"))));
        mvc.perform(get("/console").with(as(users, "auditor")))
                .andExpect(content().string(Matchers.containsString("/console/audit")));
    }

    @Test
    void companyListFiltersPagesAndShowsAnEmptyState() throws Exception {
        mvc.perform(get("/console/entities").param("province", "44").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"companies\"")));
        mvc.perform(get("/console/entities").param("text", "不存在的企业名称").with(as(users, "admin")))
                .andExpect(content().string(Matchers.containsString("没有符合条件的企业")));
    }

    @Test
    void openApiDescribesTheRestApi() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.paths['/api/v1/entities']").exists())
                .andExpect(jsonPath("$.paths['/api/v1/entities/imports']").exists());
        mvc.perform(get("/swagger-ui/index.html")).andExpect(status().isOk());
    }

    @Test
    void healthAndPrometheusMetricsAreServed() throws Exception {
        mvc.perform(get("/actuator/health")).andExpect(jsonPath("$.status").value("UP"));
        mvc.perform(get("/actuator/prometheus"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("jvm_memory_used_bytes")));
        mvc.perform(get("/actuator/prometheus").with(request -> {
                    request.setRemoteAddr("198.51.100.20");
                    return request;
                }))
                .andExpect(status().is(Matchers.oneOf(401, 403, 302)));
    }

    @Test
    void assetsShipInsideTheJar() throws Exception {
        mvc.perform(get("/webjars/echarts/dist/echarts.min.js")).andExpect(status().isOk());
        mvc.perform(get("/webjars/bootstrap/dist/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/maps/china.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.features.length()").value(34));
    }

    @Test
    void unknownPageIsAFriendly404() throws Exception {
        mvc.perform(get("/console/entities/{code}", "91110000000000000X").with(as(users, "admin")))
                .andExpect(status().isNotFound());
    }
}

package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class LoginIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessManagement access;

    @Autowired
    AccessSettings settings;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Test
    void demoAccountSignsInAndLandsOnTheDashboard() throws Exception {
        mvc.perform(formLogin("/login").user("gd").password("TeleReg@2026")).andExpect(redirectedUrl("/console"));
    }

    @Test
    void wrongPasswordSendsBackToTheLoginPage() throws Exception {
        mvc.perform(formLogin("/login").user("gd").password("wrong")).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void accountLocksAfterRepeatedWrongPasswordsEvenForTheRightOne() throws Exception {
        access.createUser(new NewUser("locktest", "Correct#2026", "锁定测试", "CA-44", Role.PROVINCIAL_OFFICER));

        for (int i = 0; i < settings.maxFailedLogins(); i++) {
            mvc.perform(formLogin("/login").user("locktest").password("wrong-" + i))
                    .andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user("locktest").password("Correct#2026"))
                .andExpect(redirectedUrl("/login?locked"));
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> assertThat(jdbc.sql(
                                        "select count(*) from audit_log where entity_id = 'locktest' and action = 'locked'")
                                .query(Long.class)
                                .single())
                        .isEqualTo(1));
    }

    @Test
    void consoleRedirectsAnonymousVisitorsToLogin() throws Exception {
        mvc.perform(get("/console")).andExpect(status().is3xxRedirection());
    }

    @Test
    void formWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/console/entities").param("creditCode", "x").with(as(users, "admin")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/console/entities")
                        .param("creditCode", "x")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isOk());
    }

    @Test
    void auditorCannotRegisterCompanies() throws Exception {
        mvc.perform(get("/console/entities/new").with(as(users, "auditor"))).andExpect(status().isForbidden());
    }

    @Test
    void publicPortalAnswers429OnceAClientExceedsItsRate() throws Exception {
        // Windows are whole minutes: 2N + 1 requests made within a minute span at most two windows,
        // so one of them necessarily sees more than N, wherever the minute boundary falls.
        org.springframework.test.web.servlet.MvcResult refused = null;
        for (int i = 0; i <= 2 * settings.publicRequestsPerMinute() && refused == null; i++) {
            var result = mvc.perform(get("/public").with(request -> {
                        request.setRemoteAddr("203.0.113.7");
                        return request;
                    }))
                    .andReturn();
            if (result.getResponse().getStatus() == 429) {
                refused = result;
            }
        }
        assertThat(refused).as("a 429 after too many requests").isNotNull();
        assertThat(refused.getResponse().getHeader("Retry-After")).isNotBlank();
        assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
        assertThat(refused.getResponse().getContentAsString()).contains("\"status\":429");
        mvc.perform(get("/public").with(request -> {
                    request.setRemoteAddr("203.0.113.8");
                    return request;
                }))
                .andExpect(status().isOk());
    }
}

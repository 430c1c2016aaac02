package org.telereg.platform.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class ApiTokenIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessManagement access;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    private Actor admin() {
        return ((SignedInUser) users.loadUserByUsername("admin")).actor();
    }

    @Test
    void tokenGivesAnOperatorSystemItsOwnEnterpriseOnly() throws Exception {
        OrganisationView cmcc = access.organisation("OP-CMCC").orElseThrow();
        IssuedToken token = access.issueToken(admin(), cmcc.id(), "BOSS 系统对接");

        mvc.perform(get("/api/v1/entities").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalElements").value(1))
                .andExpect(jsonPath("$.content[0].creditCode").value(cmcc.creditCode()));
    }

    @Test
    void tokenIsStoredOnlyAsItsHash() {
        OrganisationView cmcc = access.organisation("OP-CMCC").orElseThrow();
        IssuedToken token = access.issueToken(admin(), cmcc.id(), "hash check");

        List<Map<String, Object>> rows = jdbc.sql("select * from access_api_token where id = :id")
                .param("id", token.id())
                .query()
                .listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).values())
                .noneMatch(value -> String.valueOf(value).contains(token.secret()));
        assertThat(rows.get(0).values())
                .anyMatch(value ->
                        String.valueOf(value).equals(org.telereg.platform.shared.Hashes.sha256(token.secret())));
    }

    @Test
    void revokedTokenIsRefusedWithProblemJson() throws Exception {
        OrganisationView cmcc = access.organisation("OP-CMCC").orElseThrow();
        IssuedToken token = access.issueToken(admin(), cmcc.id(), "to be revoked");

        access.revokeToken(admin(), token.id());

        mvc.perform(get("/api/v1/entities").header("Authorization", "Bearer " + token.secret()))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
    }

    @Test
    void unknownTokenIsRefused() throws Exception {
        mvc.perform(get("/api/v1/entities").header("Authorization", "Bearer trg_not-a-real-token"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void apiWithoutCredentialsAnswers401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/entities"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        // A write without a token is refused by the CSRF check first; it still says what is missing.
        mvc.perform(post("/api/v1/spam/reports")
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"SPAM_SMS\",\"reportedParty\":\"13800138000\"}"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.status").value(401));
        // Signed in by the console's session, the same write without its CSRF token stays forbidden.
        mvc.perform(post("/api/v1/spam/reports")
                        .with(as(users, "officer"))
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"category\":\"SPAM_SMS\",\"reportedParty\":\"13800138000\"}"))
                .andExpect(status().isForbidden());
    }

    @Test
    void operatorUserIssuesTokensOnlyForItsOwnOrganisation() throws Exception {
        Actor cmccUser = ((SignedInUser) users.loadUserByUsername("cmcc")).actor();
        long unicom = access.organisation("OP-CUCC").orElseThrow().id();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> access.issueToken(cmccUser, unicom, "not mine"))
                .isInstanceOf(AccessDeniedException.class);
        IssuedToken own = access.issueToken(cmccUser, cmccUser.organisationId(), "mine");
        assertThat(access.tokens(cmccUser)).anyMatch(view -> view.id() == own.id());
        assertThat(access.tokens(cmccUser)).allMatch(view -> view.organisationId() == cmccUser.organisationId());
    }

    @Test
    void consoleIssuesTokenAndShowsTheSecretOnce() throws Exception {
        long cmcc = access.organisation("OP-CMCC").orElseThrow().id();

        var result = mvc.perform(post("/console/access/tokens")
                        .param("organisationId", Long.toString(cmcc))
                        .param("name", "控制台签发")
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        IssuedToken issued = (IssuedToken) result.getFlashMap().get("issued");
        assertThat(issued.secret()).startsWith("trg_");
        mvc.perform(get("/console/access/tokens").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("控制台签发")))
                .andExpect(content()
                        .string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString(issued.secret()))));
    }
}

package org.telereg.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.TeleRegApplicationAccess;

@PlatformIntegrationTest
class AuditLogIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AuditTrail trail;

    @Autowired
    AuditLog log;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    UserDetailsService users;

    private long recordAndWait(String entityId) {
        trail.record("test", "Thing", entityId, "created", null, Map.of("name", "事物 " + entityId));
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> jdbc.sql("select max(seq) from audit_log where entity_id = :id")
                                .param("id", entityId)
                                .query(Long.class)
                                .optional()
                                .orElse(null),
                        seq -> seq != null);
    }

    @Test
    void demoChangesAreRecordedWithChainIntact() {
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(log.verify().intact()).isTrue());
        assertThat(log.verify().checked()).isGreaterThan(60);
        assertThat(log.modules()).contains("access", "entity");
    }

    @Test
    void alteredRowIsReportedAsTheBrokenLink() {
        long seq = recordAndWait("tamper-content");
        String original = jdbc.sql("select after_state from audit_log where seq = :seq")
                .param("seq", seq)
                .query(String.class)
                .single();
        try {
            jdbc.sql("update audit_log set after_state = :forged where seq = :seq")
                    .param("forged", original.replace("事物", "伪造"))
                    .param("seq", seq)
                    .update();

            AuditVerification result = log.verify();

            assertThat(result.intact()).isFalse();
            assertThat(result.breaks()).contains(new AuditVerification.Break(seq, "content-altered"));
        } finally {
            jdbc.sql("update audit_log set after_state = :original where seq = :seq")
                    .param("original", original)
                    .param("seq", seq)
                    .update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void deletedRowIsReportedAsMissing() {
        long first = recordAndWait("tamper-delete-1");
        recordAndWait("tamper-delete-2");
        Map<String, Object> row = jdbc.sql("select * from audit_log where seq = :seq")
                .param("seq", first)
                .query()
                .singleRow();
        jdbc.sql("delete from audit_log where seq = :seq").param("seq", first).update();
        try {
            assertThat(log.verify().breaks()).contains(new AuditVerification.Break(first, "row-missing"));
        } finally {
            jdbc.sql("""
                    insert into audit_log (seq, occurred_at, actor, module, entity_type, entity_id, action,
                                           before_state, after_state, prev_hash, hash)
                    values (:seq, :occurred_at, :actor, :module, :entity_type, :entity_id, :action,
                            :before_state, :after_state, :prev_hash, :hash)""").params(lowerCaseKeys(row)).update();
        }
        assertThat(log.verify().intact()).isTrue();
    }

    @Test
    void consoleVerifyPageShowsTamperingAndCommandExitsWithOne() throws Exception {
        long seq = recordAndWait("tamper-console");
        jdbc.sql("update audit_log set actor = 'mallory' where seq = :seq")
                .param("seq", seq)
                .update();
        try {
            mvc.perform(post("/console/audit/verify").with(as(users, "auditor")).with(csrf()))
                    .andExpect(status().isOk())
                    .andExpect(content().string(Matchers.containsString("verification-broken")))
                    .andExpect(content().string(Matchers.containsString("记录内容被修改")));

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int exit = TeleRegApplicationAccess.run(
                    new String[] {
                        "audit-verify",
                        "--spring.datasource.url=" + ((HikariDataSource) dataSource).getJdbcUrl(),
                        "--spring.datasource.username=" + ((HikariDataSource) dataSource).getUsername()
                    },
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(exit).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("seq " + seq + ": content-altered");
        } finally {
            jdbc.sql("update audit_log set actor = 'system' where seq = :seq")
                    .param("seq", seq)
                    .update();
        }
        mvc.perform(post("/console/audit/verify").with(as(users, "auditor")).with(csrf()))
                .andExpect(content().string(Matchers.containsString("verification-intact")));
    }

    @Test
    void auditPageFiltersByModuleAndIsClosedToProvincialOfficers() throws Exception {
        recordAndWait("filter-me");
        mvc.perform(get("/console/audit").param("module", "test").with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("filter-me")));
        mvc.perform(get("/console/audit").with(as(users, "gd"))).andExpect(status().isForbidden());
    }

    private static Map<String, Object> lowerCaseKeys(Map<String, Object> row) {
        Map<String, Object> params = new java.util.HashMap<>();
        row.forEach((key, value) -> params.put(key.toLowerCase(), value));
        return params;
    }
}

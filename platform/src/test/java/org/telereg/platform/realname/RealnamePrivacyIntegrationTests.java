package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.telereg.platform.realname.Subscribers.batchId;
import static org.telereg.platform.realname.Subscribers.cmccNumber;
import static org.telereg.platform.realname.Subscribers.csv;
import static org.telereg.platform.realname.Subscribers.line;
import static org.telereg.platform.realname.Subscribers.resident;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;

/**
 * The privacy rule: after an import or a 一证通查, no raw document number or name is anywhere in the
 * database or the log, and the query's own records hold neither the phone nor the code.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RealnamePrivacyIntegrationTests {

    @Autowired
    SnapshotImport imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AccessManagement access;

    @Autowired
    LoggingOneTimeCodeSender sender;

    @Autowired
    MockMvc mvc;

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    @Test
    void noRawDocumentNumberOrNameReachesTheDatabaseOrTheLog(CapturedOutput output) throws InterruptedException {
        String resident = residentId();
        String legacy = "110105491231002";
        String passport = "EB2468013";
        // Names unlikely to occur in any demo record, so a hit can only come from this import.
        List<String> names = List.of("司马隐名", "欧阳藏真", "ZHUGE HIDDEN");
        String batch = batchId();

        SnapshotResult result = imports.importCsv(
                SignIn.actor(users, "cmcc"),
                batch,
                "privacy.csv",
                csv(
                        resident(cmccNumber(), resident, names.get(0)),
                        line(cmccNumber(), "居民身份证", legacy, names.get(1), "2001-01-01", "停机"),
                        line(cmccNumber(), "PASSPORT", passport, names.get(2), "2024-06-01", "NORMAL")));
        assertThat(result.status()).isEqualTo(SnapshotResult.Status.IMPORTED);
        awaitAuditEntry(batch);

        List<String> secrets = new ArrayList<>(names);
        secrets.addAll(List.of(resident, legacy, "11010519491231002X", passport));
        List<String> tables = new ArrayList<>(jdbc.sql("""
                        select table_name from information_schema.tables
                        where lower(table_schema) = lower(current_schema) and lower(table_name) like 'realname%'""").query(String.class).list());
        assertThat(tables)
                .extracting(t -> t.toLowerCase(Locale.ROOT))
                .contains("realname_batch", "realname_subscriber");
        tables.addAll(List.of("audit_log", "event_publication"));
        List<String> hits = new ArrayList<>();
        long cells = 0;
        for (String table : tables) {
            for (Map<String, Object> row :
                    jdbc.sql("select * from " + table).query().listOfRows()) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    cells++;
                    String text = String.valueOf(cell.getValue()).toUpperCase(Locale.ROOT);
                    for (String secret : secrets) {
                        if (text.contains(secret.toUpperCase(Locale.ROOT))) {
                            hits.add(table + "." + cell.getKey() + " holds " + secret);
                        }
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(100);
        assertThat(hits).isEmpty();
        assertThat(output.getAll()).doesNotContain(secrets);
    }

    @Test
    void oneIdQueryKeepsNoIdNamePhoneOrCodeInTheDatabaseAndNoIdNameOrPhoneInTheLog(CapturedOutput output)
            throws Exception {
        String id = residentId();
        String name = "上官查询";
        List<String> numbers = Subscribers.register(imports, access, users, id, name, 2, 0);
        String phone = numbers.get(0);

        String page = mvc.perform(post("/public/realname/query")
                        .param("idNumber", id)
                        .param("name", name)
                        .param("phone", phone)
                        .with(csrf()))
                .andReturn()
                .getResponse()
                .getContentAsString();
        Matcher challenge =
                Pattern.compile("name=\"challenge\" value=\"([0-9a-f-]{36})\"").matcher(page);
        assertThat(challenge.find()).isTrue();
        String code = sender.lastCodeTo(phone).orElseThrow();
        assertThat(mvc.perform(post("/public/realname/query/code")
                                .param("challenge", challenge.group(1))
                                .param("code", code)
                                .with(csrf()))
                        .andReturn()
                        .getResponse()
                        .getContentAsString())
                .contains("您的证件名下共有 2 个电话号码");

        List<String> hits = new ArrayList<>();
        for (String table : List.of("realname_query_challenge", "realname_query")) {
            List<Map<String, Object>> rows =
                    jdbc.sql("select * from " + table).query().listOfRows();
            assertThat(rows).as(table).isNotEmpty();
            for (Map<String, Object> row : rows) {
                for (Map.Entry<String, Object> cell : row.entrySet()) {
                    String text = String.valueOf(cell.getValue());
                    for (String secret : List.of(id, name, phone, code)) {
                        if (text.contains(secret)) {
                            hits.add(table + "." + cell.getKey() + " holds " + secret);
                        }
                    }
                }
            }
        }
        assertThat(hits).isEmpty();
        // The demo sender logs the code and the masked phone, as an SMS gateway's log would; nothing else.
        assertThat(output.getAll()).contains(code).doesNotContain(id, name, phone);
    }

    /** The audit entry is appended after the commit, by a listener: wait for it so the scan covers it. */
    private void awaitAuditEntry(String batch) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (jdbc.sql("select count(*) from audit_log where module = 'realname' and entity_id like :id")
                        .param("id", "%/" + batch)
                        .query(Long.class)
                        .single()
                == 0) {
            assertThat(Instant.now()).as("audit entry of the import").isBefore(deadline);
            Thread.sleep(100);
        }
    }
}

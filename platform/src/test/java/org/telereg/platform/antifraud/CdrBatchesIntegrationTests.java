package org.telereg.platform.antifraud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.CurrentActor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.IssuedToken;

@PlatformIntegrationTest
class CdrBatchesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    CdrBatches batches;

    @Autowired
    FraudDisposal disposal;

    @Autowired
    NumberProfiles profiles;

    @TempDir
    Path directory;

    private String token;

    @BeforeEach
    void operatorToken() {
        var authentication = new org.springframework.security.authentication.UsernamePasswordAuthenticationToken(
                users.loadUserByUsername("admin"), null, List.of());
        var context = org.springframework.security.core.context.SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        org.springframework.security.core.context.SecurityContextHolder.setContext(context);
        IssuedToken issued = access.issueToken(
                CurrentActor.get().orElseThrow(),
                access.organisation("OP-CMCC").orElseThrow().id(),
                "话单上报");
        org.springframework.security.core.context.SecurityContextHolder.clearContext();
        token = "Bearer " + issued.secret();
    }

    private long upload(String batchId, String name, byte[] content) throws Exception {
        String body = mvc.perform(multipart("/api/v1/antifraud/batches")
                        .file(new MockMultipartFile("file", name, "text/csv", content))
                        .param("batchId", batchId)
                        .header("Authorization", token))
                .andExpect(status().isAccepted())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return Long.parseLong(body.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));
    }

    private BatchView awaitFinished(long id) {
        return await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> batches.find(DataScope.all(), id).orElseThrow(),
                        batch -> batch.status() != BatchStatus.QUEUED && batch.status() != BatchStatus.SCANNING);
    }

    @Test
    void uploadedCallRecordsAreScannedAndFlaggedNumbersBecomeTheOperatorsSuspects() throws Exception {
        GeneratedCdrs generated = new CdrGenerator(GeneratorSettings.of(7, 400).withDays(7)).writeTo(directory);
        byte[] calls = Files.readAllBytes(generated.files().calls());

        long id = upload(UUID.randomUUID().toString(), "calls.csv", calls);
        BatchView scanned = awaitFinished(id);

        assertThat(scanned.status()).isEqualTo(BatchStatus.SCANNED);
        assertThat(scanned.progress()).isEqualTo(100);
        assertThat(scanned.subscribers()).isGreaterThan(300);
        assertThat(scanned.flagged()).isPositive();
        assertThat(disposal.search(
                                DataScope.enterprise(access.organisation("OP-CMCC")
                                        .orElseThrow()
                                        .creditCode()),
                                new CaseSearch(CaseStatus.SUSPECTED, null, null),
                                org.springframework.data.domain.PageRequest.of(0, 500))
                        .getTotalElements())
                .isGreaterThanOrEqualTo(scanned.flagged());

        long again = upload(UUID.randomUUID().toString(), "copy.csv", calls);
        assertThat(again).isEqualTo(id);
        mvc.perform(get("/api/v1/antifraud/batches/{id}", id).header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("SCANNED"));
    }

    @Test
    void aSimBoxNumbersPageShowsItsDaysAndTheOtherCardsOnItsHandsets() throws Exception {
        GeneratedCdrs generated = new CdrGenerator(GeneratorSettings.of(11, 400).withDays(7)).writeTo(directory);
        List<String> simBoxCards = Files.readAllLines(generated.labels()).stream()
                .skip(1)
                .map(line -> line.split(","))
                .filter(label -> label[2].equals("sim_box"))
                .map(label -> label[0])
                .toList();
        assertThat(simBoxCards).hasSizeGreaterThan(2);

        awaitFinished(upload(UUID.randomUUID().toString(), "simbox.csv", Files.readAllBytes(generated.calls())));

        FraudCaseView card = simBoxCards.stream()
                .map(number -> disposal.search(
                                DataScope.all(),
                                new CaseSearch(null, null, number),
                                org.springframework.data.domain.PageRequest.of(0, 1))
                        .getContent())
                .filter(found -> !found.isEmpty())
                .map(found -> found.get(0))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SIM-box card was flagged"));
        String page = mvc.perform(
                        get("/console/antifraud/{id}", card.id()).with(org.telereg.platform.SignIn.as(users, "admin")))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("id=\"number-days\"").contains("逐日通话").contains("data-chart-json");
        long otherCardsShown = simBoxCards.stream()
                .filter(other -> !other.equals(card.number()))
                .filter(other -> page.contains(org.telereg.engine.numbering.PhoneNumbers.mask(other)))
                .count();
        assertThat(otherCardsShown)
                .as("other cards of the same SIM box listed, masked")
                .isPositive();
        assertThat(profiles.of(DataScope.all(), card).related())
                .extracting(NumberProfile.RelatedNumber::number)
                .containsAnyElementsOf(simBoxCards)
                .doesNotContain(card.number());
        assertThat(page).contains("id=\"related-numbers\"");
        assertThat(page).as("reasons named in Chinese").contains("主叫");
    }

    @Test
    void fileWithoutTheCallRecordColumnsIsRejectedNamingThem() throws Exception {
        long id = upload(
                UUID.randomUUID().toString(),
                "wrong.csv",
                "phone_no_m,called\n13800138000,13900139000\n".getBytes(StandardCharsets.UTF_8));

        BatchView rejected = awaitFinished(id);

        assertThat(rejected.status()).isEqualTo(BatchStatus.REJECTED);
        assertThat(rejected.message()).contains("opposite_no_m").contains("start_datetime");
    }

    @Test
    void badRowsAreCountedAndReportedWithLineNumbers() throws Exception {
        String csv = "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n"
                + "13800138000,13900139000,1,2026-11-01 10:00:00,35,成都,武侯区,imei1\n"
                + "13800138000,13900139001,9,not a date,-4,成都,武侯区,imei1\n";

        BatchView scanned =
                awaitFinished(upload(UUID.randomUUID().toString(), "bad.csv", csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(scanned.status()).isEqualTo(BatchStatus.SCANNED);
        assertThat(scanned.badRows()).isEqualTo(1);
        assertThat(scanned.message()).contains("3");
    }

    @Test
    void reusedBatchIdWithOtherContentAndEmptyFilesAreRefused() throws Exception {
        String batch = UUID.randomUUID().toString();
        upload(batch, "a.csv", "phone_no_m,opposite_no_m\n1,2\n".getBytes(StandardCharsets.UTF_8));

        mvc.perform(multipart("/api/v1/antifraud/batches")
                        .file(new MockMultipartFile(
                                "file", "b.csv", "text/csv", "other".getBytes(StandardCharsets.UTF_8)))
                        .param("batchId", batch)
                        .header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("antifraud.batch.reused"));
        mvc.perform(multipart("/api/v1/antifraud/batches")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .param("batchId", UUID.randomUUID().toString())
                        .header("Authorization", token))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    void onlyOperatorsUploadAndAdministrationsDoNotSeeBatches() throws Exception {
        mvc.perform(multipart("/api/v1/antifraud/batches")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", "x".getBytes(StandardCharsets.UTF_8)))
                        .param("batchId", "x")
                        .with(org.telereg.platform.SignIn.as(users, "gd"))
                        .with(
                                org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(get("/console/antifraud/batches").with(org.telereg.platform.SignIn.as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(Matchers.containsString("尚无上报的话单")));
    }

    @Autowired
    WarningList warnings;

    @Test
    void confirmingAFraudNumberListsTheNumbersItReachedForThe12381Warning() throws Exception {
        String fraud = "13800199001";
        String csv = "phone_no_m,opposite_no_m,calltype_id,start_datetime,call_dur,city_name,county_name,imei_m\n"
                + fraud + ",13900199001,1,2026-11-02 10:00:00,95,成都,武侯区,imeiF\n"
                + fraud + ",13900199002,1,2026-11-02 10:05:00,0,成都,武侯区,imeiF\n"
                + "13900199003," + fraud + ",2,2026-11-03 09:00:00,40,成都,锦江区,imeiV\n"
                + fraud + ",13900199001,1,2026-11-04 11:00:00,20,成都,武侯区,imeiF\n";
        awaitFinished(
                upload(UUID.randomUUID().toString(), "calls-with-fraud.csv", csv.getBytes(StandardCharsets.UTF_8)));
        long cursor = warnings.after(0, 1000).stream()
                .mapToLong(WarningList.Warning::seq)
                .max()
                .orElse(0);
        var cmcc = access.organisation("OP-CMCC").orElseThrow();
        long caseId = disposal.registerSuspect(
                        new NewSuspect(fraud, cmcc.creditCode(), cmcc.name(), new java.math.BigDecimal("0.99"), "test"))
                .id();

        disposal.confirm(org.telereg.platform.access.Actor.system(), caseId);

        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertThat(warnings.after(cursor, 100))
                        .extracting(WarningList.Warning::number, WarningList.Warning::calls)
                        .containsExactlyInAnyOrder(
                                org.assertj.core.groups.Tuple.tuple("13900199001", 2),
                                org.assertj.core.groups.Tuple.tuple("13900199003", 1)));
        mvc.perform(get("/api/v1/antifraud/warnings")
                        .param("after", Long.toString(cursor))
                        .header("Authorization", token))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings.length()").value(2))
                .andExpect(jsonPath("$.warnings[0].fraudNumber").value(fraud));
    }
}

package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.realname.Subscribers.CUCC_USER;
import static org.telereg.platform.realname.Subscribers.batchId;
import static org.telereg.platform.realname.Subscribers.cmccNumber;
import static org.telereg.platform.realname.Subscribers.csv;
import static org.telereg.platform.realname.Subscribers.cuccNumber;
import static org.telereg.platform.realname.Subscribers.line;
import static org.telereg.platform.realname.Subscribers.resident;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.credit.PersonKeys;
import org.telereg.platform.shared.IdCardNumber;

/** One ID, many cards, the console pages and the REST API, each within the reader's data scope. */
@PlatformIntegrationTest
class CardCountsIntegrationTests {

    @Autowired
    SnapshotImport imports;

    @Autowired
    CardCounts cardCounts;

    @Autowired
    PersonKeys personKeys;

    @Autowired
    AccessManagement access;

    @Autowired
    UserDetailsService users;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void secondOperator() {
        Subscribers.ensureCuccUser(access, users);
    }

    @AfterEach
    void signOut() {
        SignIn.signOut();
    }

    /** Gives one person {@code cmcc} numbers at CMCC and {@code cucc} at CUCC, plus one cancelled at CMCC. */
    private String holder(int cmcc, int cucc) {
        String id = residentId();
        List<String> cmccLines = new ArrayList<>();
        for (int i = 0; i < cmcc; i++) {
            cmccLines.add(resident(cmccNumber(), id, "许多卡"));
        }
        cmccLines.add(line(cmccNumber(), "RESIDENT_ID", id, "许多卡", "2020-01-01", "CANCELLED"));
        imports.importCsv(SignIn.actor(users, "cmcc"), batchId(), "a.csv", csv(cmccLines.toArray(String[]::new)));
        if (cucc > 0) {
            List<String> cuccLines = new ArrayList<>();
            for (int i = 0; i < cucc; i++) {
                cuccLines.add(resident(cuccNumber(), id, "许多卡"));
            }
            imports.importCsv(
                    SignIn.actor(users, CUCC_USER), batchId(), "b.csv", csv(cuccLines.toArray(String[]::new)));
        }
        return id;
    }

    private Optional<IdentityCards> overCap(DataScope scope, String id) {
        String key = personKeys.of(IdCardNumber.of(id));
        return cardCounts.overCap(scope, PageRequest.of(0, 10_000)).getContent().stream()
                .filter(i -> i.identityKey().equals(key))
                .findFirst();
    }

    private DataScope scopeOf(String username) {
        return SignIn.actor(users, username).scope();
    }

    @Test
    void listsAnIdentityOverTheCapOfOneOperatorWithItsCountsAtEveryOperator() {
        String id = holder(cardCounts.cardsPerOperator() + 1, 2);

        IdentityCards identity = overCap(DataScope.all(), id).orElseThrow();

        assertThat(identity.identityMasked()).isEqualTo(IdCardNumber.of(id).masked());
        assertThat(identity.total()).isEqualTo(cardCounts.cardsPerOperator() + 3);
        assertThat(identity.overOperatorCap()).isTrue();
        assertThat(identity.operators())
                .extracting(IdentityCards.OperatorCards::operatorName, IdentityCards.OperatorCards::cards)
                .containsExactly(tuple("中国移动通信集团有限公司", (long) cardsPerOperatorPlusOne()), tuple("中国联合网络通信集团有限公司", 2L));
    }

    private int cardsPerOperatorPlusOne() {
        return cardCounts.cardsPerOperator() + 1;
    }

    @Test
    void cancelledNumbersDoNotCountAgainstTheCap() {
        String id = holder(cardCounts.cardsPerOperator(), 0);

        assertThat(overCap(DataScope.all(), id)).isEmpty();
    }

    @Test
    void anOperatorSeesOnlyItsOwnCardsOfAnIdentity() {
        String id = holder(cardCounts.cardsPerOperator() + 1, 2);

        assertThat(overCap(scopeOf("cmcc"), id)).hasValueSatisfying(identity -> {
            assertThat(identity.total()).isEqualTo(cardCounts.cardsPerOperator() + 1);
            assertThat(identity.operators()).hasSize(1);
        });
        assertThat(overCap(scopeOf(CUCC_USER), id)).isEmpty();
    }

    @Test
    void theDemoDataHasIdentitiesOverTheCap() {
        assertThat(cardCounts.overCap(DataScope.all(), PageRequest.of(0, 5)).getTotalElements())
                .isGreaterThanOrEqualTo(6);
    }

    @Test
    void theConsoleListPagesAndExportsMaskedIdentities() throws Exception {
        String id = holder(cardCounts.cardsPerOperator() + 2, 0);
        String masked = IdCardNumber.of(id).masked();

        mvc.perform(get("/console/realname").with(as(users, "admin")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"identities\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(id))));
        mvc.perform(get("/console/realname/over-cap.csv").with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(masked + ",RESIDENT_ID,")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(id))));
        mvc.perform(get("/console/realname/over-cap.csv").with(as(users, CUCC_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(masked))));
    }

    @Test
    void anOperatorUploadsInTheConsoleAndOthersMayNot() throws Exception {
        MockMultipartFile file = new MockMultipartFile(
                "file", "snapshot.csv", "text/csv", csv(resident(cmccNumber(), residentId(), "上传者")));

        mvc.perform(multipart("/console/realname/import")
                        .file(file)
                        .param("batchId", batchId())
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("alert-success")));
        mvc.perform(get("/console/realname/import").with(as(users, "gd"))).andExpect(status().isForbidden());
    }

    @Test
    void theApiTakesACsvBodyAndAnswersWithTheResult() throws Exception {
        mvc.perform(post("/api/v1/realname/snapshots")
                        .param("batchId", batchId())
                        .contentType("text/csv")
                        .content(csv(resident(cmccNumber(), residentId(), "接口人")))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IMPORTED"))
                .andExpect(jsonPath("$.created").value(1));
    }

    @Test
    void theApiRejectsAFileWithProblemJsonNamingLineAndField() throws Exception {
        mvc.perform(post("/api/v1/realname/snapshots")
                        .param("batchId", batchId())
                        .contentType("text/csv")
                        .content(csv(
                                resident(cmccNumber(), residentId(), "接口人"),
                                line(cmccNumber(), "RESIDENT_ID", residentId(), "接口人", "2024-01-01", "休眠")))
                        .header("Accept-Language", "en")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().is(422))
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.badLines").value(1))
                .andExpect(jsonPath("$.errors[0].line").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("realname.import.unknownStatus"))
                .andExpect(jsonPath("$.errors[0].message").isNotEmpty());
    }

    @Test
    void theApiRefusesABatchIdReusedForOtherContentWithAConflict() throws Exception {
        String batch = batchId();
        imports.importCsv(SignIn.actor(users, "cmcc"), batch, null, csv(resident(cmccNumber(), residentId(), "甲")));
        SignIn.signOut();

        mvc.perform(post("/api/v1/realname/snapshots")
                        .param("batchId", batch)
                        .contentType("text/csv")
                        .content(csv(resident(cmccNumber(), residentId(), "乙")))
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.errors[0].code").value("realname.import.batchReused"));
    }

    @Test
    void theApiRefusesSnapshotsFromAnyoneButAnOperator() throws Exception {
        mvc.perform(post("/api/v1/realname/snapshots")
                        .param("batchId", batchId())
                        .contentType("text/csv")
                        .content(csv(resident(cmccNumber(), residentId(), "部里")))
                        .with(as(users, "admin"))
                        .with(csrf()))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }

    @Test
    void theApiListsOnlyTheCallersOwnOverCapCards() throws Exception {
        String id = holder(cardCounts.cardsPerOperator() + 1, 0);
        String masked = IdCardNumber.of(id).masked();

        mvc.perform(get("/api/v1/realname/over-cap").param("size", "500").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(masked)));
        mvc.perform(get("/api/v1/realname/over-cap").param("size", "500").with(as(users, CUCC_USER)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString(masked))));
    }

    @Test
    void anAccessProviderNeitherSeesTheMenuNorOpensThePages() throws Exception {
        mvc.perform(get("/console").with(as(users, "isp")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("/console/realname"))));
        mvc.perform(get("/console/realname").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console/realname/verifications").with(as(users, "isp")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/realname/over-cap").with(as(users, "isp"))).andExpect(status().isForbidden());
        mvc.perform(get("/console").with(as(users, "cmcc")))
                .andExpect(content().string(Matchers.containsString("/console/realname/verifications")));
    }
}

package org.telereg.platform.realname;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;
import static org.telereg.platform.realname.Subscribers.CUCC_USER;
import static org.telereg.platform.realname.Subscribers.batchId;
import static org.telereg.platform.realname.Subscribers.cmccNumber;
import static org.telereg.platform.realname.Subscribers.csv;
import static org.telereg.platform.realname.Subscribers.resident;
import static org.telereg.platform.realname.Subscribers.residentId;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.SignIn;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.RejectedInputException;

/** The second real-person verification queue: raised by imports, decided by the operator, watched by regulators. */
@PlatformIntegrationTest
class VerificationsIntegrationTests {

    @Autowired
    SnapshotImport imports;

    @Autowired
    Verifications verifications;

    @Autowired
    CardCounts cardCounts;

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

    private Actor cmcc() {
        return SignIn.actor(users, "cmcc");
    }

    private void give(String id, int cards) {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < cards; i++) {
            lines.add(resident(cmccNumber(), id, "核验人"));
        }
        imports.importCsv(cmcc(), batchId(), "v.csv", csv(lines.toArray(String[]::new)));
    }

    private List<VerificationView> tasksOf(String id) {
        String masked = IdCardNumber.of(id).masked();
        return verifications.list(DataScope.all(), null, PageRequest.of(0, 10_000)).getContent().stream()
                .filter(t -> t.identityMasked().equals(masked))
                .toList();
    }

    @Test
    void anImportRaisesATaskWithTheDeadlineForAnIdentityOverTheCap() {
        String id = residentId();

        give(id, cardCounts.cardsPerOperator() + 1);

        assertThat(tasksOf(id)).singleElement().satisfies(task -> {
            assertThat(task.status()).isEqualTo(VerificationStatus.PENDING);
            assertThat(task.cards()).isEqualTo(cardCounts.cardsPerOperator() + 1);
            assertThat(task.operatorName()).isEqualTo("中国移动通信集团有限公司");
            assertThat(Duration.between(task.raisedAt(), task.dueAt())).isEqualTo(Duration.ofHours(24));
            assertThat(task.overdue()).isFalse();
        });
    }

    @Test
    void theConsoleUploadSaysHowManyIdentitiesAwaitVerification() throws Exception {
        String id = residentId();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i <= cardCounts.cardsPerOperator(); i++) {
            lines.add(resident(cmccNumber(), id, "超限人"));
        }

        mvc.perform(multipart("/console/realname/import")
                        .file(new MockMultipartFile("file", "over.csv", "text/csv", csv(lines.toArray(String[]::new))))
                        .param("batchId", batchId())
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"verifications-raised\"")))
                .andExpect(content().string(Matchers.containsString("1 个证件超过上限")));
    }

    @Test
    void anIdentityWithinTheCapRaisesNoTask() {
        String id = residentId();

        give(id, cardCounts.cardsPerOperator());

        assertThat(tasksOf(id)).isEmpty();
    }

    @Test
    void aNewTaskIsRaisedOnlyWhenTheIdentityGainsMoreCards() {
        String id = residentId();
        give(id, cardCounts.cardsPerOperator() + 1);
        VerificationView first = tasksOf(id).get(0);
        verifications.decide(cmcc(), first.id(), VerificationStatus.VERIFIED, "到厅核验");

        give(id, 1);

        assertThat(tasksOf(id))
                .extracting(VerificationView::status, VerificationView::cards)
                .containsExactlyInAnyOrder(
                        tuple(VerificationStatus.VERIFIED, cardCounts.cardsPerOperator() + 1),
                        tuple(VerificationStatus.PENDING, cardCounts.cardsPerOperator() + 2));
    }

    @Test
    void aSuspendedTaskMayBeAppealedButAVerifiedOneMayNot() {
        String suspendedId = residentId();
        String verifiedId = residentId();
        give(suspendedId, cardCounts.cardsPerOperator() + 1);
        give(verifiedId, cardCounts.cardsPerOperator() + 1);
        long suspended = tasksOf(suspendedId).get(0).id();
        long verified = tasksOf(verifiedId).get(0).id();

        verifications.decide(cmcc(), suspended, VerificationStatus.SUSPENDED, null);
        VerificationView appealed = verifications.decide(cmcc(), suspended, VerificationStatus.APPEALED, "申诉成立");
        verifications.decide(cmcc(), verified, VerificationStatus.VERIFIED, null);

        assertThat(appealed.status()).isEqualTo(VerificationStatus.APPEALED);
        assertThat(appealed.note()).isEqualTo("申诉成立");
        assertThat(appealed.decidedBy()).isEqualTo("cmcc");
        assertThatThrownBy(() -> verifications.decide(cmcc(), verified, VerificationStatus.APPEALED, null))
                .isInstanceOfSatisfying(
                        RejectedInputException.class,
                        e -> assertThat(e.problems())
                                .extracting(p -> p.code())
                                .containsExactly("realname.verification.badOutcome"));
    }

    @Test
    void onlyTheOperatorItBelongsToDecidesATask() {
        String id = residentId();
        give(id, cardCounts.cardsPerOperator() + 1);
        long task = tasksOf(id).get(0).id();

        assertThatThrownBy(() ->
                        verifications.decide(SignIn.actor(users, CUCC_USER), task, VerificationStatus.VERIFIED, null))
                .isInstanceOf(NoSuchElementException.class);
        assertThatThrownBy(() ->
                        verifications.decide(SignIn.actor(users, "admin"), task, VerificationStatus.VERIFIED, null))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(verifications.find(SignIn.actor(users, CUCC_USER).scope(), task))
                .isEmpty();
        assertThat(tasksOf(id).get(0).status()).isEqualTo(VerificationStatus.PENDING);
    }

    @Test
    void theOperatorDecidesInTheConsoleAndTheMinistryWatches() throws Exception {
        String id = residentId();
        give(id, cardCounts.cardsPerOperator() + 1);
        long task = tasksOf(id).get(0).id();
        SignIn.signOut();

        mvc.perform(get("/console/realname/verifications").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"task-" + task + "\"")))
                .andExpect(content().string(Matchers.containsString(decideForm(task))));
        mvc.perform(post("/console/realname/verifications/{id}", task)
                        .param("outcome", "SUSPENDED")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("decided", VerificationStatus.SUSPENDED));
        mvc.perform(get("/console/realname/verifications")
                        .param("status", "SUSPENDED")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"task-" + task + "\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString(decideForm(task)))));
    }

    private static String decideForm(long task) {
        return "action=\"/console/realname/verifications/" + task + "\"";
    }

    @Test
    void theApiRecordsAnOutcomeAndRefusesAnImpossibleOneWithProblemJson() throws Exception {
        String id = residentId();
        give(id, cardCounts.cardsPerOperator() + 1);
        long task = tasksOf(id).get(0).id();
        SignIn.signOut();

        mvc.perform(post("/api/v1/realname/verifications/{id}/outcome", task)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"VERIFIED\",\"note\":\"到厅核验\"}")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("VERIFIED"));
        mvc.perform(post("/api/v1/realname/verifications/{id}/outcome", task)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\":\"APPEALED\"}")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.errors[0].field").value("outcome"))
                .andExpect(jsonPath("$.errors[0].code").value("realname.verification.badOutcome"));
        mvc.perform(get("/api/v1/realname/verifications").param("size", "500").with(as(users, CUCC_USER)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.content[?(@.id == " + task + ")]").isEmpty());
    }
}

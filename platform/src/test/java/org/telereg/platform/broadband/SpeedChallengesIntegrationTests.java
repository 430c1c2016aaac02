package org.telereg.platform.broadband;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.telereg.platform.SignIn.as;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.List;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.telereg.platform.PlatformIntegrationTest;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.StateChanged;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.industry.OperatorReports;
import org.telereg.platform.industry.ReportSchedules;
import org.telereg.platform.shared.RejectedInputException;

@PlatformIntegrationTest
@RecordApplicationEvents
class SpeedChallengesIntegrationTests {

    private static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SpeedChallenges challenges;

    @Autowired
    DeclaredVsMeasured reconciler;

    @Autowired
    ApplicationEvents events;

    @Autowired
    AccessManagement access;

    @Autowired
    CompanyRegistry companies;

    @Autowired
    CompanyAliases aliases;

    @Autowired
    ReportSchedules schedules;

    @Autowired
    OperatorReports reports;

    @Autowired
    MeasurementImport imports;

    private ChallengeFixtures fixtures;
    private YearMonth month;

    @BeforeEach
    void fixtures() {
        fixtures = new ChallengeFixtures(access, companies, aliases, schedules, reports, imports);
        month = fixtures.month();
    }

    private Reconciliation reconcile() {
        return challenges.reconcile(Actor.system(), month, month);
    }

    private List<ChallengeView> challengesOf(ChallengeFixtures.Operator operator) {
        return challenges.search(DataScope.enterprise(operator.creditCode()), null, null, null, 100);
    }

    private SpeedComparison fixedComparison(ChallengeFixtures.Operator operator) {
        return reconciler.comparisons(DataScope.enterprise(operator.creditCode()), month, month, "44").stream()
                .filter(c -> c.access() == AccessClass.FIXED)
                .findFirst()
                .orElseThrow();
    }

    /** An operator that declared 115.01 Mbit/s fixed in Guangdong where 30 tests measured 100: one challenge. */
    private ChallengeView openedChallenge() {
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        fixtures.declare(operator, "44", "115.01", "120");
        fixtures.tests(operator.alias(), "440305", "FTTH", 30, 100);
        reconcile();
        List<ChallengeView> opened = challengesOf(operator);
        assertThat(opened).hasSize(1);
        return opened.get(0);
    }

    private String username(ChallengeView challenge) {
        return jdbc.sql("select u.username from access_user u join access_organisation o on o.id = u.organisation_id"
                        + " where o.credit_code = :code")
                .param("code", challenge.operatorCreditCode())
                .query(String.class)
                .list()
                .get(0);
    }

    @Test
    void aDeclarationExactlyAtTheMarginOpensNoChallengeAndOneJustAboveDoes() {
        ChallengeFixtures.Operator atMargin = fixtures.operator("44");
        fixtures.declare(atMargin, "44", "115", "120");
        fixtures.tests(atMargin.alias(), "440305", "FTTH", 30, 100);
        ChallengeFixtures.Operator above = fixtures.operator("44");
        fixtures.declare(above, "44", "115.01", "120");
        fixtures.tests(above.alias(), "440305", "FTTH", 30, 100);

        SpeedComparison exactly = fixedComparison(atMargin);
        assertThat(exactly.declaredMbps()).isEqualByComparingTo("115");
        assertThat(exactly.measuredMbps()).isEqualByComparingTo("100");
        assertThat(exactly.tests()).isEqualTo(30);
        assertThat(exactly.gapPercent()).isEqualByComparingTo("15.00");
        assertThat(exactly.counts()).isTrue();
        assertThat(exactly.mismatch()).isFalse();
        assertThat(fixedComparison(above).mismatch()).isTrue();

        reconcile();

        assertThat(challengesOf(atMargin)).isEmpty();
        List<ChallengeView> opened = challengesOf(above);
        assertThat(opened).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo(ChallengeKind.FIXED_SPEED);
            assertThat(c.status()).isEqualTo(ChallengeStatus.OPEN);
            assertThat(c.provinceCode()).isEqualTo("44");
            assertThat(c.subject()).isEqualTo(month.toString());
            assertThat(c.declaredFigure()).isEqualByComparingTo("115.01");
            assertThat(c.measuredFigure()).isEqualByComparingTo("100");
            assertThat(c.testCount()).isEqualTo(30);
            assertThat(c.answerDue()).isEqualTo(challenges.today().plusDays(15));
            assertThat(c.reportId()).isNotNull();
        });
        assertThat(challenges.steps(opened.get(0).id()))
                .extracting(ChallengeStep::step)
                .containsExactly("OPENED");
    }

    @Test
    void fewerTestsThanTheMinimumDoNotCount() {
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        fixtures.declare(operator, "44", "500", "120");
        fixtures.tests(operator.alias(), "440305", "FTTH", 29, 50);

        SpeedComparison comparison = fixedComparison(operator);
        assertThat(comparison.tests()).isEqualTo(29);
        assertThat(comparison.counts()).isFalse();
        assertThat(comparison.mismatch()).isFalse();
        reconcile();
        assertThat(challengesOf(operator)).isEmpty();

        // The thirtieth test makes it count; 4G tests count towards mobile, not fixed.
        fixtures.tests(operator.alias(), "440305", "FIBRE", 1, 50);
        fixtures.tests(operator.alias(), "440305", "4G", 30, 200);
        assertThat(fixedComparison(operator).counts()).isTrue();
        reconcile();
        assertThat(challengesOf(operator)).extracting(ChallengeView::kind).containsExactly(ChallengeKind.FIXED_SPEED);
    }

    @Test
    void reconcilingAgainOpensNoSecondChallenge() {
        ChallengeView first = openedChallenge();
        Reconciliation rerun = reconcile();
        assertThat(rerun.speedMismatches()).isPositive();
        long count = jdbc.sql("select count(*) from broadband_challenge where operator_credit_code = :code")
                .param("code", first.operatorCreditCode())
                .query(Long.class)
                .single();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void coverageContradictedByTheTestsOpensCoverageChallenges() throws Exception {
        ChallengeFixtures.Operator operator = fixtures.operator("44");
        mvc.perform(post("/api/v1/broadband/coverage?batchId=cov-" + operator.creditCode())
                        .with(as(users, operator.username()))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("county,technology\n440305,5G;4G\n440106,FTTH\n440103,5G\n"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DECLARED"))
                .andExpect(jsonPath("$.added").value(4));
        // 440305: 30 mobile tests, 10 on 5G (a third); 440106: 20 of 30 fixed tests under 100 Mbit/s;
        // 440103: 30 tests, all 5G.
        fixtures.tests(operator.alias(), "440305", "5G", 10, 300);
        fixtures.tests(operator.alias(), "440305", "4G", 20, 60);
        fixtures.tests(operator.alias(), "440106", "FTTH", 20, 50);
        fixtures.tests(operator.alias(), "440106", "FTTH", 10, 300);
        fixtures.tests(operator.alias(), "440103", "5G", 30, 400);

        List<CoverageCheck> checks =
                reconciler.coverageChecks(DataScope.enterprise(operator.creditCode()), month, month, null);
        assertThat(checks)
                .filteredOn(CoverageCheck::mismatch)
                .extracting(CoverageCheck::countyCode, CoverageCheck::technology)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("440305", CoverageTechnology.MOBILE_5G),
                        org.assertj.core.groups.Tuple.tuple("440106", CoverageTechnology.FTTH));
        reconcile();
        assertThat(challengesOf(operator))
                .extracting(ChallengeView::kind, ChallengeView::subject)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(ChallengeKind.COVERAGE_5G, "440305"),
                        org.assertj.core.groups.Tuple.tuple(ChallengeKind.COVERAGE_FTTH, "440106"));
        ChallengeView fibre = challengesOf(operator).stream()
                .filter(c -> c.kind() == ChallengeKind.COVERAGE_FTTH)
                .findFirst()
                .orElseThrow();
        assertThat(fibre.measuredFigure()).isEqualByComparingTo("66.67");
        assertThat(fibre.subjectName()).isEqualTo("天河区");
    }

    @Test
    void theOperatorConcedesOnceAndNothingElseAfterwards() throws Exception {
        ChallengeView challenge = openedChallenge();
        String operator = username(challenge);
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/concession")
                        .with(as(users, operator))
                        .with(csrf())
                        .param("statement", "报表误填")
                        .param("correctedFigure", "100"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONCEDED"))
                .andExpect(jsonPath("$.correctedFigure").value(100));
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/concession")
                        .with(as(users, operator))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"))
                .andExpect(jsonPath("$.errors[0].code").value("broadband.challenge.notOpen"));
        mvc.perform(multipart("/api/v1/broadband/challenges/" + challenge.id() + "/rebuttal")
                        .param("statement", "再申辩")
                        .with(as(users, operator))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/decision")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("outcome", "UPHELD")
                        .param("reason", "理由"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].code").value("broadband.challenge.notRebutted"));
        mvc.perform(get("/api/v1/broadband/challenges/" + challenge.id()).with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.steps[*].step").value(Matchers.contains("OPENED", "CONCEDED")))
                .andExpect(jsonPath("$.steps[1].actedBy").value(operator));
    }

    @Test
    void aRebuttalWithEvidenceIsUpheldByTheProvinceAndPublished() throws Exception {
        ChallengeView challenge = openedChallenge();
        String operator = username(challenge);
        mvc.perform(multipart("/api/v1/broadband/challenges/" + challenge.id() + "/rebuttal")
                        .file(new MockMultipartFile("evidence", "网管统计.pdf", "application/pdf", PDF))
                        .param("statement", "测速样本集中于老旧小区")
                        .with(as(users, operator))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REBUTTED"));
        assertThat(challenges.evidence(challenge.id())).singleElement().satisfies(f -> {
            assertThat(f.fileName()).isEqualTo("网管统计.pdf");
            assertThat(f.contentType()).isEqualTo("application/pdf");
        });
        long fileId = challenges.evidence(challenge.id()).get(0).id();
        mvc.perform(get("/console/broadband/challenges/" + challenge.id() + "/evidence/" + fileId)
                        .with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().bytes(PDF));
        mvc.perform(get("/console/broadband/challenges/" + challenge.id() + "/evidence/" + fileId)
                        .with(as(users, "bj")))
                .andExpect(status().isNotFound());

        // The operator cannot judge its own case, Beijing cannot see it, a reason is required.
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/decision")
                        .with(as(users, operator))
                        .with(csrf())
                        .param("outcome", "DISMISSED")
                        .param("reason", "自己裁定"))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/decision")
                        .with(as(users, "bj"))
                        .with(csrf())
                        .param("outcome", "UPHELD")
                        .param("reason", "理由"))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/decision")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("outcome", "OPEN")
                        .param("reason", " "))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("outcome", "reason")));
        assertThat(challenges
                        .find(DataScope.all(), challenge.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(ChallengeStatus.REBUTTED);

        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/decision")
                        .with(as(users, "gd"))
                        .with(csrf())
                        .param("outcome", "UPHELD")
                        .param("reason", "样本分布均匀，申辩不成立"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("UPHELD"))
                .andExpect(jsonPath("$.decidedBy").value("gd"))
                .andExpect(jsonPath("$.decisionReason").value("样本分布均匀，申辩不成立"));
        assertThat(events.stream(SpeedChallengeUpheld.class))
                .anySatisfy(e -> assertThat(e.challengeId()).isEqualTo(challenge.id()));
        assertThat(challenges.steps(challenge.id()))
                .extracting(ChallengeStep::step)
                .containsExactly("OPENED", "REBUTTED", "UPHELD");
        assertThat(events.stream(StateChanged.class)
                        .filter(e -> e.entityType().equals("SpeedChallenge")
                                && e.entityId().equals(Long.toString(challenge.id()))))
                .extracting(StateChanged::action)
                .containsExactly("challengeOpened", "challengeRebutted", "challengeUpheld");
    }

    @Test
    void theMinistryDismissesARebuttal() {
        ChallengeView challenge = openedChallenge();
        Actor operator = new Actor(
                "op",
                "op",
                org.telereg.platform.access.Role.OPERATOR,
                1,
                "op",
                DataScope.enterprise(challenge.operatorCreditCode()));
        challenges.rebut(operator, challenge.id(), "抢修期间测速", List.of());
        ChallengeView dismissed = challenges.decide(Actor.system(), challenge.id(), "DISMISSED", "抢修记录属实");
        assertThat(dismissed.status()).isEqualTo(ChallengeStatus.DISMISSED);
        assertThat(events.stream(SpeedChallengeUpheld.class)).noneMatch(e -> e.challengeId() == challenge.id());
        assertThatThrownBy(() -> challenges.decide(Actor.system(), challenge.id(), "UPHELD", "改判"))
                .isInstanceOf(RejectedInputException.class);
    }

    @Test
    void anUnansweredChallengeBecomesOverduePastItsDeadline() {
        ChallengeView challenge = openedChallenge();
        assertThat(challenges.markOverdue(challenge.answerDue())).isZero();
        assertThat(challenges
                        .find(DataScope.all(), challenge.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(ChallengeStatus.OPEN);

        assertThat(challenges.markOverdue(challenge.answerDue().plusDays(1))).isPositive();

        ChallengeView overdue = challenges.find(DataScope.all(), challenge.id()).orElseThrow();
        assertThat(overdue.status()).isEqualTo(ChallengeStatus.OVERDUE);
        assertThat(overdue.status().overstatementStands()).isTrue();
        assertThat(events.stream(SpeedChallengeOverdue.class))
                .anySatisfy(e -> assertThat(e.challengeId()).isEqualTo(challenge.id()));
        assertThat(challenges.steps(challenge.id()))
                .extracting(ChallengeStep::step)
                .containsExactly("OPENED", "OVERDUE");
        Actor operator = new Actor(
                "op",
                "op",
                org.telereg.platform.access.Role.OPERATOR,
                1,
                "op",
                DataScope.enterprise(challenge.operatorCreditCode()));
        assertThatThrownBy(() -> challenges.concede(operator, challenge.id(), null, null))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(
                                ((RejectedInputException) e).problems().get(0).code())
                        .isEqualTo("broadband.challenge.notOpen"));
    }

    @Test
    void anAnswerAfterTheDeadlineIsRefusedEvenBeforeTheJobRan() {
        ChallengeView challenge = openedChallenge();
        jdbc.sql("update broadband_challenge set answer_due = :due where id = :id")
                .param("due", challenges.today().minusDays(1))
                .param("id", challenge.id())
                .update();
        Actor operator = new Actor(
                "op",
                "op",
                org.telereg.platform.access.Role.OPERATOR,
                1,
                "op",
                DataScope.enterprise(challenge.operatorCreditCode()));
        assertThatThrownBy(() -> challenges.concede(operator, challenge.id(), null, null))
                .isInstanceOf(RejectedInputException.class)
                .satisfies(e -> assertThat(
                                ((RejectedInputException) e).problems().get(0).code())
                        .isEqualTo("broadband.challenge.pastDue"));
    }

    @Test
    void evidenceOfTheWrongTypeOrSizeIsRefusedByNameAndNothingIsStored() throws Exception {
        ChallengeView challenge = openedChallenge();
        String operator = username(challenge);
        mvc.perform(multipart("/api/v1/broadband/challenges/" + challenge.id() + "/rebuttal")
                        .file(new MockMultipartFile(
                                "evidence", "报告.pdf", "application/pdf", "<script>alert(1)</script>".getBytes()))
                        .file(new MockMultipartFile("evidence", "空.pdf", "application/pdf", new byte[0]))
                        .param("statement", "说明")
                        .with(as(users, operator))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.everyItem(Matchers.is("evidence"))))
                .andExpect(jsonPath("$.errors[*].code")
                        .value(Matchers.containsInAnyOrder(
                                "broadband.challenge.fileType", "broadband.challenge.fileEmpty")))
                .andExpect(jsonPath("$.errors[0].message", Matchers.containsString("报告.pdf")));
        byte[] huge = new byte[10 * 1024 * 1024 + 1];
        System.arraycopy(PDF, 0, huge, 0, PDF.length);
        mvc.perform(multipart("/api/v1/broadband/challenges/" + challenge.id() + "/rebuttal")
                        .file(new MockMultipartFile("evidence", "大.pdf", "application/pdf", huge))
                        .with(as(users, operator))
                        .with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("statement", "evidence")))
                .andExpect(jsonPath("$.errors[*].code").value(Matchers.hasItem("broadband.challenge.fileTooLarge")));
        assertThat(challenges.evidence(challenge.id())).isEmpty();
        assertThat(challenges
                        .find(DataScope.all(), challenge.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(ChallengeStatus.OPEN);
        assertThat(challenges.steps(challenge.id())).hasSize(1);
    }

    @Test
    void operatorsSeeOnlyTheirOwnChallengesAndAnswerOnlyTheirOwn() throws Exception {
        ChallengeView challenge = openedChallenge();
        String operator = username(challenge);
        mvc.perform(get("/api/v1/broadband/challenges").with(as(users, operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(1))
                .andExpect(jsonPath("$[0].id").value(challenge.id()));
        mvc.perform(get("/api/v1/broadband/challenges").with(as(users, "cmcc")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(Matchers.not(Matchers.hasItem((int) challenge.id()))))
                .andExpect(jsonPath("$[*].operatorName").value(Matchers.everyItem(Matchers.is("中国移动通信集团有限公司"))));
        mvc.perform(get("/api/v1/broadband/challenges/" + challenge.id()).with(as(users, "cmcc")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/v1/broadband/challenges/" + challenge.id() + "/concession")
                        .with(as(users, "cmcc"))
                        .with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/broadband/challenges?status=OPEN&province=44").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].id").value(Matchers.hasItem((int) challenge.id())));
        mvc.perform(get("/api/v1/broadband/challenges").with(as(users, "bj")))
                .andExpect(jsonPath("$[*].provinceCode").value(Matchers.everyItem(Matchers.is("11"))));
        mvc.perform(get("/api/v1/broadband/challenges?status=LOST&kind=WEATHER&province=火星")
                        .with(as(users, "gd")))
                .andExpect(status().isBadRequest())
                .andExpect(
                        jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("status", "kind", "province")));
        mvc.perform(get("/api/v1/broadband/comparisons?from=" + month + "&to=" + month)
                        .with(as(users, operator)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].operatorCreditCode")
                        .value(Matchers.everyItem(Matchers.is(challenge.operatorCreditCode()))))
                .andExpect(jsonPath("$[?(@.access == 'FIXED')].mismatch").value(Matchers.contains(true)));
        mvc.perform(get("/api/v1/broadband/comparisons?from=2026-13&to=soon").with(as(users, operator)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[*].field").value(Matchers.containsInAnyOrder("from", "to")));
    }

    @Test
    void onlyTheMinistryReconciles() throws Exception {
        mvc.perform(post("/api/v1/broadband/challenges/reconciliation")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/broadband/challenges/reconciliation?from=" + month + "&to=" + month)
                        .with(as(users, "officer"))
                        .with(csrf()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.from").value(month.toString()));
        assertThatThrownBy(() -> challenges.reconcile(
                        new Actor("cmcc", "x", org.telereg.platform.access.Role.OPERATOR, 1, "x", DataScope.none()),
                        month,
                        month))
                .isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDemoHasChallengesInEveryState() {
        for (ChallengeStatus status : ChallengeStatus.values()) {
            assertThat(challenges.search(DataScope.all(), status, null, null, 1))
                    .as("demo challenges %s", status)
                    .isNotEmpty();
        }
        assertThat(challenges.search(DataScope.all(), null, ChallengeKind.COVERAGE_5G, null, 10))
                .isNotEmpty();
    }

    @Test
    void consolePagesShowTheComparisonTheListAndTheActionsOfEachRole() throws Exception {
        ChallengeView challenge = openedChallenge();
        String operator = username(challenge);
        mvc.perform(get("/console/broadband/declared?from=" + month + "&to=" + month + "&province=44")
                        .with(as(users, "officer")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("comparison-table")))
                .andExpect(content().string(Matchers.containsString("id=\"reconcile\"")));
        mvc.perform(get("/console/broadband/declared").with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"reconcile\""))));
        mvc.perform(get("/console/broadband/challenges").with(as(users, operator)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("challenge-" + challenge.id())));
        mvc.perform(get("/console/broadband/challenges/" + challenge.id()).with(as(users, operator)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"concede\"")))
                .andExpect(content().string(Matchers.containsString("id=\"rebut\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"uphold\""))));
        mvc.perform(get("/console/broadband/challenges/" + challenge.id()).with(as(users, "auditor")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"concede\""))))
                .andExpect(content().string(Matchers.not(Matchers.containsString("id=\"uphold\""))));
        mvc.perform(multipart("/console/broadband/challenges/" + challenge.id() + "/rebut")
                        .file(new MockMultipartFile("evidence", "a.pdf", "application/pdf", PDF))
                        .param("statement", "控制台申辩")
                        .with(as(users, operator))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/console/broadband/challenges/" + challenge.id()).with(as(users, "gd")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("id=\"uphold\"")))
                .andExpect(content().string(Matchers.containsString("控制台申辩")))
                .andExpect(content().string(Matchers.containsString("a.pdf")));
        mvc.perform(post("/console/broadband/challenges/" + challenge.id() + "/decide")
                        .param("outcome", "DISMISSED")
                        .param("reason", "理由充分")
                        .with(as(users, "gd"))
                        .with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(challenges
                        .find(DataScope.all(), challenge.id())
                        .orElseThrow()
                        .status())
                .isEqualTo(ChallengeStatus.DISMISSED);
    }
}

package org.telereg.platform.appeals;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.telereg.platform.appeals.Admissibility.Outcome;

class AdmissibilityTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    /** A complete service appeal from last month, the operator having answered unsatisfactorily. */
    private static Admissibility.Facts admissible() {
        return new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.SERVICE_CONDUCT,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 10),
                false,
                false,
                false);
    }

    private static Admissibility.Verdict check(Admissibility.Facts facts) {
        return Admissibility.check(facts, TODAY);
    }

    @Test
    void acceptsAnAppealTheOperatorAnsweredUnsatisfactorily() {
        assertThat(check(admissible()).outcome()).isEqualTo(Outcome.ACCEPT);
        assertThat(check(admissible()).reasons()).isEmpty();
    }

    @Test
    void refersBackToTheOperatorWhenTheUserNeverComplainedThere() {
        Admissibility.Verdict verdict = check(new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.SIGNAL_COVERAGE,
                LocalDate.of(2026, 11, 20),
                null,
                null,
                false,
                false,
                false));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REFER_TO_OPERATOR);
        assertThat(verdict.reasons())
                .extracting(Admissibility.Reason::code)
                .containsExactly("appeals.rule.operatorNotContacted");
    }

    @Test
    void refersBackWhileTheOperatorsFifteenDaysRunAndAcceptsAfterwards() {
        Admissibility.Facts waiting = new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.SERVICE_CONDUCT,
                LocalDate.of(2026, 11, 10),
                LocalDate.of(2026, 11, 20),
                null,
                false,
                false,
                false);

        Admissibility.Verdict early = Admissibility.check(waiting, LocalDate.of(2026, 12, 4));
        assertThat(early.outcome()).isEqualTo(Outcome.REFER_TO_OPERATOR);
        assertThat(early.reasons().get(0).arguments()).containsExactly("2026-11-20", "2026-12-05");
        assertThat(Admissibility.check(waiting, LocalDate.of(2026, 12, 5)).outcome())
                .as("15 days without an answer")
                .isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void refusesAFeeDisputeOlderThanFiveMonths() {
        Admissibility.Facts fees = new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.UNEXPLAINED_CHARGES,
                LocalDate.of(2026, 7, 1),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 5),
                false,
                false,
                false);

        assertThat(check(fees).outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(check(fees).reasons().get(0).code()).isEqualTo("appeals.rule.feeDisputeTooOld");
        assertThat(check(fees).reasons().get(0).arguments()).containsExactly("2026-07-01", "2026-07-02");
        Admissibility.Facts recentEnough = new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.UNEXPLAINED_CHARGES,
                LocalDate.of(2026, 7, 2),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 5),
                false,
                false,
                false);
        assertThat(check(recentEnough).outcome()).isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void refusesAnyOtherMatterOlderThanTwoYearsButNotAFeeDisputeRule() {
        Admissibility.Facts old = new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.CONTRACT_AND_CANCELLATION,
                LocalDate.of(2024, 12, 1),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 5),
                false,
                false,
                false);
        Admissibility.Facts withinTwoYears = new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.CONTRACT_AND_CANCELLATION,
                LocalDate.of(2024, 12, 2),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 5),
                false,
                false,
                false);

        assertThat(check(old).reasons()).extracting(Admissibility.Reason::code).containsExactly("appeals.rule.tooOld");
        assertThat(check(withinTwoYears).outcome())
                .as("a service matter of a year and a half is within its two years")
                .isEqualTo(Outcome.ACCEPT);
    }

    @Test
    void refusesWhatIsSettledAlreadyHandledOrBeforeACourt() {
        assertThat(check(with(true, false, false)).reasons())
                .extracting(Admissibility.Reason::code)
                .containsExactly("appeals.rule.settled");
        assertThat(check(with(false, true, false)).reasons())
                .extracting(Admissibility.Reason::code)
                .containsExactly("appeals.rule.handledBefore");
        assertThat(check(with(false, false, true)).reasons())
                .extracting(Admissibility.Reason::code)
                .containsExactly("appeals.rule.elsewhere");
        assertThat(check(with(false, false, true)).outcome()).isEqualTo(Outcome.REFUSE);
    }

    @Test
    void refusesAnAppealMissingItsRespondentRequestOrFactsNamingWhatIsMissing() {
        Admissibility.Verdict verdict = check(new Admissibility.Facts(
                false,
                true,
                false,
                AppealSubject.SERVICE_CONDUCT,
                LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 2),
                LocalDate.of(2026, 11, 10),
                false,
                false,
                false));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(verdict.reasons().get(0).code()).isEqualTo("appeals.rule.incomplete");
        assertThat(verdict.reasons().get(0).arguments()).containsExactly("respondent,facts");
    }

    @Test
    void aRefusalOutranksAReferralBackToTheOperator() {
        Admissibility.Verdict verdict = check(new Admissibility.Facts(
                true,
                true,
                true,
                AppealSubject.BILLING_ERROR,
                LocalDate.of(2025, 1, 1),
                null,
                null,
                false,
                false,
                false));

        assertThat(verdict.outcome()).isEqualTo(Outcome.REFUSE);
        assertThat(verdict.reasons())
                .extracting(Admissibility.Reason::code)
                .containsExactly("appeals.rule.feeDisputeTooOld", "appeals.rule.operatorNotContacted");
    }

    private static Admissibility.Facts with(boolean settled, boolean handledBefore, boolean elsewhere) {
        Admissibility.Facts f = admissible();
        return new Admissibility.Facts(
                f.hasRespondent(),
                f.hasRequest(),
                f.hasFacts(),
                f.subject(),
                f.occurredOn(),
                f.operatorContactedOn(),
                f.operatorAnsweredOn(),
                settled,
                handledBefore,
                elsewhere);
    }
}

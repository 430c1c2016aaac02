package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The disposal case of one number; it owns its state machine. */
@Table("antifraud_case")
record FraudCase(
        @Id Long id,
        String number,
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String carrier,
        BigDecimal score,
        String reasons,
        CaseStatus status,
        Instant detectedAt,
        Instant verificationDeadline,
        Instant updatedAt,
        @Version Integer version) {

    static FraudCase suspect(NewSuspect suspect, String provinceCode, String carrier, Instant now) {
        return new FraudCase(
                null,
                suspect.number(),
                suspect.operatorCreditCode(),
                suspect.operatorName(),
                provinceCode,
                carrier,
                suspect.score(),
                suspect.reasons(),
                CaseStatus.SUSPECTED,
                now,
                null,
                now,
                null);
    }

    /** A new detection: refreshes an open case's score, reopens a closed one. */
    FraudCase detectedAgain(NewSuspect suspect, Instant now) {
        return status.closed()
                ? rescored(suspect, CaseStatus.SUSPECTED, now, null, now)
                : rescored(suspect, status, detectedAt, verificationDeadline, now);
    }

    FraudCase confirm(Instant now, Duration verificationWindow) {
        require(CaseStatus.SUSPECTED);
        return with(CaseStatus.CONFIRMED, now.plus(verificationWindow), now);
    }

    FraudCase dismiss(Instant now) {
        require(CaseStatus.SUSPECTED);
        return with(CaseStatus.DISMISSED, null, now);
    }

    FraudCase verified(boolean passed, Instant now) {
        require(CaseStatus.CONFIRMED);
        return with(passed ? CaseStatus.CLEARED : CaseStatus.SUSPENDED, null, now);
    }

    /** The verification window ran out without the holder passing. */
    FraudCase expire(Instant now) {
        require(CaseStatus.CONFIRMED);
        if (verificationDeadline == null || now.isBefore(verificationDeadline)) {
            throw new IllegalStateException("the verification deadline of case " + id + " has not passed");
        }
        return with(CaseStatus.SUSPENDED, null, now);
    }

    FraudCase appeal(Instant now) {
        require(CaseStatus.SUSPENDED);
        return with(CaseStatus.APPEALED, null, now);
    }

    FraudCase decideAppeal(boolean upheld, Instant now) {
        require(CaseStatus.APPEALED);
        return with(upheld ? CaseStatus.RESTORED : CaseStatus.SUSPENDED, null, now);
    }

    private void require(CaseStatus expected) {
        if (status != expected) {
            throw new InvalidTransitionException(id, status, Set.of(expected));
        }
    }

    private FraudCase with(CaseStatus newStatus, Instant deadline, Instant now) {
        return new FraudCase(
                id,
                number,
                operatorCreditCode,
                operatorName,
                provinceCode,
                carrier,
                score,
                reasons,
                newStatus,
                detectedAt,
                deadline,
                now,
                version);
    }

    private FraudCase rescored(
            NewSuspect suspect, CaseStatus newStatus, Instant detected, Instant deadline, Instant now) {
        // A detection that names no operator (the streaming job reads every operator's records) leaves the
        // case with the operator that must verify the holder.
        boolean named = suspect.operatorCreditCode() != null;
        return new FraudCase(
                id,
                number,
                named ? suspect.operatorCreditCode() : operatorCreditCode,
                named ? suspect.operatorName() : operatorName,
                provinceCode,
                carrier,
                suspect.score(),
                suspect.reasons(),
                newStatus,
                detected,
                deadline,
                now,
                version);
    }

    FraudCaseView view() {
        return new FraudCaseView(
                id,
                number,
                operatorCreditCode,
                operatorName,
                provinceCode,
                carrier,
                score,
                reasons,
                status,
                detectedAt,
                verificationDeadline,
                updatedAt);
    }
}

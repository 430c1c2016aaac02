package org.telereg.platform.broadband;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A challenge as its readers see it.
 *
 * @param subject the month ({@code 2026-03}) of a speed challenge, the county ({@code 440305}) of a
 *     coverage challenge
 * @param subjectName the county's name for a coverage challenge, else the month
 * @param declaredFigure the declared mean download (Mbit/s) of a speed challenge; null for coverage
 * @param measuredFigure the measured mean download (Mbit/s), or for coverage the share of tests in
 *     percent (on 5G, or under the FTTH floor)
 * @param gapPercent how far the declaration exceeded the measurement; null for coverage
 * @param answerDue the last day the operator may concede or rebut
 * @param correctedFigure the figure the operator gave when conceding, if any
 */
public record ChallengeView(
        long id,
        ChallengeKind kind,
        String operatorCreditCode,
        String operatorName,
        String provinceCode,
        String provinceName,
        String subject,
        String subjectName,
        BigDecimal declaredFigure,
        BigDecimal measuredFigure,
        long testCount,
        BigDecimal gapPercent,
        Long reportId,
        ChallengeStatus status,
        LocalDate openedOn,
        LocalDate answerDue,
        Instant answeredAt,
        String statement,
        BigDecimal correctedFigure,
        Instant decidedAt,
        String decidedBy,
        String decisionReason) {

    public boolean coverage() {
        return kind == ChallengeKind.COVERAGE_5G || kind == ChallengeKind.COVERAGE_FTTH;
    }
}

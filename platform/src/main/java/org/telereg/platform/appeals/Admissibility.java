package org.telereg.platform.appeals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The admissibility rules of 电信用户申诉处理办法 (2016), applied to an appeal as entered: what the
 * administration must refuse, what goes back to the operator first, and why. Each reason is a message
 * key ({@code appeals.rule.*}) with the dates it depends on.
 */
final class Admissibility {

    /** Days the operator has to answer a complaint before the user may appeal. */
    static final int OPERATOR_DAYS = 15;
    /** A fee dispute older than this is not accepted. */
    static final int FEE_MONTHS = 5;
    /** Any other matter older than this is not accepted. */
    static final int OTHER_YEARS = 2;

    enum Outcome {
        ACCEPT,
        REFER_TO_OPERATOR,
        REFUSE;

        AppealStatus status() {
            return switch (this) {
                case ACCEPT -> AppealStatus.ACCEPTED;
                case REFER_TO_OPERATOR -> AppealStatus.REFERRED_TO_OPERATOR;
                case REFUSE -> AppealStatus.REFUSED;
            };
        }
    }

    /**
     * A reason, with the message key and its arguments (dates as {@code yyyy-MM-dd}).
     *
     * @param refuses whether it refuses the appeal outright (otherwise it refers it to the operator)
     */
    record Reason(String code, boolean refuses, List<String> arguments) {

        /** As stored: the code and its arguments, separated by {@code |}. */
        String stored() {
            return arguments.isEmpty() ? code : code + "|" + String.join("|", arguments);
        }
    }

    record Verdict(Outcome outcome, List<Reason> reasons) {}

    /** The facts the rules look at. */
    record Facts(
            boolean hasRespondent,
            boolean hasRequest,
            boolean hasFacts,
            AppealSubject subject,
            LocalDate occurredOn,
            LocalDate operatorContactedOn,
            LocalDate operatorAnsweredOn,
            boolean settled,
            boolean handledBefore,
            boolean elsewhere) {}

    private Admissibility() {}

    /** Every rule that applies on {@code today}; refusals outrank a referral back to the operator. */
    static Verdict check(Facts facts, LocalDate today) {
        List<Reason> reasons = new ArrayList<>();
        if (!facts.hasRespondent() || !facts.hasRequest() || !facts.hasFacts()) {
            List<String> missing = new ArrayList<>();
            if (!facts.hasRespondent()) {
                missing.add("respondent");
            }
            if (!facts.hasRequest()) {
                missing.add("request");
            }
            if (!facts.hasFacts()) {
                missing.add("facts");
            }
            reasons.add(new Reason("appeals.rule.incomplete", true, List.of(String.join(",", missing))));
        }
        if (facts.subject() != null && facts.occurredOn() != null) {
            if (facts.subject().category() == AppealSubject.Category.FEES) {
                LocalDate limit = today.minusMonths(FEE_MONTHS);
                if (facts.occurredOn().isBefore(limit)) {
                    reasons.add(new Reason(
                            "appeals.rule.feeDisputeTooOld",
                            true,
                            List.of(facts.occurredOn().toString(), limit.toString())));
                }
            } else {
                LocalDate limit = today.minusYears(OTHER_YEARS);
                if (facts.occurredOn().isBefore(limit)) {
                    reasons.add(new Reason(
                            "appeals.rule.tooOld",
                            true,
                            List.of(facts.occurredOn().toString(), limit.toString())));
                }
            }
        }
        if (facts.settled()) {
            reasons.add(new Reason("appeals.rule.settled", true, List.of()));
        }
        if (facts.handledBefore()) {
            reasons.add(new Reason("appeals.rule.handledBefore", true, List.of()));
        }
        if (facts.elsewhere()) {
            reasons.add(new Reason("appeals.rule.elsewhere", true, List.of()));
        }
        if (facts.operatorContactedOn() == null) {
            reasons.add(new Reason("appeals.rule.operatorNotContacted", false, List.of()));
        } else if (facts.operatorAnsweredOn() == null) {
            LocalDate mayAppeal = facts.operatorContactedOn().plusDays(OPERATOR_DAYS);
            if (today.isBefore(mayAppeal)) {
                reasons.add(new Reason(
                        "appeals.rule.operatorStillHasTime",
                        false,
                        List.of(facts.operatorContactedOn().toString(), mayAppeal.toString())));
            }
        }
        Outcome outcome = reasons.stream().anyMatch(Reason::refuses)
                ? Outcome.REFUSE
                : reasons.isEmpty() ? Outcome.ACCEPT : Outcome.REFER_TO_OPERATOR;
        return new Verdict(outcome, List.copyOf(reasons));
    }
}

package org.telereg.platform.appeals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.telereg.platform.shared.PersonNames;

/**
 * An appeal as the console shows it. The complainant's name and phone are in full: lists show {@link
 * #maskedName()} and {@link #maskedPhone()}, and reading the full record is audited.
 *
 * @param ruleOutcome what the admissibility rules conclude, as of the last check
 * @param ruleReasons the rules that applied, each a message key and its arguments
 * @param decisionReason the staff's reason, required when the decision departs from the rules
 * @param responseDeadline when the respondent operator must have responded to an accepted appeal
 * @param mediationRecord what happened in mediation
 * @param outcomeNote the settlement, or the advice on arbitration or court
 * @param rating the complainant's rating of the outcome, 1 to 5
 */
public record AppealView(
        long id,
        String trackingNumber,
        AppealChannel channel,
        String complainantName,
        String complainantPhone,
        String respondentCreditCode,
        String respondentName,
        String provinceCode,
        AppealSubject subject,
        String request,
        String facts,
        LocalDate occurredOn,
        LocalDate operatorContactedOn,
        OperatorContact operatorContact,
        String operatorAnswer,
        LocalDate operatorAnsweredOn,
        boolean settled,
        boolean handledBefore,
        boolean elsewhere,
        AppealStatus status,
        AppealStatus ruleOutcome,
        List<RuleReason> ruleReasons,
        String decisionReason,
        Instant receivedAt,
        LocalDate acceptanceDeadline,
        Instant decidedAt,
        String decidedBy,
        LocalDate answerDeadline,
        LocalDate responseDeadline,
        String responseText,
        Instant respondedAt,
        String respondedBy,
        String mediationRecord,
        Outcome outcome,
        String outcomeNote,
        Instant closedAt,
        String closedBy,
        Integer rating,
        String ratingComment) {

    /** A rule that applied: its message key ({@code appeals.rule.*}) and the values it names. */
    public record RuleReason(String code, List<String> arguments) {

        static RuleReason parse(String stored) {
            String[] parts = stored.split("\\|");
            return new RuleReason(parts[0], Arrays.asList(parts).subList(1, parts.length));
        }

        /** The arguments as an array, for {@code #messages.msgWithParams}. */
        public Object[] argumentArray() {
            return arguments.toArray();
        }
    }

    /** The name as lists show it: the family name and a star for each other character, e.g. 张*. */
    public String maskedName() {
        return PersonNames.mask(complainantName);
    }

    public String maskedPhone() {
        return complainantPhone == null || complainantPhone.length() < 7
                ? "****"
                : complainantPhone.substring(0, 3) + "****" + complainantPhone.substring(complainantPhone.length() - 4);
    }

    /**
     * The deadline the appeal is waiting on now: the administration's acceptance while received, the
     * operator's response once accepted, the administration's answer once the operator has responded.
     */
    public LocalDate currentDeadline() {
        return switch (status) {
            case RECEIVED -> acceptanceDeadline;
            case ACCEPTED -> responseDeadline == null ? answerDeadline : responseDeadline;
            case RESPONDED -> answerDeadline;
            default -> null;
        };
    }

    /** Whether the current deadline has passed. */
    public boolean overdue(LocalDate today) {
        LocalDate deadline = currentDeadline();
        return deadline != null && today.isAfter(deadline);
    }
}

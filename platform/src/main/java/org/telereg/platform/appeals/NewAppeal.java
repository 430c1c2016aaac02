package org.telereg.platform.appeals;

/**
 * An appeal as the user (or staff taking the call) enters it, every field as typed; dates as {@code
 * yyyy-MM-dd}, yes/no questions as {@code true}/{@code false}.
 *
 * @param respondentCode the code of the operator organisation appealed against
 * @param provinceCode the province whose administration handles it (where the operator served the user)
 * @param subject an {@link AppealSubject} name
 * @param occurredOn when the matter happened (for fees: the disputed bill's month start)
 * @param operatorContactedOn when the user complained to the operator; empty if not yet
 * @param operatorContact how, an {@link OperatorContact} name
 * @param operatorAnswer the operator's answer, empty if none
 * @param operatorAnsweredOn when it answered, empty if it did not
 * @param settled whether the matter was already settled and the settlement carried out
 * @param handledBefore whether an administration already handled the same appeal
 * @param elsewhere whether a court, an arbitration body or another agency has it
 */
public record NewAppeal(
        String complainantName,
        String complainantPhone,
        String respondentCode,
        String provinceCode,
        String subject,
        String request,
        String facts,
        String occurredOn,
        String operatorContactedOn,
        String operatorContact,
        String operatorAnswer,
        String operatorAnsweredOn,
        String settled,
        String handledBefore,
        String elsewhere) {

    /** An empty form. */
    public static NewAppeal blank() {
        return new NewAppeal(
                null, null, null, null, null, null, null, null, null, null, null, null, "false", "false", "false");
    }
}

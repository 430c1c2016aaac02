package org.telereg.platform.netsec;

import java.util.List;

/**
 * An assessment report as the form or the API gives it.
 *
 * @param kind an {@link AssessmentKind} name
 * @param assessor the assessing organisation
 * @param assessedOn the day of the assessment, {@code yyyy-MM-dd}, not in the future
 * @param findings its findings, possibly none
 */
public record AssessmentInput(
        String kind, String assessor, String assessedOn, String conclusion, List<FindingInput> findings) {

    public AssessmentInput {
        findings = findings == null ? List.of() : List.copyOf(findings);
    }
}

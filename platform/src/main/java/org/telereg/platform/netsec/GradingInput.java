package org.telereg.platform.netsec;

/**
 * A grading of a unit with its expert review, as the form or the API gives it.
 *
 * @param grade 1 to 5
 * @param impactObjects whose interests a breach of the unit would hurt (the grading rationale)
 * @param impactDegree how badly (the grading rationale)
 * @param reviewedOn the day of the expert review, {@code yyyy-MM-dd}, not in the future
 * @param experts the reviewing experts' names
 * @param reviewConclusion the review's conclusion
 */
public record GradingInput(
        String grade,
        String impactObjects,
        String impactDegree,
        String reviewedOn,
        String experts,
        String reviewConclusion) {}

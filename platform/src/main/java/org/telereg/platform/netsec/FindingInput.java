package org.telereg.platform.netsec;

/**
 * One finding of an assessment report as the API gives it (the console writes one per line).
 *
 * @param severity a {@link FindingSeverity} name
 * @param rectifyBy the rectification deadline, {@code yyyy-MM-dd}, not before the assessment
 */
public record FindingInput(String severity, String description, String rectifyBy) {}

package org.telereg.platform.netsec;

/**
 * A new test batch as typed in the console or sent to the API; dates {@code yyyy-MM-dd}.
 *
 * @param source the store or source the Apps are taken from
 */
public record AppCheckBatchForm(String name, String lab, String periodFrom, String periodTo, String source) {}

package org.telereg.platform.spam;

import java.time.Instant;

/**
 * A number or port was reported often enough to count as a likely fraud or spam source: the
 * anti-fraud module takes it into its suspects list.
 *
 * @param party the reported number or port
 * @param reports reports against it within the reputation window
 * @param fraudReports of those, reports of fraud SMS or calls
 * @param operatorCreditCode the operator responsible for it, when known
 * @param operatorName that operator's name
 */
public record SenderFlagged(
        String party, long reports, long fraudReports, String operatorCreditCode, String operatorName, Instant at) {}

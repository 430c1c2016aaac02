package org.telereg.platform.spam;

import java.time.Instant;

/**
 * A number or port was reported often enough to count as a likely fraud or spam source: the
 * anti-fraud module takes a subscriber number into its suspects list, and the credit module gives the
 * company a 106 port is allocated to a watch record.
 *
 * @param party the reported number, or the 106 port as allocated (its senders' extension digits left off)
 * @param reports reports against it within the reputation window
 * @param fraudReports of those, reports of fraud SMS or calls
 * @param operatorCreditCode the operator responsible for it, when known
 * @param operatorName that operator's name
 * @param holderCreditCode for a 106 SMS port, the company it is allocated to (for its credit record)
 * @param holderName that company's name
 */
public record SenderFlagged(
        String party,
        long reports,
        long fraudReports,
        String operatorCreditCode,
        String operatorName,
        String holderCreditCode,
        String holderName,
        Instant at) {}

package org.telereg.platform.numbering;

import java.time.LocalDate;

/**
 * The filters of the port-order list; null means any.
 *
 * @param operatorCreditCode orders where this operator is donor or recipient
 * @param number one number, exactly
 * @param from first day of submission (Beijing time)
 * @param to last day of submission
 */
public record PortOrderSearch(
        PortStatus status, String operatorCreditCode, String number, LocalDate from, LocalDate to) {}

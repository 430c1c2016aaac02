package org.telereg.platform.numbering;

import java.time.LocalDate;
import java.util.Optional;

/**
 * What number portability needs from real-name registration, declared here so that {@code numbering}
 * does not depend on the module that keeps the registrations (which depends, through others, on this
 * one). The real-name module implements it.
 */
public interface SubscriberRegister {

    /**
     * The registration of a number at an operator, from that operator's latest snapshot.
     *
     * @param operatorCreditCode the operator's unified social credit code
     * @param number the 11-digit national number
     */
    Optional<Registration> registration(String operatorCreditCode, String number);

    /**
     * Whether a name and a document number are those the number is registered under at the operator.
     * Compares keyed hashes only; the raw values are neither stored nor logged.
     */
    boolean holderMatches(String operatorCreditCode, String number, String name, String documentNumber);

    /**
     * A number's registration as portability sees it.
     *
     * @param normal whether the number's status is normal (正常), not suspended or cancelled
     * @param activatedOn the day the number was activated for its current holder
     */
    record Registration(boolean normal, LocalDate activatedOn) {}
}

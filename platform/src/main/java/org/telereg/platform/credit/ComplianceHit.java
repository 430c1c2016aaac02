package org.telereg.platform.credit;

import java.util.List;

/**
 * One finding of the compliance gate, with its evidence.
 *
 * @param check the check that found it, e.g. {@code dishonest-list}, {@code annual-report}
 * @param severity whether it blocks the grant
 * @param party who it concerns
 * @param code the message key that explains it
 * @param arguments the message's arguments
 * @param evidence the record it rests on, in words (a list entry's reason and date, a report year)
 * @param link where the evidence can be read in the console, or {@code null}
 */
public record ComplianceHit(
        String check,
        Severity severity,
        GateParty party,
        String code,
        List<String> arguments,
        String evidence,
        String link) {

    public enum Severity {
        /** The grant may not be made while this stands. */
        BLOCK,
        /** The regulator should weigh it; it does not stop the grant by itself. */
        WARN
    }

    public ComplianceHit {
        arguments = List.copyOf(arguments);
    }

    public boolean blocks() {
        return severity == Severity.BLOCK;
    }
}

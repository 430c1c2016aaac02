package org.telereg.platform.filing;

import java.util.List;

/**
 * What the resolver said about one name, A and AAAA together.
 *
 * @param outcome resolved, no such name, the name exists with no address, or no answer at all
 * @param addresses the addresses in canonical text (IPv4 and IPv6), empty unless resolved
 */
public record DnsAnswer(Outcome outcome, List<String> addresses) {

    public enum Outcome {
        RESOLVED,
        NXDOMAIN,
        NO_ADDRESS,
        FAILED
    }

    public DnsAnswer {
        addresses = List.copyOf(addresses);
    }

    /** Whether the answer says the name does not resolve (a failure to ask says nothing). */
    public boolean doesNotResolve() {
        return outcome == Outcome.NXDOMAIN || outcome == Outcome.NO_ADDRESS;
    }
}

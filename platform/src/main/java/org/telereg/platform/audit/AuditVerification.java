package org.telereg.platform.audit;

import java.util.List;

/**
 * The outcome of recomputing the hash chain.
 *
 * @param checked how many rows were read
 * @param breaks every place the chain does not hold, in log order; empty when intact
 */
public record AuditVerification(long checked, List<Break> breaks) {

    public boolean intact() {
        return breaks.isEmpty();
    }

    /**
     * One broken link.
     *
     * @param seq the row at which the chain stops holding
     * @param reason {@code content-altered}, {@code link-broken}, {@code row-missing} or {@code tail-missing}
     */
    public record Break(long seq, String reason) {}
}

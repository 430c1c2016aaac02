package org.telereg.platform.credit;

import java.time.Instant;
import java.util.List;

/** What the compliance gate found, and when it looked. */
public record GateResult(List<ComplianceHit> hits, Instant checkedAt) {

    public GateResult {
        hits = List.copyOf(hits);
    }

    /** Whether any finding stops the grant. */
    public boolean blocked() {
        return hits.stream().anyMatch(ComplianceHit::blocks);
    }
}

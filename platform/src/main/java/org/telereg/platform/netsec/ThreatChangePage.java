package org.telereg.platform.netsec;

import java.util.List;

/**
 * A page of the distribution feed.
 *
 * @param changes the changes after the cursor asked for, oldest first
 * @param nextCursor the cursor to ask with next: the last change's, or the one asked with when none
 * @param more whether more changes follow now (poll again at once rather than after the interval)
 */
public record ThreatChangePage(List<ThreatChange> changes, long nextCursor, boolean more) {

    public ThreatChangePage {
        changes = List.copyOf(changes);
    }
}

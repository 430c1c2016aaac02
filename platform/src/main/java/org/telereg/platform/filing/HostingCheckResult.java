package org.telereg.platform.filing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * One check of one provider.
 *
 * @param runId the stored run
 * @param providerCreditCode the provider checked
 * @param entries hosted entries checked
 * @param entriesWithFindings hosted entries with at least one finding
 * @param accuracy share of hosted entries with no finding (0..1), null when the list is empty
 * @param dnsChecked whether the filed domains were resolved (DNS checks on)
 * @param counts findings by kind
 * @param findings the findings (the first {@code LIMIT})
 * @param tasksOpened tasks this run opened (a finding that already has a task opens none)
 * @param tasksResolved tasks this run closed because it no longer made their finding
 */
public record HostingCheckResult(
        long runId,
        String providerCreditCode,
        int entries,
        int entriesWithFindings,
        BigDecimal accuracy,
        boolean dnsChecked,
        Map<HostingFindingKind, Integer> counts,
        List<HostingFindingView> findings,
        int tasksOpened,
        int tasksResolved) {

    /** How many findings a result carries; the tasks hold them all. */
    public static final int LIMIT = 500;

    public HostingCheckResult {
        counts = Map.copyOf(counts);
        findings = List.copyOf(findings);
    }

    public int findingCount() {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}

package org.telereg.platform.filing;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of access-provider supervision ({@code telereg.filing.supervision.*});
 * docs/filing-supervision.md explains each rule.
 *
 * @param maxBytes the largest hosted-list file accepted
 * @param maxEntries the most entries one hosted list may hold
 * @param maxErrors how many refused lines an upload lists (the first ones)
 * @param providerTaskDays working days a provider has to answer a finding (unfiled site, wrong provider, …)
 * @param provinceTaskDays working days a reviewing administration has to cancel or re-file a stale filing
 * @param overdueTasks a provider with this many overdue tasks or more is put on the watch list
 * @param accuracyThreshold a check run whose accuracy (share of hosted entries with no finding) is below
 *     this counts as a low run
 * @param lowRuns a provider whose last this-many runs were all low is put on the watch list
 * @param lapsedDays a lapsed filing whose access was withdrawn more than this many days ago is stale
 * @param maxEvidenceFiles how many files one answer to a task may attach
 * @param maxEvidenceBytes the largest evidence file accepted
 */
@ConfigurationProperties("telereg.filing.supervision")
public record HostingSettings(
        @DefaultValue("67108864") long maxBytes,
        @DefaultValue("2000000") int maxEntries,
        @DefaultValue("200") int maxErrors,
        @DefaultValue("5") int providerTaskDays,
        @DefaultValue("20") int provinceTaskDays,
        @DefaultValue("3") int overdueTasks,
        @DefaultValue("0.9") BigDecimal accuracyThreshold,
        @DefaultValue("3") int lowRuns,
        @DefaultValue("30") int lapsedDays,
        @DefaultValue("5") int maxEvidenceFiles,
        @DefaultValue("10485760") long maxEvidenceBytes) {}

package org.telereg.platform.netsec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of threat intelligence ({@code telereg.netsec.threats.*}); docs/netsec-threats.md.
 *
 * @param taskDays working days an access provider has to answer a task once it opens
 * @param maxRows the most indicators one file or batch may hold
 * @param maxBytes the largest indicator file accepted
 * @param maxErrors how many refused lines an import lists (the first ones)
 * @param matchCron when the whole list is matched against the register again (new filings, changed
 *     addresses)
 */
@ConfigurationProperties("telereg.netsec.threats")
public record ThreatSettings(
        @DefaultValue("3") int taskDays,
        @DefaultValue("50000") int maxRows,
        @DefaultValue("10485760") long maxBytes,
        @DefaultValue("200") int maxErrors,
        @DefaultValue("0 30 3 * * *") String matchCron) {}

package org.telereg.platform.netsec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of incidents and their response ({@code telereg.netsec.incident.*}); docs/netsec-incidents.md
 * explains each. Each threshold is the least figure of its level (特别重大 I, 重大 II, 较大 III, 一般 IV);
 * below the level-IV figure an incident is recorded but not graded.
 *
 * @param leakI users whose personal data leaked for level I (10^8, per the 2017 plan)
 * @param leakII for level II (10^7)
 * @param leakIII for level III (10^6)
 * @param leakIV for level IV (10^5)
 * @param outageNationwideProvinces an outage reaching this many provinces counts as nationwide (I)
 * @param outageSeveralProvinces an outage reaching this many provinces counts as several provinces (II)
 * @param outageProvinceCities an outage in one province reaching this many of its cities counts as
 *     province-wide (III); fewer is one city (IV)
 * @param usersI users affected for level I of the other types (DNS failure, malware, attack, other)
 * @param usersII for level II
 * @param usersIII for level III
 * @param usersIV for level IV
 * @param attachmentsDir where attachments are kept, by content hash
 * @param attachmentMaxBytes the largest attachment accepted (images and PDF only)
 */
@ConfigurationProperties("telereg.netsec.incident")
public record IncidentSettings(
        @DefaultValue("100000000") long leakI,
        @DefaultValue("10000000") long leakII,
        @DefaultValue("1000000") long leakIII,
        @DefaultValue("100000") long leakIV,
        @DefaultValue("10") int outageNationwideProvinces,
        @DefaultValue("2") int outageSeveralProvinces,
        @DefaultValue("2") int outageProvinceCities,
        @DefaultValue("10000000") long usersI,
        @DefaultValue("1000000") long usersII,
        @DefaultValue("100000") long usersIII,
        @DefaultValue("10000") long usersIV,
        @DefaultValue("data/netsec") String attachmentsDir,
        @DefaultValue("10485760") long attachmentMaxBytes) {}

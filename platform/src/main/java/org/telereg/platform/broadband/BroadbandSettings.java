package org.telereg.platform.broadband;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the broadband module ({@code telereg.broadband.*}).
 *
 * @param maxBytes the largest speed-test file accepted in one upload
 * @param maxListed how many rejected rows and how many exclusions an import report lists (the first
 *     ones in the file; the counts cover all)
 * @param demoMeasurements how many tests the demo data set generates per province, operator and month
 */
@ConfigurationProperties("telereg.broadband")
record BroadbandSettings(
        @DefaultValue("67108864") long maxBytes,
        @DefaultValue("100") int maxListed,
        @DefaultValue("4") int demoMeasurements) {}

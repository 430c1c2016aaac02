package org.telereg.platform.antifraud;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Disposal rules ({@code telereg.antifraud.*}).
 *
 * @param verificationWindow how long an operator has for the second real-person verification of a
 *     confirmed number before it is suspended (24 hours by the 2022 anti-fraud rules)
 * @param blocklistPageSize the most changes one blocklist request returns
 */
@ConfigurationProperties("telereg.antifraud")
record FraudDisposalSettings(
        @DefaultValue("24h") Duration verificationWindow,
        @DefaultValue("1000") int blocklistPageSize) {}

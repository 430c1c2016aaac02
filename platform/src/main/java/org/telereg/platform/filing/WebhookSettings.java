package org.telereg.platform.filing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How filing change webhooks are delivered ({@code telereg.filing.webhooks.*});
 * docs/filing-query-api.md explains each.
 *
 * @param dispatchInterval how long the dispatcher waits between rounds (also read by its schedule)
 * @param maxAttempts attempts of one delivery before it is FAILED
 * @param firstRetry the wait after the first failed attempt; each further failure doubles it
 * @param timeout how long connecting and waiting for the receiver's answer may take
 * @param suspendAfter a subscription whose every delivery has failed for this long is suspended
 * @param allowLoopback whether URLs on 127.0.0.1 / ::1 / localhost are accepted (over http too): for
 *     tests and a receiver on the same host, never in production
 * @param allowPrivateAddresses whether URLs resolving to private, link-local or other internal
 *     addresses are accepted (a government network whose receivers sit on private addresses)
 * @param batchSize the most deliveries one dispatcher round attempts
 * @param maxPerOrganisation the most subscriptions one organisation may hold
 */
@ConfigurationProperties("telereg.filing.webhooks")
public record WebhookSettings(
        @DefaultValue("PT30S") Duration dispatchInterval,
        @DefaultValue("8") int maxAttempts,
        @DefaultValue("PT1M") Duration firstRetry,
        @DefaultValue("PT10S") Duration timeout,
        @DefaultValue("P3D") Duration suspendAfter,
        @DefaultValue("false") boolean allowLoopback,
        @DefaultValue("false") boolean allowPrivateAddresses,
        @DefaultValue("200") int batchSize,
        @DefaultValue("20") int maxPerOrganisation) {

    /** The wait after the given number of failed attempts: 1, 2, 4, 8 … times {@link #firstRetry}. */
    public Duration backoff(int failedAttempts) {
        return firstRetry.multipliedBy(1L << Math.min(Math.max(failedAttempts - 1, 0), 20));
    }
}

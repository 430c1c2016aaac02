package org.telereg.platform.access;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code telereg.access.*}).
 *
 * @param maxFailedLogins consecutive wrong passwords before an account locks
 * @param lockout how long a locked account stays locked
 * @param publicRequestsPerMinute requests one client address may make to the public portal and
 *     public API per minute before it gets 429
 * @param metricsAllowedFrom addresses (CIDR) that may scrape /actuator/prometheus without login
 * @param tokenValidity how long a new API token is valid
 */
@ConfigurationProperties("telereg.access")
public record AccessSettings(
        @DefaultValue("5") int maxFailedLogins,
        @DefaultValue("15m") Duration lockout,
        @DefaultValue("120") int publicRequestsPerMinute,
        @DefaultValue({"127.0.0.1/32", "::1/128"}) List<String> metricsAllowedFrom,
        @DefaultValue("365d") Duration tokenValidity) {}

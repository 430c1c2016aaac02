package org.telereg.platform.filing;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where filed domains are resolved ({@code telereg.filing.dns.*}). With no server the DNS checks are
 * off: the demo and a fresh machine run offline, and the pages say the checks are off.
 *
 * @param servers resolvers as {@code host} or {@code host:port} ({@code [v6]:port} for IPv6); tried in turn
 * @param timeout how long one query waits for its answer
 * @param concurrency how many queries may be in flight at once
 */
@ConfigurationProperties("telereg.filing.dns")
public record DnsSettings(
        @DefaultValue List<String> servers,
        @DefaultValue("3s") Duration timeout,
        @DefaultValue("32") int concurrency) {

    public DnsSettings {
        servers = servers == null
                ? List.of()
                : servers.stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
        if (concurrency < 1) {
            throw new IllegalArgumentException("telereg.filing.dns.concurrency must be at least 1");
        }
    }

    public boolean enabled() {
        return !servers.isEmpty();
    }
}

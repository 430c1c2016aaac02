package org.telereg.platform.netsec;

/**
 * One indicator as a CSV line or an API batch item gives it, every field as text so each is checked
 * and named when refused. Dates are {@code yyyy-MM-dd}; {@code firstSeen} defaults to today and
 * {@code lastSeen} to {@code firstSeen}; {@code expiresOn} is optional.
 */
public record NewThreatIndicator(
        String kind,
        String indicator,
        String source,
        String confidence,
        String category,
        String firstSeen,
        String lastSeen,
        String expiresOn) {}

package org.telereg.platform.access;

import java.time.Instant;

/** An API token as the console lists it: never the secret, only its first characters. */
public record ApiTokenView(
        long id,
        long organisationId,
        String organisationName,
        String name,
        String prefix,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        Instant lastUsedAt) {

    public boolean active(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }
}

package org.telereg.platform.access;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("access_api_token")
record ApiToken(
        @Id Long id,
        long organisationId,
        String name,
        String tokenPrefix,
        String tokenHash,
        String createdBy,
        Instant createdAt,
        Instant expiresAt,
        Instant revokedAt,
        String revokedBy,
        Instant lastUsedAt) {

    boolean usableAt(Instant now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    ApiToken revoked(String by, Instant at) {
        return new ApiToken(
                id, organisationId, name, tokenPrefix, tokenHash, createdBy, createdAt, expiresAt, at, by, lastUsedAt);
    }
}

package org.telereg.platform.access;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Table;

@Table("access_user")
record UserAccount(
        @Id Long id,
        String username,
        String passwordHash,
        String displayName,
        long organisationId,
        Role role,
        boolean enabled,
        int failedAttempts,
        Instant lockedUntil,
        Instant createdAt) {

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    UserAccount withFailedAttempt(int maxAttempts, Instant now, java.time.Duration lockout) {
        int attempts = failedAttempts + 1;
        Instant until = attempts >= maxAttempts ? now.plus(lockout) : lockedUntil;
        return new UserAccount(
                id,
                username,
                passwordHash,
                displayName,
                organisationId,
                role,
                enabled,
                attempts >= maxAttempts ? 0 : attempts,
                until,
                createdAt);
    }

    UserAccount withEnabled(boolean value) {
        return new UserAccount(
                id,
                username,
                passwordHash,
                displayName,
                organisationId,
                role,
                value,
                failedAttempts,
                lockedUntil,
                createdAt);
    }

    UserAccount withSuccessfulLogin() {
        return new UserAccount(
                id, username, passwordHash, displayName, organisationId, role, enabled, 0, null, createdAt);
    }
}

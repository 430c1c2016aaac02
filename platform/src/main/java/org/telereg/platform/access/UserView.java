package org.telereg.platform.access;

import java.time.Instant;

/** A console user as the user list shows it (never the password hash). */
public record UserView(
        long id,
        String username,
        String displayName,
        Role role,
        long organisationId,
        String organisationName,
        boolean enabled,
        Instant lockedUntil) {}

package org.telereg.platform.access;

import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * Who is acting: a signed-in user or an operator system presenting an API token.
 *
 * @param username the login name, or {@code token:<prefix>} for an API token
 * @param displayName the person's or token's name
 * @param role the role that decides what the actor may do
 * @param organisationId the organisation the actor belongs to
 * @param organisationName that organisation's name, for display and the audit log
 * @param scope which records the actor may see
 */
public record Actor(
        String username, String displayName, Role role, long organisationId, String organisationName, DataScope scope)
        implements AuthenticatedPrincipal {

    /** The actor of work the platform does by itself (demo data, scheduled jobs, the command line). */
    public static Actor system() {
        return new Actor("system", "系统", Role.MINISTRY_ADMIN, 0, "TeleReg", DataScope.all());
    }

    /**
     * The name Spring Security reports for an API token's authentication, and so the name the audit
     * log records: the username, not the whole record.
     */
    @Override
    public String getName() {
        return username;
    }
}

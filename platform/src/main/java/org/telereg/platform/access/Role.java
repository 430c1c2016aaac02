package org.telereg.platform.access;

/** The roles of ARCHITECTURE.md; the data scope of each follows from the user's organisation. */
public enum Role {
    MINISTRY_ADMIN,
    MINISTRY_OFFICER,
    PROVINCIAL_OFFICER,
    OPERATOR,
    ACCESS_PROVIDER,
    AUDITOR;

    /** The Spring Security authority, {@code ROLE_} + name. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether this role may change records (an auditor only reads). */
    public boolean writes() {
        return this != AUDITOR;
    }
}

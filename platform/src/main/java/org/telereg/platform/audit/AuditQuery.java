package org.telereg.platform.audit;

import java.time.LocalDate;

/** Filters of the audit log page; every field is optional. */
public record AuditQuery(
        String module, String actor, String entityType, String entityId, String action, LocalDate from, LocalDate to) {

    public static AuditQuery everything() {
        return new AuditQuery(null, null, null, null, null, null, null);
    }
}

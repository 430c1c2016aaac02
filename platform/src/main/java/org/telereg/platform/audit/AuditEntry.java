package org.telereg.platform.audit;

import java.time.Instant;

/** One row of the audit log as stored. */
public record AuditEntry(
        long seq,
        Instant occurredAt,
        String actor,
        String module,
        String entityType,
        String entityId,
        String action,
        String before,
        String after,
        String prevHash,
        String hash) {}

package org.telereg.platform.audit;

import java.time.Instant;

/**
 * A module changed the state of one of its records. Published through {@link AuditTrail} inside
 * the changing transaction, so the event is stored with the change and appended to the log after
 * the commit, even across a restart.
 *
 * @param occurredAt when the change happened
 * @param actor the user name, {@code token:<prefix>} for an API token, or {@code system}
 * @param module the module that owns the record, e.g. {@code entity}
 * @param entityType the kind of record, e.g. {@code Company}
 * @param entityId the record's id
 * @param action what happened, e.g. {@code created}, {@code updated}, {@code revoked}
 * @param before the record before the change as JSON, null when created
 * @param after the record after the change as JSON, null when deleted
 */
public record StateChanged(
        Instant occurredAt,
        String actor,
        String module,
        String entityType,
        String entityId,
        String action,
        String before,
        String after) {}

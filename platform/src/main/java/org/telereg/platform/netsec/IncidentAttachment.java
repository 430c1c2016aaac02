package org.telereg.platform.netsec;

import java.time.Instant;

/** A file attached to an incident (an image or a PDF). */
public record IncidentAttachment(
        long id,
        long incidentId,
        String fileName,
        String contentType,
        long sizeBytes,
        String uploadedBy,
        Instant uploadedAt) {}

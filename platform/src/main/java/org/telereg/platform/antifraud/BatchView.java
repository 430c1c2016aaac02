package org.telereg.platform.antifraud;

import java.time.Instant;

/** An uploaded batch of call records and its scan. */
public record BatchView(
        long id,
        String operatorName,
        String batchId,
        String fileName,
        long sizeBytes,
        BatchStatus status,
        int progress,
        Long rows,
        Long badRows,
        Long subscribers,
        Long flagged,
        String message,
        String uploadedBy,
        Instant uploadedAt,
        Instant finishedAt) {}

package org.telereg.platform.filing;

import java.time.Instant;

/**
 * A file attached to a task's answer.
 *
 * @param id its id within the task's attachments
 * @param fileName the uploader's name for it, without path
 * @param contentType the media type told from its content
 * @param sizeBytes its size
 * @param uploadedBy who attached it
 * @param uploadedAt when
 */
public record FilingTaskAttachment(
        long id, String fileName, String contentType, long sizeBytes, String uploadedBy, Instant uploadedAt) {}

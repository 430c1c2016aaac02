package org.telereg.platform.spam;

/** A screenshot attached to a report. */
public record AttachmentView(long id, long reportId, String fileName, String contentType, long sizeBytes) {}

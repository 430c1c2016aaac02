package org.telereg.platform.appeals;

/** An attached file as the appeal page lists it. */
public record EvidenceView(long id, String fileName, String contentType, long sizeBytes) {}

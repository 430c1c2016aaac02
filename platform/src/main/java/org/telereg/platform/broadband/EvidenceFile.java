package org.telereg.platform.broadband;

/** A stored evidence file of a rebuttal. */
public record EvidenceFile(long id, String fileName, String contentType, long sizeBytes) {}

package org.telereg.platform.broadband;

/** A file the operator attaches to a rebuttal, as uploaded. */
public record ChallengeEvidence(String fileName, byte[] bytes) {}

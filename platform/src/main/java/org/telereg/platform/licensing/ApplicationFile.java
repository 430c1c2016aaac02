package org.telereg.platform.licensing;

/** A file attached to an application (business licence scan, technical plan, undertakings). */
public record ApplicationFile(String fileName, byte[] bytes) {}

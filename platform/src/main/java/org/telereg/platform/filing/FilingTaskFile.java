package org.telereg.platform.filing;

/**
 * A file the assignee attaches to its answer, as uploaded.
 *
 * @param fileName the name the uploader's system gave it (kept without its path)
 * @param bytes its content
 */
public record FilingTaskFile(String fileName, byte[] bytes) {}

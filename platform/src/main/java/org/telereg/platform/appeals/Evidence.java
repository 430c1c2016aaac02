package org.telereg.platform.appeals;

/**
 * A file attached to an appeal as uploaded: its name as the browser sent it and its bytes.
 *
 * @param fileName the uploaded file's name, not trusted
 */
public record Evidence(String fileName, byte[] bytes) {}

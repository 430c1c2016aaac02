package org.telereg.platform.spam;

import java.nio.file.Path;

/** A stored screenshot as it is served: its checked content type and its file. */
public record ScreenshotFile(String contentType, Path file) {}

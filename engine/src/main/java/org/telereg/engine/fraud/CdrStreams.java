package org.telereg.engine.fraud;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/** Opens an input file, plain or gzip, telling them apart by content rather than by name. */
final class CdrStreams {

    private CdrStreams() {}

    /** The file's bytes, decompressed when it is gzip. */
    static InputStream open(Path file) throws IOException {
        return decompressed(Files.newInputStream(file));
    }

    /** The stream's bytes, decompressed when it starts with gzip's magic number. */
    static InputStream decompressed(InputStream raw) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(raw, 1 << 16);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        // gzip's magic number; a CSV never starts with these two bytes.
        if (first == 0x1F && second == 0x8B) {
            return new GZIPInputStream(buffered, 1 << 16);
        }
        return buffered;
    }
}

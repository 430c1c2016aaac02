package org.telereg.engine.fraud;

/** Receives progress while an input file is read; called from the reading thread, at most every few MB. */
@FunctionalInterface
public interface ScanProgress {

    /**
     * @param kind {@code calls}, {@code sms} or {@code users}
     * @param bytesRead bytes of the file read so far (compressed bytes for gzip)
     * @param totalBytes size of the file
     */
    void update(String kind, long bytesRead, long totalBytes);
}

package org.telereg.platform.netsec;

import java.util.List;
import org.telereg.platform.shared.LineError;

/**
 * What an import of indicators did: all of them, or none when any line was refused.
 *
 * @param accepted whether the indicators were stored
 * @param charset how a file was read ({@code UTF-8} or {@code GB18030}); null for an API batch
 * @param added indicators new to the list, or listed again after a withdrawal or expiry
 * @param updated indicators already listed whose details changed
 * @param unchanged indicators already listed exactly so
 * @param repeated lines that repeat an earlier line of the same import exactly (skipped)
 * @param tasksOpened tasks the matching against filings opened for the stored indicators
 * @param errors the refused lines, by line number (an API batch counts its items from 1)
 */
public record ThreatImportResult(
        boolean accepted,
        String charset,
        int added,
        int updated,
        int unchanged,
        int repeated,
        int tasksOpened,
        List<LineError> errors) {

    public ThreatImportResult {
        errors = List.copyOf(errors);
    }

    static ThreatImportResult rejected(String charset, List<LineError> errors) {
        return new ThreatImportResult(false, charset, 0, 0, 0, 0, 0, errors);
    }
}

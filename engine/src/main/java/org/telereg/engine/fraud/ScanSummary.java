package org.telereg.engine.fraud;

import java.io.PrintStream;
import java.util.Locale;

/** How the commands report what they read. */
final class ScanSummary {

    /** Inputs above this size print progress every tenth. */
    private static final long PROGRESS_FROM_BYTES = 64L << 20;

    private ScanSummary() {}

    static ScanProgress progress(PrintStream out, CdrFiles files) {
        long total = size(files.calls()) + size(files.sms()) + size(files.users());
        if (total < PROGRESS_FROM_BYTES) {
            return null;
        }
        long[] lastTenth = {-1};
        String[] lastKind = {""};
        return (kind, read, size) -> {
            long tenth = size == 0 ? 10 : read * 10 / size;
            if (!kind.equals(lastKind[0])) {
                lastKind[0] = kind;
                lastTenth[0] = -1;
            }
            if (tenth != lastTenth[0]) {
                lastTenth[0] = tenth;
                out.printf(
                        Locale.ROOT,
                        "reading %s: %d%% (%s of %s)%n",
                        kind,
                        tenth * 10,
                        megabytes(read),
                        megabytes(size));
            }
        };
    }

    private static long size(java.nio.file.Path file) {
        try {
            return file == null ? 0 : java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }

    static void inputs(PrintStream out, FeatureExtraction extraction) {
        for (InputReport report : extraction.inputs()) {
            out.printf(
                    Locale.ROOT,
                    "%-5s %s: %,d rows, %,d bad, %s%n",
                    report.kind(),
                    report.file(),
                    report.rows(),
                    report.badRows(),
                    megabytes(report.bytes()));
            if (report.badRows() > 0) {
                out.printf(
                        Locale.ROOT,
                        "  bad rows (%s):%n",
                        report.firstBadRows().size() < report.badRows()
                                ? "first " + report.firstBadRows().size() + " of " + report.badRows()
                                : "all " + report.badRows());
                for (BadRow row : report.firstBadRows()) {
                    out.println("    " + row);
                }
            }
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0);
    }

    /** A CSV field, quoted when it holds a comma, quote or line break. */
    static String csv(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}

package org.telereg.engine.broadband;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/** Counts what a reader makes of each record, checks plausibility and hands accepted measurements on. */
final class ImportTally {

    private static final int SNIPPET = 120;

    private final MeasurementFormat format;
    private final Path file;
    private final ImportSettings settings;
    private final Consumer<Measurement> sink;
    private final LocalDateTime now;
    private final Map<Implausibility, Long> excludedByReason = new EnumMap<>(Implausibility.class);
    private final List<RejectedRow> firstRejected = new ArrayList<>();
    private final List<Exclusion> firstExcluded = new ArrayList<>();
    private long records;
    private long accepted;
    private long rejected;
    private long excluded;

    ImportTally(MeasurementFormat format, Path file, ImportSettings settings, Consumer<Measurement> sink) {
        this(format, file, settings, sink, LocalDateTime.now(settings.clock().withZone(settings.zone())));
    }

    /** A tally judging future times against {@code now}: the stretches of one file read in parallel share one. */
    ImportTally(
            MeasurementFormat format,
            Path file,
            ImportSettings settings,
            Consumer<Measurement> sink,
            LocalDateTime now) {
        this.format = format;
        this.file = file;
        this.settings = settings;
        this.sink = sink;
        this.now = now;
    }

    ImportSettings settings() {
        return settings;
    }

    /** The importer's local time, against which future test times are judged. */
    LocalDateTime now() {
        return now;
    }

    /** Counts a record a reader found plausible itself and handed on without building a {@link Measurement}. */
    void accepted() {
        records++;
        accepted++;
    }

    /**
     * Adds what {@code part} counted and listed, its line numbers moved by {@code lineOffset}; parts are absorbed
     * in file order, so the first rows listed are the file's first.
     */
    void absorb(ImportTally part, long lineOffset) {
        records += part.records;
        accepted += part.accepted;
        rejected += part.rejected;
        excluded += part.excluded;
        part.excludedByReason.forEach((reason, count) -> excludedByReason.merge(reason, count, Long::sum));
        for (RejectedRow row : part.firstRejected) {
            if (firstRejected.size() < settings.maxListed()) {
                firstRejected.add(new RejectedRow(row.line() + lineOffset, row.problem(), row.text()));
            }
        }
        for (Exclusion exclusion : part.firstExcluded) {
            if (firstExcluded.size() < settings.maxListed()) {
                firstExcluded.add(new Exclusion(exclusion.line() + lineOffset, exclusion.reason(), exclusion.detail()));
            }
        }
    }

    void reject(long line, String problem, String text) {
        records++;
        rejected++;
        if (firstRejected.size() < settings.maxListed()) {
            String snippet = text.length() <= SNIPPET ? text : text.substring(0, SNIPPET);
            firstRejected.add(new RejectedRow(line, problem, snippet));
        }
    }

    void offer(long line, Measurement measurement) {
        records++;
        Optional<PlausibilityLimits.Finding> finding = settings.limits().check(measurement, now);
        if (finding.isPresent()) {
            excluded++;
            excludedByReason.merge(finding.get().reason(), 1L, Long::sum);
            if (firstExcluded.size() < settings.maxListed()) {
                firstExcluded.add(new Exclusion(
                        line, finding.get().reason(), finding.get().detail()));
            }
            return;
        }
        accepted++;
        sink.accept(measurement);
    }

    ImportReport report(String charset, List<String> ignoredColumns) {
        return new ImportReport(
                format,
                file,
                charset,
                records,
                accepted,
                rejected,
                excluded,
                excludedByReason,
                firstRejected,
                firstExcluded,
                ignoredColumns);
    }
}

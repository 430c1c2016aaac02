package org.telereg.engine.broadband;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Reads speed-measurement files one record at a time and hands each plausible measurement to a consumer (usually a
 * {@link SpeedAggregation}), so memory does not grow with the file. Every record ends up accepted, rejected with the
 * field that is wrong, or excluded with an {@link Implausibility}; the {@link ImportReport} counts all three.
 *
 * <p>A file that cannot be read as a whole (empty, another format, JSON that is not well-formed) throws {@link
 * MeasurementFormatException}. A CSV is refused at its header, before any measurement is handed on; a JSON file
 * holding several results may have handed on the results before the broken one, so a caller that stores
 * measurements stores them in one transaction per file.
 */
public final class MeasurementFiles {

    private MeasurementFiles() {}

    /**
     * Reads a generic measurement CSV in UTF-8 or GBK (detected). Columns are found by name in any order: {@code
     * time} and {@code download_mbps} are required; {@code division}, {@code operator}, {@code technology}, {@code
     * upload_mbps}, {@code latency_ms}, {@code loss} and {@code plan_mbps} are optional, and each has English and
     * Chinese aliases (docs/broadband-measurement.md).
     *
     * @throws MeasurementFormatException when the file is empty or its header lacks a required column
     */
    public static ImportReport readCsv(Path file, ImportSettings settings, Consumer<Measurement> sink)
            throws IOException {
        return CsvMeasurementReader.read(file, Objects.requireNonNull(settings), Objects.requireNonNull(sink));
    }

    /**
     * Reads a generic measurement CSV as {@link #readCsv(Path, ImportSettings, Consumer)} does, into {@code
     * aggregations}, on {@code threads} threads: the rows after the header are cut at line ends into stretches
     * that these threads parse in parallel, and the calling thread feeds the parsed rows to the aggregations in
     * file order. The report (counts, the first rows listed with their line numbers) and every figure of the
     * aggregations are the same as one thread's and as {@code readCsv(file, settings, first.andThen(second)…)},
     * whatever the number of threads. A file of about a megabyte or less is read on the calling thread alone.
     *
     * @param threads how many threads parse; 1 reads on the calling thread
     * @param aggregations filled with the accepted measurements (each sees all of them)
     * @throws MeasurementFormatException when the file is empty or its header lacks a required column
     * @throws IllegalArgumentException when {@code threads} is below 1
     */
    public static ImportReport readCsv(
            Path file, ImportSettings settings, int threads, List<SpeedAggregation> aggregations) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        return CsvBody.read(file, Objects.requireNonNull(settings), null, List.copyOf(aggregations), threads, 0);
    }

    /**
     * Reads M-Lab NDT5 or NDT7 result JSON as the ndt-server writes it: one result per file, or several one after
     * another (JSON Lines).
     *
     * @throws MeasurementFormatException when the file is not strict JSON (naming line and column), or its first
     *     value is not an NDT result (naming what it lacks)
     */
    public static ImportReport readNdt(Path file, ImportSettings settings, Consumer<Measurement> sink)
            throws IOException {
        return NdtResultReader.read(file, Objects.requireNonNull(settings), Objects.requireNonNull(sink));
    }

    /**
     * Reads Ofcom's home broadband panel CSV (2013 or 2014 layout): one measurement per household, its 24-hour mean
     * as the download and its 8–10 pm weekday mean as the busy-hour download, the headline speed as the plan speed.
     *
     * @param panelDate the date the panel's measurements stand for (the file holds none)
     * @throws MeasurementFormatException when the file is empty or its header lacks a column the panel needs
     */
    public static ImportReport readOfcomPanel(
            Path file, LocalDate panelDate, ImportSettings settings, Consumer<Measurement> sink) throws IOException {
        return OfcomPanelReader.read(
                file,
                Objects.requireNonNull(panelDate),
                Objects.requireNonNull(settings),
                Objects.requireNonNull(sink));
    }
}

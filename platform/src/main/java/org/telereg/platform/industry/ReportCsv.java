package org.telereg.platform.industry;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.telereg.platform.shared.LineError;

/**
 * Reads a report file: a header {@code metric_code,value} (or {@code 指标代码,数值} / {@code 指标,数值}),
 * then one metric per line, named by its code or its Chinese or English name.
 */
final class ReportCsv {

    private static final Set<String> FIRST_HEADERS = Set.of("metric_code", "metric", "指标代码", "指标", "指标名称");
    private static final Set<String> SECOND_HEADERS = Set.of("value", "amount", "数值", "值");

    /** The values read (metric code → text), the line each came from, and the lines refused. */
    record Read(Map<String, String> values, Map<String, Long> lines, List<LineError> errors) {}

    private ReportCsv() {}

    static Read read(String text, CatalogueVersion catalogue, ReportTemplate template) {
        Map<String, String> byName = new HashMap<>();
        for (String code : template.metricCodes()) {
            Metric metric = catalogue.metric(code).orElseThrow();
            byName.put(code.toUpperCase(Locale.ROOT), code);
            byName.put(metric.nameZh(), code);
            byName.put(metric.nameEn().toUpperCase(Locale.ROOT), code);
        }
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Long> lines = new HashMap<>();
        List<LineError> errors = new ArrayList<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text)) {
            boolean header = true;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (header) {
                    header = false;
                    if (record.getFieldCount() < 2
                            || !FIRST_HEADERS.contains(
                                    record.getField(0).strip().toLowerCase(Locale.ROOT))
                            || !SECOND_HEADERS.contains(
                                    record.getField(1).strip().toLowerCase(Locale.ROOT))) {
                        errors.add(new LineError(
                                line,
                                null,
                                "industry.upload.header",
                                new Object[0],
                                "the header must be metric_code,value"));
                        return new Read(values, lines, errors);
                    }
                    continue;
                }
                if (lines.size() + errors.size() > template.metricCodes().size() * 2) {
                    errors.add(new LineError(
                            line,
                            null,
                            "industry.upload.tooManyLines",
                            new Object[0],
                            "more lines than the template has metrics"));
                    break;
                }
                if (record.getFieldCount() != 2) {
                    errors.add(new LineError(
                            line,
                            null,
                            "industry.upload.fieldCount",
                            new Object[] {record.getFieldCount()},
                            "has " + record.getFieldCount() + " fields, not 2"));
                    continue;
                }
                String named = record.getField(0).strip();
                String code = byName.get(named.toUpperCase(Locale.ROOT));
                if (code == null) {
                    code = byName.get(named);
                }
                if (code == null) {
                    String shown = named.length() > 40 ? named.substring(0, 40) + "…" : named;
                    errors.add(new LineError(
                            line,
                            null,
                            "industry.upload.unknownMetric",
                            new Object[] {shown, template.code()},
                            "'" + shown + "' is not a metric of the template"));
                    continue;
                }
                Long first = lines.putIfAbsent(code, line);
                if (first != null) {
                    errors.add(new LineError(
                            line,
                            code,
                            "industry.upload.duplicate",
                            new Object[] {code, first},
                            "repeats line " + first));
                    continue;
                }
                values.put(code, record.getField(1));
            }
            if (header) {
                errors.add(new LineError(
                        1, null, "industry.upload.header", new Object[0], "the header must be metric_code,value"));
            } else if (values.isEmpty() && errors.isEmpty()) {
                errors.add(new LineError(2, null, "industry.upload.noRows", new Object[0], "no metric lines"));
            }
        } catch (CsvParseException e) {
            errors.add(new LineError(lastLine + 1, null, "industry.upload.malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(values, lines, errors);
    }
}

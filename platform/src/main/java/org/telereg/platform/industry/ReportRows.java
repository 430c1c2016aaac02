package org.telereg.platform.industry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.telereg.platform.shared.LineError;

/**
 * The rows of an uploaded report, whichever file they came from (a CSV file, the first sheet of an
 * XLSX workbook): a header {@code metric_code,value} (or {@code 指标代码,数值} / {@code 指标,数值}),
 * then one metric per row, named by its code or its Chinese or English name. The header may carry
 * further columns that only inform ({@code name}, {@code unit}, {@code 名称}, {@code 单位} …, as the
 * downloadable templates do); they are ignored.
 */
final class ReportRows {

    static final Set<String> FIRST_HEADERS = Set.of("metric_code", "metric", "指标代码", "指标", "指标名称");
    static final Set<String> SECOND_HEADERS = Set.of("value", "amount", "数值", "值");
    static final Set<String> INFO_HEADERS =
            Set.of("name", "metric_name", "unit", "definition", "名称", "指标名称", "单位", "说明", "定义");

    /**
     * One row of the file.
     *
     * @param line the line (CSV) or row (sheet) number, the header's is 1 when it comes first
     * @param fields the cells' text, trailing blank cells of a sheet left out
     * @param problem a cell of the row that could not be read as text or a number (a date, an error,
     *     a formula that cannot be evaluated), or null
     */
    record Row(long line, List<String> fields, LineError problem) {}

    /** The file could not be read on from here (malformed CSV): reported on the line after the last read. */
    static final class Unreadable extends RuntimeException {
        private final String code;

        Unreadable(String code, String message) {
            super(message);
            this.code = code;
        }
    }

    /** The values read (metric code → text), the line each came from, and the lines refused. */
    record Read(Map<String, String> values, Map<String, Long> lines, List<LineError> errors) {}

    private ReportRows() {}

    static Read read(Iterator<Row> rows, CatalogueVersion catalogue, ReportTemplate template) {
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
        boolean header = true;
        int allowedFields = 2;
        try {
            while (rows.hasNext()) {
                Row row = rows.next();
                long line = row.line();
                lastLine = line;
                List<String> fields = row.fields();
                if (header) {
                    header = false;
                    if (fields.size() < 2
                            || !FIRST_HEADERS.contains(header(fields.get(0)))
                            || !SECOND_HEADERS.contains(header(fields.get(1)))) {
                        errors.add(new LineError(
                                line,
                                null,
                                "industry.upload.header",
                                new Object[0],
                                "the header must be metric_code,value"));
                        return new Read(values, lines, errors);
                    }
                    if (fields.stream().skip(2).allMatch(f -> INFO_HEADERS.contains(header(f)))) {
                        allowedFields = fields.size();
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
                if (fields.size() < 2 || fields.size() > allowedFields) {
                    errors.add(new LineError(
                            line,
                            null,
                            "industry.upload.fieldCount",
                            new Object[] {fields.size()},
                            "has " + fields.size() + " fields, not 2"));
                    continue;
                }
                String named = fields.get(0).strip();
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
                if (row.problem() != null) {
                    LineError problem = row.problem();
                    errors.add(
                            new LineError(line, code, problem.code(), problem.arguments(), problem.defaultMessage()));
                    continue;
                }
                values.put(code, fields.get(1));
            }
            if (header) {
                errors.add(new LineError(
                        1, null, "industry.upload.header", new Object[0], "the header must be metric_code,value"));
            } else if (values.isEmpty() && errors.isEmpty()) {
                errors.add(new LineError(2, null, "industry.upload.noRows", new Object[0], "no metric lines"));
            }
        } catch (Unreadable e) {
            errors.add(new LineError(lastLine + 1, null, e.code, new Object[0], e.getMessage()));
        }
        return new Read(values, lines, errors);
    }

    private static String header(String field) {
        return field == null ? "" : field.strip().toLowerCase(Locale.ROOT);
    }
}

package org.telereg.platform.interconnect;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.UploadedText;

/**
 * Imports quality measurements from CSV, all or nothing: a header names the columns (in English or
 * Chinese, in any order), each further line is one test of a link. A file with any refused line
 * stores nothing and lists every refused line with its column; the same bytes again (under any
 * batch id of the organisation) change nothing. The serious-fault rule then runs over the months the
 * new tests fall in.
 */
@Service
public class QualityImport {

    /** The columns, in the order the documentation lists them, with the names a header may use. */
    static final Map<String, List<String>> COLUMNS = columns();

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-M-d H:mm[:ss]").withResolverStyle(ResolverStyle.STRICT);
    private static final BigDecimal MAX_DELAY = new BigDecimal("60000");
    private static final BigDecimal HUNDRED = new BigDecimal("100");
    private static final int MAX_FIELD = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final InterconnectPoints points;
    private final InterconnectLinks links;
    private final ExpansionTasks tasks;
    private final AuditTrail audit;
    private final InterconnectSettings settings;
    private final Clock clock;

    QualityImport(
            JdbcClient jdbc,
            JdbcTemplate template,
            InterconnectPoints points,
            InterconnectLinks links,
            ExpansionTasks tasks,
            AuditTrail audit,
            InterconnectSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.points = points;
        this.links = links;
        this.tasks = tasks;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Who imports measurements: the ministry's staff for every link, a provincial administration for
     * the points in its province, an operator for the links it is party to.
     */
    public static boolean canImport(Actor actor) {
        return Scopes.isMinistryStaff(actor)
                || actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE
                || actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /**
     * Imports one file.
     *
     * @throws AccessDeniedException unless {@link #canImport(Actor)}
     * @throws MeasurementBatchReusedException when the batch id was used for other bytes
     * @throws org.telereg.platform.shared.RejectedInputException naming {@code batchId} or {@code file}
     *     (empty, too large); lines at fault come back in the result instead
     */
    @Transactional
    public QualityImportResult importFile(Actor actor, String batchId, String fileName, byte[] content) {
        if (!canImport(actor)) {
            throw new AccessDeniedException("measurements are imported by the ministry, administrations and operators");
        }
        FieldProblems problems = new FieldProblems();
        String batch = problems.text("batchId", batchId, 100);
        if (content == null || content.length == 0) {
            problems.reject("file", "invalid.file.empty", "the file is empty");
        } else if (content.length > settings.maxBytes()) {
            problems.reject(
                    "file",
                    "interconnect.import.tooLarge",
                    "larger than " + settings.maxBytes() + " bytes",
                    settings.maxBytes());
        }
        problems.throwIfAny();
        String hash = Hashes.sha256(content);
        Optional<QualityImportResult> earlier = earlier(actor.organisationId(), batch, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            return rejected(null, List.of(new LineError(0, null, e.code(), e.arguments(), e.getMessage())));
        }
        Reading reading = read(actor, text.text());
        if (!reading.errors.isEmpty()) {
            return rejected(text.charset(), reading.errors);
        }
        jdbc.sql("""
                insert into interconnect_batch (organisation_id, batch_id, content_sha256, file_name, charset,
                    rows_stored, imported_by, imported_at)
                values (:organisation, :batch, :hash, :file, :charset, :rows, :by, :at)""")
                .param("organisation", actor.organisationId())
                .param("batch", batch)
                .param("hash", hash)
                .param("file", fileName == null ? null : truncate(fileName, 255))
                .param("charset", text.charset())
                .param("rows", reading.rows.size())
                .param("by", truncate(actor.username(), 100))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        long batchRef = jdbc.sql("select id from interconnect_batch where organisation_id = :organisation"
                        + " and batch_id = :batch")
                .param("organisation", actor.organisationId())
                .param("batch", batch)
                .query(Long.class)
                .single();
        template.batchUpdate("""
                insert into interconnect_measurement (batch_ref, link_id, measured_at, from_operator, to_operator,
                    delay_ms, loss_percent, internal_delay_ms, internal_loss_percent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""", reading.rows, 1000, (ps, row) -> {
            ps.setLong(1, batchRef);
            ps.setLong(2, row.linkId());
            ps.setTimestamp(3, Timestamp.valueOf(row.measuredAt()));
            ps.setString(4, row.fromOperator());
            ps.setString(5, row.toOperator());
            ps.setBigDecimal(6, row.delayMs());
            ps.setBigDecimal(7, row.lossPercent());
            ps.setBigDecimal(8, row.internalDelayMs());
            ps.setBigDecimal(9, row.internalLossPercent());
        });
        // Only a new bad test can turn a link's month into a serious fault; the daily job covers the rest.
        FaultRule rule = new FaultRule(settings);
        Set<String> windows = new LinkedHashSet<>();
        for (QualityTest row : reading.rows) {
            if (rule.marked(row).bad()) {
                windows.add(row.linkId() + "|" + YearMonth.from(row.measuredAt()));
            }
        }
        List<Long> opened = new ArrayList<>();
        for (String window : windows) {
            String[] parts = window.split("\\|");
            tasks.evaluate(Long.parseLong(parts[0]), YearMonth.parse(parts[1]))
                    .ifPresent(task -> opened.add(task.id()));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("batchId", batch);
        summary.put("sha256", hash);
        summary.put("rows", reading.rows.size());
        summary.put("tasksOpened", opened);
        audit.record("interconnect", "MeasurementBatch", Long.toString(batchRef), "imported", null, summary);
        return new QualityImportResult(
                QualityImportResult.Status.IMPORTED, batchRef, text.charset(), reading.rows.size(), List.of(), opened);
    }

    private static QualityImportResult rejected(String charset, List<LineError> errors) {
        return new QualityImportResult(QualityImportResult.Status.REJECTED, 0, charset, 0, errors, List.of());
    }

    private Optional<QualityImportResult> earlier(long organisationId, String batchId, String hash) {
        List<Map<String, Object>> rows = jdbc.sql("select id, batch_id, content_sha256, charset, rows_stored"
                        + " from interconnect_batch where organisation_id = :organisation"
                        + " and (batch_id = :batch or content_sha256 = :hash) order by id")
                .param("organisation", organisationId)
                .param("batch", batchId)
                .param("hash", hash)
                .query((rs, n) -> {
                    Map<String, Object> row = new HashMap<>();
                    row.put("batch", rs.getString("batch_id"));
                    row.put("hash", rs.getString("content_sha256"));
                    row.put(
                            "result",
                            new QualityImportResult(
                                    QualityImportResult.Status.ALREADY_IMPORTED,
                                    rs.getLong("id"),
                                    rs.getString("charset"),
                                    rs.getLong("rows_stored"),
                                    List.of(),
                                    List.of()));
                    return row;
                })
                .list();
        for (Map<String, Object> row : rows) {
            if (row.get("batch").equals(batchId) && !row.get("hash").equals(hash)) {
                throw new MeasurementBatchReusedException(batchId);
            }
        }
        return rows.stream().map(row -> (QualityImportResult) row.get("result")).findFirst();
    }

    /** The rows read and the lines refused. */
    private static final class Reading {
        final List<QualityTest> rows = new ArrayList<>();
        final List<LineError> errors = new ArrayList<>();
    }

    private Reading read(Actor actor, String text) {
        Reading reading = new Reading();
        Lookups lookups = new Lookups(actor.scope());
        Map<String, Long> seen = new HashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text)) {
            Map<String, Integer> index = null;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (index == null) {
                    index = header(record, line, reading.errors);
                    if (!reading.errors.isEmpty()) {
                        return reading;
                    }
                    continue;
                }
                if (reading.rows.size() + countedLines(reading) >= settings.maxRows()) {
                    reading.errors.add(new LineError(
                            line,
                            null,
                            "interconnect.import.tooManyRows",
                            new Object[] {settings.maxRows()},
                            "more than " + settings.maxRows() + " rows"));
                    break;
                }
                List<LineError> lineErrors = new ArrayList<>();
                QualityTest row = row(record, index, line, lookups, lineErrors);
                if (row != null) {
                    String key = row.linkId() + "|" + row.fromOperator() + "|" + row.measuredAt();
                    Long first = seen.putIfAbsent(key, line);
                    if (first != null) {
                        lineErrors.add(new LineError(
                                line,
                                "time",
                                "interconnect.import.duplicateLine",
                                new Object[] {first},
                                "repeats line " + first));
                    } else {
                        lineOf.put(key, line);
                    }
                }
                if (lineErrors.isEmpty()) {
                    reading.rows.add(row);
                } else {
                    addErrors(reading, lineErrors);
                }
                if (reading.errors.size() >= settings.maxErrors()) {
                    break;
                }
            }
            if (index == null) {
                reading.errors.add(
                        new LineError(1, null, "interconnect.import.header", new Object[0], "the file has no header"));
            } else if (reading.rows.isEmpty() && reading.errors.isEmpty()) {
                reading.errors.add(new LineError(2, null, "interconnect.import.noRows", new Object[0], "no rows"));
            }
        } catch (CsvParseException e) {
            reading.errors.add(
                    new LineError(lastLine + 1, null, "interconnect.import.malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (reading.errors.isEmpty()) {
            alreadyStored(reading, lineOf);
        }
        return reading;
    }

    private long countedLines(Reading reading) {
        return reading.errors.stream().map(LineError::line).distinct().count();
    }

    private void addErrors(Reading reading, List<LineError> lineErrors) {
        for (LineError error : lineErrors) {
            if (reading.errors.size() < settings.maxErrors()) {
                reading.errors.add(error);
            }
        }
    }

    /** Refuses rows whose test (link, sending operator, time) an earlier file already brought. */
    private void alreadyStored(Reading reading, Map<String, Long> lineOf) {
        if (reading.rows.isEmpty()) {
            return;
        }
        Set<Long> linkIds = new LinkedHashSet<>();
        LocalDateTime from = null;
        LocalDateTime to = null;
        for (QualityTest row : reading.rows) {
            linkIds.add(row.linkId());
            from = from == null || row.measuredAt().isBefore(from) ? row.measuredAt() : from;
            to = to == null || row.measuredAt().isAfter(to) ? row.measuredAt() : to;
        }
        List<String> stored = jdbc.sql("select link_id, from_operator, measured_at from interconnect_measurement"
                        + " where link_id in (:links) and measured_at >= :from and measured_at <= :to")
                .param("links", List.copyOf(linkIds))
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> rs.getLong(1) + "|" + rs.getString(2) + "|" + rs.getObject(3, LocalDateTime.class))
                .list();
        for (String key : stored) {
            Long line = lineOf.get(key);
            if (line != null && reading.errors.size() < settings.maxErrors()) {
                reading.errors.add(new LineError(
                        line,
                        "time",
                        "interconnect.import.alreadyStored",
                        new Object[0],
                        "this test was imported before"));
            }
        }
        reading.errors.sort((x, y) -> Long.compare(x.line(), y.line()));
    }

    private static Map<String, Integer> header(CsvRecord record, long line, List<LineError> errors) {
        Map<String, String> byName = new HashMap<>();
        COLUMNS.forEach((column, names) -> names.forEach(name -> byName.put(normalise(name), column)));
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String column = byName.get(normalise(record.getField(i)));
            if (column != null && index.putIfAbsent(column, i) != null) {
                errors.add(new LineError(
                        line,
                        column,
                        "interconnect.import.columnTwice",
                        new Object[] {column},
                        "the header names " + column + " twice"));
            }
        }
        for (String column : COLUMNS.keySet()) {
            if (!index.containsKey(column)) {
                errors.add(new LineError(
                        line,
                        column,
                        "interconnect.import.missingColumn",
                        new Object[] {column},
                        "the header has no column " + column));
            }
        }
        return index;
    }

    static String normalise(String header) {
        return header.replaceAll("[(（\\[].*?[)）\\]]", "")
                .replaceAll("[\\s_%\\-\\uFEFF]", "")
                .toLowerCase(Locale.ROOT);
    }

    private QualityTest row(
            CsvRecord record, Map<String, Integer> index, long line, Lookups lookups, List<LineError> errors) {
        Map<String, String> cells = new HashMap<>();
        for (Map.Entry<String, Integer> column : index.entrySet()) {
            String cell = column.getValue() < record.getFieldCount()
                    ? record.getField(column.getValue()).strip()
                    : "";
            if (cell.isEmpty()) {
                errors.add(
                        new LineError(line, column.getKey(), "interconnect.import.emptyCell", new Object[0], "empty"));
            } else if (cell.length() > MAX_FIELD || cell.chars().anyMatch(Character::isISOControl)) {
                errors.add(new LineError(
                        line,
                        column.getKey(),
                        "interconnect.import.badText",
                        new Object[0],
                        "too long or contains control characters"));
            } else {
                cells.put(column.getKey(), cell);
            }
        }
        LocalDateTime time = time(cells.get("time"), line, errors);
        PointRef point = null;
        if (cells.containsKey("point")) {
            point = lookups.point(cells.get("point"));
            if (point == null) {
                errors.add(new LineError(
                        line,
                        "point",
                        "interconnect.import.unknownPoint",
                        new Object[] {cells.get("point")},
                        "no such point"));
            }
        }
        String from = operator(cells.get("from_operator"), "from_operator", line, lookups, errors);
        String to = operator(cells.get("to_operator"), "to_operator", line, lookups, errors);
        if (from != null && from.equals(to)) {
            errors.add(new LineError(
                    line,
                    "to_operator",
                    "interconnect.import.sameOperator",
                    new Object[0],
                    "a test runs between two different operators"));
            to = null;
        }
        BigDecimal delay = figure(cells.get("delay_ms"), "delay_ms", false, line, errors);
        BigDecimal loss = figure(cells.get("loss_percent"), "loss_percent", true, line, errors);
        BigDecimal internalDelay = figure(cells.get("internal_delay_ms"), "internal_delay_ms", false, line, errors);
        BigDecimal internalLoss =
                figure(cells.get("internal_loss_percent"), "internal_loss_percent", true, line, errors);
        LinkView link = null;
        if (point != null && from != null && to != null) {
            link = lookups.link(point.id(), from, to);
            if (link == null) {
                errors.add(new LineError(
                        line,
                        "point",
                        "interconnect.import.noLink",
                        new Object[] {cells.get("point"), cells.get("from_operator"), cells.get("to_operator")},
                        "the two operators have no link at this point"));
            } else if (!Scopes.covers(lookups.scope, link)) {
                errors.add(new LineError(
                        line,
                        lookups.scope.kind() == DataScope.Kind.ENTERPRISE ? "from_operator" : "point",
                        "interconnect.import.outsideScope",
                        new Object[0],
                        "the link is outside your scope"));
            }
        }
        if (!errors.isEmpty()) {
            List<String> order = List.copyOf(COLUMNS.keySet());
            errors.sort(Comparator.comparingInt(e -> order.indexOf(e.field())));
            return null;
        }
        return new QualityTest(link.id(), time, from, to, delay, loss, internalDelay, internalLoss, false);
    }

    private LocalDateTime time(String text, long line, List<LineError> errors) {
        if (text == null) {
            return null;
        }
        try {
            LocalDateTime time = LocalDateTime.parse(text.replace('T', ' ').replace('/', '-'), TIME);
            if (time.isAfter(
                    LocalDateTime.now(clock.withZone(InterconnectLinks.CHINA)).plusHours(1))) {
                errors.add(new LineError(line, "time", "interconnect.import.future", new Object[0], "in the future"));
                return null;
            }
            return time;
        } catch (DateTimeParseException e) {
            errors.add(new LineError(
                    line,
                    "time",
                    "interconnect.import.badTime",
                    new Object[] {text},
                    "not a time like 2026-11-05 20:30"));
            return null;
        }
    }

    private static String operator(String text, String column, long line, Lookups lookups, List<LineError> errors) {
        if (text == null) {
            return null;
        }
        String code = lookups.operator(text);
        if (code == null) {
            errors.add(new LineError(
                    line,
                    column,
                    "interconnect.import.unknownOperator",
                    new Object[] {text},
                    "no operator goes by this name"));
        }
        return code;
    }

    private static BigDecimal figure(String text, String column, boolean percent, long line, List<LineError> errors) {
        if (text == null) {
            return null;
        }
        String number = percent && text.endsWith("%")
                ? text.substring(0, text.length() - 1).strip()
                : text;
        BigDecimal figure;
        try {
            figure = new BigDecimal(number);
        } catch (NumberFormatException e) {
            errors.add(
                    new LineError(line, column, "interconnect.import.badNumber", new Object[] {text}, "not a number"));
            return null;
        }
        if (figure.signum() < 0) {
            errors.add(new LineError(line, column, "interconnect.import.negative", new Object[0], "negative"));
            return null;
        }
        if (percent && figure.compareTo(HUNDRED) > 0) {
            errors.add(new LineError(line, column, "interconnect.import.lossOver100", new Object[0], "above 100 %"));
            return null;
        }
        if (!percent && figure.compareTo(MAX_DELAY) > 0) {
            errors.add(new LineError(
                    line, column, "interconnect.import.delayImplausible", new Object[] {MAX_DELAY}, "above 60000 ms"));
            return null;
        }
        return figure.setScale(percent ? 4 : 3, RoundingMode.HALF_UP);
    }

    private record PointRef(long id, String code) {}

    /** Points, operators and links as the file names them, looked up once each. */
    private final class Lookups {

        final DataScope scope;
        private final Map<String, PointRef> points = new HashMap<>();
        private final Map<String, Optional<String>> operators = new HashMap<>();
        private final Map<String, LinkView> links = new HashMap<>();

        Lookups(DataScope scope) {
            this.scope = scope;
            Map<String, Integer> cityUses = new HashMap<>();
            Map<String, PointRef> byCity = new HashMap<>();
            for (PointView point : QualityImport.this.points.list(DataScope.all())) {
                PointRef ref = new PointRef(point.id(), point.code());
                points.put(point.code().toUpperCase(Locale.ROOT), ref);
                points.put(point.name(), ref);
                for (String city :
                        Set.of(point.divisionName(), point.divisionName().replaceAll("[市省]$", ""))) {
                    cityUses.merge(city, 1, Integer::sum);
                    byCity.put(city, ref);
                }
            }
            // A city's name stands for its point only where the city has one.
            byCity.forEach((city, ref) -> {
                if (cityUses.get(city) == 1) {
                    points.putIfAbsent(city, ref);
                }
            });
            for (LinkView link : QualityImport.this.links.list(DataScope.all(), null)) {
                this.links.put(link.pointId() + "|" + link.operatorA() + "|" + link.operatorB(), link);
            }
        }

        PointRef point(String text) {
            PointRef ref = points.get(text.toUpperCase(Locale.ROOT));
            return ref != null ? ref : points.get(text);
        }

        String operator(String text) {
            return operators
                    .computeIfAbsent(text, t -> QualityImport.this.links.resolveOperator(t))
                    .orElse(null);
        }

        LinkView link(long pointId, String x, String y) {
            return x.compareTo(y) < 0 ? links.get(pointId + "|" + x + "|" + y) : links.get(pointId + "|" + y + "|" + x);
        }
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("time", List.of("time", "measured_at", "datetime", "时间", "测试时间"));
        columns.put("point", List.of("point", "point_code", "直联点", "互联点", "交换中心"));
        columns.put("from_operator", List.of("from_operator", "from", "source_operator", "发起方", "源运营商", "发起运营商"));
        columns.put("to_operator", List.of("to_operator", "to", "target_operator", "接收方", "目的运营商", "接收运营商"));
        columns.put("delay_ms", List.of("delay_ms", "delay", "网间时延"));
        columns.put("loss_percent", List.of("loss_percent", "loss", "网间丢包率"));
        columns.put("internal_delay_ms", List.of("internal_delay_ms", "internal_delay", "网内时延"));
        columns.put("internal_loss_percent", List.of("internal_loss_percent", "internal_loss", "网内丢包率"));
        return columns;
    }
}

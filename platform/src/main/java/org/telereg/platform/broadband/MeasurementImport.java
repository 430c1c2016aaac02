package org.telereg.platform.broadband;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.broadband.ImportReport;
import org.telereg.engine.broadband.ImportSettings;
import org.telereg.engine.broadband.Measurement;
import org.telereg.engine.broadband.MeasurementFiles;
import org.telereg.engine.broadband.MeasurementFormatException;
import org.telereg.engine.broadband.Technology;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Imports speed-test files (generic CSV, M-Lab NDT, Ofcom panel) with the engine's readers: the
 * accepted measurements are stored in one transaction with the batch, rejected and implausible records
 * are reported by line, and a file refused as a whole stores nothing. The same bytes again (under any
 * batch id of the organisation) change nothing.
 */
@Service
public class MeasurementImport {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final int INSERT_CHUNK = 1000;
    private static final int OPERATOR_LENGTH = 200;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;
    private final BroadbandSettings settings;
    private final Clock clock;
    private final CompanyAliases aliases;

    MeasurementImport(
            JdbcClient jdbc,
            JdbcTemplate template,
            AuditTrail audit,
            BroadbandSettings settings,
            Clock clock,
            CompanyAliases aliases) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
        this.aliases = aliases;
    }

    /**
     * Whether the actor may import measurements: the ministry's staff for any place, a provincial
     * administration's officers for their own province.
     */
    public static boolean canImport(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                        && actor.scope().kind() == DataScope.Kind.ALL
                || actor.role() == Role.PROVINCIAL_OFFICER && actor.scope().kind() == DataScope.Kind.PROVINCE;
    }

    /**
     * Imports one file.
     *
     * @throws AccessDeniedException unless {@link #canImport(Actor)}
     * @throws BatchIdReusedException when the batch id was used for other bytes
     * @throws RejectedInputException naming the parameter at fault, or {@code file} when the file is
     *     empty, too large, refused as a whole by the reader, or holds measurements outside the
     *     provincial officer's province; nothing is stored then
     */
    @Transactional
    public ImportResult importFile(Actor actor, MeasurementUpload upload, String fileName, byte[] content) {
        if (!canImport(actor)) {
            throw new AccessDeniedException("speed measurements are imported by the ministry and the administrations");
        }
        FieldProblems problems = new FieldProblems();
        String batchId = problems.text("batchId", upload.batchId(), 100);
        MeasurementFileFormat format = problems.choice("format", upload.format(), MeasurementFileFormat.class);
        LocalDate panelDate = problems.date("panelDate", upload.panelDate(), format == MeasurementFileFormat.OFCOM);
        ImportSettings readerSettings = readerSettings(actor, upload, problems);
        if (content == null || content.length == 0) {
            problems.reject("file", "broadband.import.empty", "the file is empty");
        } else if (content.length > settings.maxBytes()) {
            problems.reject(
                    "file",
                    "broadband.import.tooLarge",
                    "larger than " + settings.maxBytes() + " bytes",
                    settings.maxBytes());
        }
        problems.throwIfAny();

        String hash = Hashes.sha256(content);
        Optional<ImportResult> earlier = earlier(actor.organisationId(), batchId, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        long batchRef = insertBatch(actor, batchId, hash, fileName, format, panelDate);
        Inserts inserts = new Inserts(batchRef, actor.scope());
        ImportReport report;
        try {
            report = read(format, panelDate, readerSettings, fileName, content, inserts);
        } catch (MeasurementFormatException e) {
            throw RejectedInputException.of("file", "broadband.import.refused", e.getMessage(), e.getMessage());
        }
        inserts.flush();
        if (inserts.outsideScope > 0) {
            throw RejectedInputException.of(
                    "file",
                    "broadband.import.outsideProvince",
                    inserts.outsideScope + " measurements lie outside province "
                            + actor.scope().provinceCode(),
                    inserts.outsideScope,
                    actor.scope().provinceCode());
        }
        if (inserts.longOperators > 0) {
            throw RejectedInputException.of(
                    "file",
                    "broadband.import.operatorTooLong",
                    inserts.longOperators + " measurements name an operator longer than " + OPERATOR_LENGTH
                            + " characters",
                    inserts.longOperators,
                    OPERATOR_LENGTH);
        }
        jdbc.sql("""
                update broadband_batch set charset = :charset, records_read = :records, accepted = :accepted,
                    rejected = :rejected, excluded = :excluded where id = :id""")
                .param("charset", report.charset())
                .param("records", report.records())
                .param("accepted", report.accepted())
                .param("rejected", report.rejected())
                .param("excluded", report.excluded())
                .param("id", batchRef)
                .update();
        Map<String, Long> excludedByReason = new LinkedHashMap<>();
        report.excludedByReason().entrySet().stream()
                .sorted(Map.Entry.comparingByKey(Comparator.comparing(Enum::name)))
                .forEach(e -> excludedByReason.put(e.getKey().name(), e.getValue()));
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("batchId", batchId);
        summary.put("sha256", hash);
        summary.put("format", format.name());
        summary.put("records", report.records());
        summary.put("accepted", report.accepted());
        summary.put("rejected", report.rejected());
        summary.put("excluded", report.excluded());
        audit.record("broadband", "MeasurementBatch", Long.toString(batchRef), "imported", null, summary);
        return new ImportResult(
                ImportResult.Status.IMPORTED,
                batchRef,
                format,
                report.charset(),
                report.records(),
                report.accepted(),
                report.rejected(),
                report.excluded(),
                excludedByReason,
                report.firstRejected(),
                report.firstExcluded(),
                report.ignoredColumns());
    }

    private ImportSettings readerSettings(Actor actor, MeasurementUpload upload, FieldProblems problems) {
        String operator = problems.optionalText("operator", upload.operator(), OPERATOR_LENGTH);
        Technology technology = Technology.UNKNOWN;
        if (upload.technology() != null && !upload.technology().isBlank()) {
            technology = Technology.parse(upload.technology().strip()).orElse(null);
            if (technology == null) {
                problems.reject("technology", "broadband.invalid.technology", "is not a known access technology");
            }
        }
        String division = upload.division() == null ? "" : upload.division().strip();
        if (division.isEmpty() && actor.scope().kind() == DataScope.Kind.PROVINCE) {
            division = actor.scope().provinceCode();
        }
        ImportSettings defaults =
                ImportSettings.defaults().withZone(CHINA).withClock(clock).withMaxListed(settings.maxListed());
        try {
            ImportSettings chosen = defaults.withDefaults(
                    division, operator == null ? "" : operator, technology == null ? Technology.UNKNOWN : technology);
            String province = chosen.defaultDivision().length() >= 2
                    ? chosen.defaultDivision().substring(0, 2)
                    : "";
            if (actor.scope().kind() == DataScope.Kind.PROVINCE
                    && !actor.scope().provinceCode().equals(province)) {
                problems.reject("division", "broadband.import.divisionOutsideProvince", "is outside your province");
            }
            return chosen;
        } catch (IllegalArgumentException e) {
            problems.reject("division", "broadband.invalid.division", "is not a GB/T 2260 division code or province");
            return defaults;
        }
    }

    private static ImportReport read(
            MeasurementFileFormat format,
            LocalDate panelDate,
            ImportSettings readerSettings,
            String fileName,
            byte[] content,
            Consumer<Measurement> sink)
            throws MeasurementFormatException {
        Path directory = null;
        try {
            directory = Files.createTempDirectory("broadband");
            // The reader names the file in its messages: give it the uploaded name, not a temporary one.
            Path file = directory.resolve(safeName(fileName, format));
            Files.write(file, content);
            return switch (format) {
                case CSV -> MeasurementFiles.readCsv(file, readerSettings, sink);
                case NDT -> MeasurementFiles.readNdt(file, readerSettings, sink);
                case OFCOM -> MeasurementFiles.readOfcomPanel(file, panelDate, readerSettings, sink);
            };
        } catch (MeasurementFormatException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(directory);
        }
    }

    /** The last segment of the client's file name, with only letters, digits, dots, dashes and underscores. */
    static String safeName(String fileName, MeasurementFileFormat format) {
        String name = fileName == null
                ? ""
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[^\\p{L}\\p{N}._-]", "_");
        if (name.length() > 100) {
            name = name.substring(name.length() - 100);
        }
        if (name.isEmpty() || name.chars().allMatch(c -> c == '.')) {
            name = "upload." + (format == MeasurementFileFormat.NDT ? "json" : "csv");
        }
        return name;
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // A temporary file left behind is the operating system's to clean; the import itself is done.
        }
    }

    private Optional<ImportResult> earlier(long organisationId, String batchId, String hash) {
        List<Map<String, Object>> rows = jdbc.sql("""
                        select id, batch_id, content_sha256, file_format, charset, records_read, accepted, rejected,
                               excluded
                        from broadband_batch
                        where organisation_id = :organisation and (batch_id = :batch or content_sha256 = :hash)
                        order by id""")
                .param("organisation", organisationId)
                .param("batch", batchId)
                .param("hash", hash)
                .query((rs, n) -> {
                    Map<String, Object> row = new LinkedHashMap<>();
                    row.put("id", rs.getLong("id"));
                    row.put("batch", rs.getString("batch_id"));
                    row.put("hash", rs.getString("content_sha256"));
                    row.put(
                            "result",
                            new ImportResult(
                                    ImportResult.Status.ALREADY_IMPORTED,
                                    rs.getLong("id"),
                                    MeasurementFileFormat.valueOf(rs.getString("file_format")),
                                    rs.getString("charset"),
                                    rs.getLong("records_read"),
                                    rs.getLong("accepted"),
                                    rs.getLong("rejected"),
                                    rs.getLong("excluded"),
                                    Map.of(),
                                    List.of(),
                                    List.of(),
                                    List.of()));
                    return row;
                })
                .list();
        for (Map<String, Object> row : rows) {
            if (row.get("batch").equals(batchId) && !row.get("hash").equals(hash)) {
                throw new BatchIdReusedException(batchId);
            }
        }
        return rows.stream().map(row -> (ImportResult) row.get("result")).findFirst();
    }

    private long insertBatch(
            Actor actor,
            String batchId,
            String hash,
            String fileName,
            MeasurementFileFormat format,
            LocalDate panelDate) {
        jdbc.sql("""
                insert into broadband_batch (organisation_id, organisation_name, batch_id, content_sha256, file_name,
                    file_format, panel_date, records_read, accepted, rejected, excluded, imported_by, imported_at)
                values (:organisation, :name, :batch, :hash, :file, :format, :panelDate, 0, 0, 0, 0, :by, :at)""")
                .param("organisation", actor.organisationId())
                .param("name", truncate(actor.organisationName(), 200))
                .param("batch", batchId)
                .param("hash", hash)
                .param("file", fileName == null ? null : truncate(fileName, 255))
                .param("format", format.name())
                .param("panelDate", panelDate)
                .param("by", truncate(actor.username(), 100))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select id from broadband_batch where organisation_id = :organisation and batch_id = :batch")
                .param("organisation", actor.organisationId())
                .param("batch", batchId)
                .query(Long.class)
                .single();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    /** Takes the reader's accepted measurements and writes them in batches of {@value #INSERT_CHUNK}. */
    private final class Inserts implements Consumer<Measurement> {

        private final long batchRef;
        private final DataScope scope;
        private final List<Measurement> pending = new ArrayList<>(INSERT_CHUNK);
        // A file names a handful of operators many times over: each name is resolved once.
        private final Map<String, Optional<String>> enterprises = new HashMap<>();
        long outsideScope;
        long longOperators;

        Inserts(long batchRef, DataScope scope) {
            this.batchRef = batchRef;
            this.scope = scope;
        }

        @Override
        public void accept(Measurement measurement) {
            if (scope.kind() == DataScope.Kind.PROVINCE && !scope.provinceCode().equals(measurement.provinceCode())) {
                outsideScope++;
                return;
            }
            if (measurement.operator().length() > OPERATOR_LENGTH) {
                longOperators++;
                return;
            }
            pending.add(measurement);
            if (pending.size() == INSERT_CHUNK) {
                flush();
            }
        }

        void flush() {
            if (pending.isEmpty() || outsideScope > 0 || longOperators > 0) {
                pending.clear();
                return;
            }
            template.batchUpdate("""
                    insert into broadband_measurement (batch_ref, tested_at, division_code, province_code, city_code,
                        operator_name, technology, download_mbps, upload_mbps, latency_ms, loss, plan_mbps,
                        busy_hour_download_mbps, operator_credit_code)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new BatchPreparedStatementSetter() {
                @Override
                public void setValues(PreparedStatement ps, int i) throws SQLException {
                    Measurement m = pending.get(i);
                    ps.setLong(1, batchRef);
                    ps.setTimestamp(2, Timestamp.valueOf(m.time()));
                    setText(ps, 3, m.division());
                    setText(ps, 4, m.provinceCode());
                    setText(ps, 5, m.cityCode());
                    ps.setString(6, m.operator());
                    ps.setString(7, m.technology().name());
                    setFigure(ps, 8, m.downloadMbps());
                    setFigure(ps, 9, m.uploadMbps());
                    setFigure(ps, 10, m.latencyMs());
                    setFigure(ps, 11, m.loss());
                    setFigure(ps, 12, m.planMbps());
                    setFigure(ps, 13, m.busyHourDownloadMbps());
                    ps.setString(
                            14,
                            enterprises
                                    .computeIfAbsent(m.operator(), aliases::creditCode)
                                    .orElse(null));
                }

                @Override
                public int getBatchSize() {
                    return pending.size();
                }
            });
            pending.clear();
        }
    }

    private static void setText(PreparedStatement ps, int index, String text) throws SQLException {
        if (text.isEmpty()) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, text);
        }
    }

    private static void setFigure(PreparedStatement ps, int index, double figure) throws SQLException {
        if (Double.isNaN(figure)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, figure);
        }
    }
}

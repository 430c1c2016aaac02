package org.telereg.platform.broadband;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.region.Division;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.DivisionCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.UploadedText;

/**
 * Operators' coverage declarations: per county (GB/T 2260, six digits) the technologies they cover
 * (FTTH, 4G, 5G), from a CSV file of {@code county,technology} lines, all or nothing.
 */
@Service
public class CoverageDeclarations {

    static final long MAX_BYTES = 5L * 1024 * 1024;
    static final int MAX_LINES = 50_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    CoverageDeclarations(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Operators declare their own coverage. */
    public static boolean canDeclare(Actor actor) {
        return actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /**
     * Declares the file's coverage for the actor's enterprise: a header {@code county,technology}
     * then one line per county, the technology cell holding one or more of {@code FTTH}, {@code 4G},
     * {@code 5G} separated by {@code ;} or {@code |}. UTF-8 or GBK. Every line is checked before
     * anything is stored; a refused line is named with its number. Declaring what was declared
     * changes nothing, and the same bytes under the same batch id answer {@code ALREADY_DECLARED}.
     *
     * @throws AccessDeniedException unless {@link #canDeclare(Actor)}
     * @throws RejectedInputException naming {@code batchId} (missing, or reused for other bytes) or
     *     {@code file} (empty, too large)
     */
    @Transactional
    public CoverageUpload declare(Actor actor, String batchId, byte[] content) {
        if (!canDeclare(actor)) {
            throw new AccessDeniedException("operators declare their own coverage");
        }
        FieldProblems problems = new FieldProblems();
        String batch = problems.text("batchId", batchId, 100);
        if (content == null || content.length == 0) {
            problems.reject("file", "broadband.coverage.empty", "the file is empty");
        } else if (content.length > MAX_BYTES) {
            problems.reject("file", "broadband.coverage.tooLarge", "larger than " + MAX_BYTES + " bytes", MAX_BYTES);
        }
        problems.throwIfAny();
        String operator = actor.scope().creditCode();
        String hash = Hashes.sha256(content);
        Optional<String> earlier = jdbc.sql("select content_sha256 from broadband_coverage_batch"
                        + " where operator_credit_code = :operator and batch_id = :batch")
                .param("operator", operator)
                .param("batch", batch)
                .query(String.class)
                .optional();
        if (earlier.isPresent()) {
            if (!earlier.get().equals(hash)) {
                throw RejectedInputException.of(
                        "batchId", "broadband.import.batchReused", "the batch id was used for another file");
            }
            return new CoverageUpload(CoverageUpload.Status.ALREADY_DECLARED, null, 0, 0, 0, List.of());
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            return rejected(null, List.of(new LineError(0, "file", e.code(), e.arguments(), e.getMessage())));
        }
        Map<String, Long> firstLine = new LinkedHashMap<>();
        List<LineError> errors = new ArrayList<>();
        String[] lines = text.text().split("\r\n|\n|\r", -1);
        int start = 0;
        if (lines.length > 0
                && lines[0].toLowerCase(Locale.ROOT).replace(" ", "").startsWith("county")) {
            start = 1;
        } else {
            errors.add(new LineError(
                    1, null, "broadband.coverage.header", new Object[0], "the first line must be county,technology"));
        }
        if (lines.length - start > MAX_LINES) {
            return rejected(
                    text.charset(),
                    List.of(new LineError(
                            MAX_LINES + 2L,
                            null,
                            "broadband.coverage.tooManyLines",
                            new Object[] {MAX_LINES},
                            "more than " + MAX_LINES + " lines")));
        }
        for (int i = start; i < lines.length && errors.size() < 100; i++) {
            long number = i + 1L;
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                errors.add(new LineError(
                        number, null, "broadband.coverage.cells", new Object[] {cells.length}, "expected two cells"));
                continue;
            }
            String county = cells[0].strip();
            String countyProblem = countyProblem(county);
            if (countyProblem != null) {
                errors.add(new LineError(
                        number, "county", countyProblem, new Object[] {shown(county)}, "not a county code"));
            }
            String[] technologies = cells[1].split("[;|；]", -1);
            for (String name : technologies) {
                Optional<CoverageTechnology> technology =
                        name.isBlank() ? Optional.empty() : CoverageTechnology.parse(name);
                if (technology.isEmpty()) {
                    errors.add(new LineError(
                            number,
                            "technology",
                            "broadband.coverage.technology",
                            new Object[] {shown(name.strip())},
                            "not FTTH, 4G or 5G"));
                } else if (countyProblem == null) {
                    Long before = firstLine.putIfAbsent(
                            county + "/" + technology.get().name(), number);
                    if (before != null) {
                        errors.add(new LineError(
                                number,
                                "county",
                                "broadband.coverage.duplicate",
                                new Object[] {before},
                                "declared already on line " + before));
                    }
                }
            }
        }
        if (errors.isEmpty() && firstLine.isEmpty()) {
            errors.add(new LineError(2, null, "broadband.coverage.noLines", new Object[0], "no declaration lines"));
        }
        if (!errors.isEmpty()) {
            return rejected(text.charset(), errors);
        }
        int added = 0;
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        for (String key : firstLine.keySet()) {
            String county = key.substring(0, 6);
            String technology = key.substring(7);
            long exists = jdbc.sql("select count(*) from broadband_coverage where operator_credit_code = :operator"
                            + " and county_code = :county and technology = :technology")
                    .param("operator", operator)
                    .param("county", county)
                    .param("technology", technology)
                    .query(Long.class)
                    .single();
            if (exists == 0) {
                jdbc.sql("insert into broadband_coverage (operator_credit_code, operator_name, county_code,"
                                + " province_code, technology, declared_by, declared_at)"
                                + " values (:operator, :name, :county, :province, :technology, :by, :at)")
                        .param("operator", operator)
                        .param("name", truncate(actor.organisationName(), 200))
                        .param("county", county)
                        .param("province", county.substring(0, 2))
                        .param("technology", technology)
                        .param("by", truncate(actor.username(), 100))
                        .param("at", now)
                        .update();
                added++;
            }
        }
        jdbc.sql(
                        "insert into broadband_coverage_batch (operator_credit_code, batch_id, content_sha256, lines_read,"
                                + " added, declared_by, declared_at) values (:operator, :batch, :hash, :lines, :added, :by, :at)")
                .param("operator", operator)
                .param("batch", batch)
                .param("hash", hash)
                .param("lines", firstLine.size())
                .param("added", added)
                .param("by", truncate(actor.username(), 100))
                .param("at", now)
                .update();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("batchId", batch);
        summary.put("sha256", hash);
        summary.put("declarations", firstLine.size());
        summary.put("added", added);
        audit.record("broadband", "Coverage", operator, "coverageDeclared", null, summary);
        return new CoverageUpload(
                CoverageUpload.Status.DECLARED,
                text.charset(),
                firstLine.size(),
                added,
                firstLine.size() - added,
                List.of());
    }

    /** The declarations within the scope, by province, county, operator and technology. */
    @Transactional(readOnly = true)
    public List<CoverageDeclaration> declarations(DataScope scope, int limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        return jdbc.sql("select id, operator_credit_code, operator_name, county_code, province_code, technology,"
                        + " declared_by, declared_at from broadband_coverage where "
                        + scope.sqlCondition("province_code", "operator_credit_code", params)
                        + " order by province_code, county_code, operator_name, technology limit :limit")
                .params(params)
                .query((rs, n) -> new CoverageDeclaration(
                        rs.getLong("id"),
                        rs.getString("operator_credit_code"),
                        rs.getString("operator_name"),
                        rs.getString("county_code"),
                        countyName(rs.getString("county_code")),
                        rs.getString("province_code"),
                        CoverageTechnology.valueOf(rs.getString("technology")),
                        rs.getString("declared_by"),
                        rs.getObject("declared_at", java.time.OffsetDateTime.class)
                                .toInstant()))
                .list();
    }

    private static CoverageUpload rejected(String charset, List<LineError> errors) {
        return new CoverageUpload(CoverageUpload.Status.REJECTED, charset, 0, 0, 0, errors);
    }

    private static String countyProblem(String county) {
        try {
            DivisionCode code = DivisionCode.of(county);
            return code.level() == Division.Level.COUNTY ? null : "broadband.coverage.notCounty";
        } catch (InvalidValueException e) {
            return "broadband.coverage.county";
        }
    }

    private static String countyName(String code) {
        try {
            return new DivisionCode(code).name();
        } catch (InvalidValueException e) {
            return code;
        }
    }

    /** A cell as the error message shows it: at most 40 characters, so a huge cell does not flood the report. */
    private static String shown(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}

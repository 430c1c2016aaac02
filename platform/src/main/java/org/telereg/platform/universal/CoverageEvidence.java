package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CsvColumns;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.RejectedInputException;

/**
 * What the acceptance test reads: an operator's base sites (CSV by the operator, or by the ministry
 * for it) and the signal tests at the places of a batch's villages (CSV by the operator for its own
 * villages, or by the administration of their province). Both imports are all or nothing; a site
 * sent again is updated in place, and a village's signal tests are replaced by those of a newer file.
 */
@Service
public class CoverageEvidence {

    private static final Map<String, Set<String>> SITE_COLUMNS = new LinkedHashMap<>();
    private static final Map<String, Set<String>> POINT_COLUMNS = new LinkedHashMap<>();

    static {
        SITE_COLUMNS.put("site_code", Set.of("site", "site_id", "基站编号", "站址编号"));
        SITE_COLUMNS.put("latitude", Set.of("lat", "纬度"));
        SITE_COLUMNS.put("longitude", Set.of("lon", "lng", "经度"));
        SITE_COLUMNS.put("technology", Set.of("制式", "技术"));
        POINT_COLUMNS.put("village_code", Set.of("code", "行政村代码", "村代码"));
        POINT_COLUMNS.put("kind", Set.of("place_kind", "地点类型", "类型"));
        POINT_COLUMNS.put("name", Set.of("place", "place_name", "地点", "名称"));
        POINT_COLUMNS.put("households", Set.of("户数"));
        POINT_COLUMNS.put("signal", Set.of("has_signal", "有信号", "信号"));
        POINT_COLUMNS.put("technology", Set.of("制式", "技术"));
        POINT_COLUMNS.put("tested_at", Set.of("time", "测试时间", "时间"));
    }

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd H:mm");

    private final JdbcClient jdbc;
    private final PilotVillages villages;
    private final AuditTrail audit;
    private final UniversalSettings settings;
    private final Clock clock;

    CoverageEvidence(
            JdbcClient jdbc, PilotVillages villages, AuditTrail audit, UniversalSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.villages = villages;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** An operator sends its own sites; the ministry may send them for any operator. */
    public static boolean canSendSites(Actor actor) {
        return actor.role() == Role.OPERATOR
                || actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER;
    }

    /** Operators and the administrations send signal tests (each for its own villages). */
    public static boolean canSendTests(Actor actor) {
        return actor.role() == Role.OPERATOR || PilotVillages.canManageAny(actor);
    }

    /** The base sites of an operator. */
    public List<CoverageTest.Site> sites(String operatorCreditCode) {
        return jdbc.sql("select site_code, latitude, longitude, technology from universal_site"
                        + " where operator_credit_code = :operator order by site_code")
                .param("operator", operatorCreditCode)
                .query((rs, row) -> new CoverageTest.Site(
                        rs.getString(1),
                        rs.getBigDecimal(2).doubleValue(),
                        rs.getBigDecimal(3).doubleValue(),
                        Plan.valueOf(rs.getString(4))))
                .list();
    }

    /** The signal tests of a village, oldest first. */
    public List<CoverageTest.TestPoint> testPoints(long villageId) {
        return jdbc.sql("select * from universal_test_point where village_ref = :id order by tested_at, id")
                .param("id", villageId)
                .query((rs, row) -> new CoverageTest.TestPoint(
                        PlaceKind.valueOf(rs.getString("place_kind")),
                        rs.getString("place_name"),
                        (Integer) rs.getObject("households", Integer.class),
                        rs.getBoolean("has_signal"),
                        rs.getString("technology") == null ? null : Plan.valueOf(rs.getString("technology")),
                        rs.getObject("tested_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Imports base sites ({@code site_code,latitude,longitude,technology}) of the actor's own
     * enterprise, or for the ministry of the operator named.
     */
    @Transactional
    public ImportOutcome importSites(Actor actor, String operator, byte[] content) {
        if (!canSendSites(actor)) {
            throw new AccessDeniedException("operators send their base sites");
        }
        String creditCode;
        if (actor.role() == Role.OPERATOR) {
            creditCode = actor.scope().creditCode();
        } else {
            CompanyView company = operator == null || operator.isBlank()
                    ? null
                    : villages.operator(operator).orElse(null);
            if (company == null) {
                throw RejectedInputException.of(
                        "operator",
                        "universal.invalid.operator",
                        "is no registered operator",
                        String.valueOf(operator));
            }
            creditCode = company.creditCode();
        }
        CsvColumns.Read read = CsvColumns.read(
                content,
                SITE_COLUMNS,
                SITE_COLUMNS.keySet(),
                settings.maxUploadBytes(),
                settings.maxRows(),
                "universal.import.");
        if (!read.errors().isEmpty()) {
            return ImportOutcome.rejected(read.encoding(), read.errors());
        }
        String hash = Hashes.sha256(content);
        if (villages.alreadyImported("SITES", creditCode, hash)) {
            return new ImportOutcome(ImportOutcome.Status.ALREADY_IMPORTED, 0, read.encoding(), List.of());
        }
        List<LineError> errors = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        List<Object[]> sites = new ArrayList<>();
        for (CsvColumns.Row row : read.rows()) {
            if (errors.size() >= settings.maxErrors()) {
                break;
            }
            FieldProblems problems = new FieldProblems();
            String code = problems.text("site_code", row.get("site_code"), 64);
            BigDecimal latitude = Inputs.decimal(problems, "latitude", row.get("latitude"), "3", "54", 6);
            BigDecimal longitude = Inputs.decimal(problems, "longitude", row.get("longitude"), "73", "136", 6);
            Plan technology = radio(problems, "technology", row.get("technology"), true);
            if (code != null) {
                Long first = lines.putIfAbsent(code, row.line());
                if (first != null) {
                    problems.reject(
                            "site_code",
                            "universal.import.duplicateLine",
                            "the site repeats line " + first,
                            code,
                            first);
                }
            }
            add(errors, row.line(), problems);
            if (problems.isEmpty()) {
                sites.add(new Object[] {code, latitude, longitude, technology});
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.rejected(read.encoding(), errors);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        for (Object[] site : sites) {
            int updated = jdbc.sql("update universal_site set latitude = :lat, longitude = :lon, technology = :tech,"
                            + " updated_at = :at where operator_credit_code = :operator and site_code = :code")
                    .param("lat", site[1])
                    .param("lon", site[2])
                    .param("tech", ((Plan) site[3]).name())
                    .param("at", now)
                    .param("operator", creditCode)
                    .param("code", site[0])
                    .update();
            if (updated == 0) {
                jdbc.sql("insert into universal_site (operator_credit_code, site_code, latitude, longitude, technology,"
                                + " updated_at) values (:operator, :code, :lat, :lon, :tech, :at)")
                        .param("operator", creditCode)
                        .param("code", site[0])
                        .param("lat", site[1])
                        .param("lon", site[2])
                        .param("tech", ((Plan) site[3]).name())
                        .param("at", now)
                        .update();
            }
        }
        villages.recordImport("SITES", creditCode, hash, sites.size(), actor);
        audit.record("universal", "Sites", creditCode, "universalSitesImported", null, Map.of("sites", sites.size()));
        return new ImportOutcome(ImportOutcome.Status.IMPORTED, sites.size(), read.encoding(), List.of());
    }

    /**
     * Imports signal tests of a batch's villages
     * ({@code village_code,kind,name,households,signal,technology,tested_at}); the tests of every village
     * named replace the ones it had.
     */
    @Transactional
    public ImportOutcome importTestPoints(Actor actor, long batchId, byte[] content) {
        if (!canSendTests(actor)) {
            throw new AccessDeniedException("operators and administrations send signal tests");
        }
        CsvColumns.Read read = CsvColumns.read(
                content,
                POINT_COLUMNS,
                Set.of("village_code", "kind", "name", "signal", "tested_at"),
                settings.maxUploadBytes(),
                settings.maxRows(),
                "universal.import.");
        if (!read.errors().isEmpty()) {
            return ImportOutcome.rejected(read.encoding(), read.errors());
        }
        String hash = Hashes.sha256(content);
        String scopeKey = "batch:" + batchId + ":" + actor.organisationId();
        if (villages.alreadyImported("TESTS", scopeKey, hash)) {
            return new ImportOutcome(ImportOutcome.Status.ALREADY_IMPORTED, 0, read.encoding(), List.of());
        }
        Map<String, VillageView> byCode = new HashMap<>();
        for (VillageView village : villages.all(actor.scope(), VillageSearch.ofBatch(batchId))) {
            byCode.put(village.code(), village);
        }
        List<LineError> errors = new ArrayList<>();
        List<Object[]> points = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        for (CsvColumns.Row row : read.rows()) {
            if (errors.size() >= settings.maxErrors()) {
                break;
            }
            FieldProblems problems = new FieldProblems();
            String code = row.get("village_code") == null
                    ? ""
                    : row.get("village_code").strip();
            VillageView village = byCode.get(code);
            if (code.isEmpty()) {
                problems.reject("village_code", "invalid.required", "is required");
            } else if (village == null) {
                problems.reject(
                        "village_code",
                        "universal.invalid.notInBatch",
                        "is no village of this batch you may test",
                        code);
            } else if (actor.role() != Role.OPERATOR && !PilotVillages.canManage(actor, village.provinceCode())) {
                problems.reject(
                        "village_code",
                        "universal.invalid.outsideProvince",
                        "the village lies outside the actor's province",
                        code);
            } else if (village.status() == BuildStatus.ACCEPTED) {
                problems.reject(
                        "village_code", "universal.invalid.alreadyAccepted", "the village is already accepted", code);
            }
            PlaceKind kind = problems.choice("kind", row.get("kind"), PlaceKind.class);
            String name = problems.text("name", row.get("name"), 100);
            Integer households = null;
            if (kind == PlaceKind.SETTLEMENT) {
                households = Inputs.integer(problems, "households", row.get("households"), 0, 1_000_000);
            }
            Boolean signal = Inputs.flag(problems, "signal", row.get("signal"));
            Plan technology = radio(problems, "technology", row.get("technology"), Boolean.TRUE.equals(signal));
            Instant testedAt = time(problems, "tested_at", row.get("tested_at"));
            add(errors, row.line(), problems);
            if (problems.isEmpty()) {
                touched.add(village.id());
                points.add(new Object[] {village.id(), kind, name, households, signal, technology, testedAt});
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.rejected(read.encoding(), errors);
        }
        for (Long villageId : touched) {
            jdbc.sql("delete from universal_test_point where village_ref = :id")
                    .param("id", villageId)
                    .update();
        }
        for (Object[] point : points) {
            jdbc.sql(
                            "insert into universal_test_point (village_ref, place_kind, place_name, households, has_signal,"
                                    + " technology, tested_at) values (:village, :kind, :name, :households, :signal, :tech, :at)")
                    .param("village", point[0])
                    .param("kind", ((PlaceKind) point[1]).name())
                    .param("name", point[2])
                    .param("households", point[3])
                    .param("signal", point[4])
                    .param("tech", point[5] == null ? null : ((Plan) point[5]).name())
                    .param("at", ((Instant) point[6]).atOffset(ZoneOffset.UTC))
                    .update();
        }
        villages.recordImport("TESTS", scopeKey, hash, points.size(), actor);
        audit.record(
                "universal",
                "PilotBatch",
                String.valueOf(batchId),
                "universalSignalTestsImported",
                null,
                Map.of("tests", points.size(), "villages", touched.size()));
        return new ImportOutcome(ImportOutcome.Status.IMPORTED, points.size(), read.encoding(), List.of());
    }

    private static Plan radio(FieldProblems problems, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.reject(field, "invalid.required", "is required");
            }
            return null;
        }
        Plan plan = Plan.parse(text).orElse(null);
        if (plan == null || !plan.mobile()) {
            problems.reject(field, "universal.invalid.technology", "is not 4G or 5G", text.strip());
            return null;
        }
        return plan;
    }

    private Instant time(FieldProblems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        String cleaned = text.strip().replace('T', ' ');
        LocalDateTime local;
        try {
            local = cleaned.length() <= 10
                    ? LocalDate.parse(cleaned).atStartOfDay()
                    : LocalDateTime.parse(cleaned.length() > 16 ? cleaned.substring(0, 16) : cleaned, MINUTES);
        } catch (DateTimeParseException e) {
            problems.reject(field, "universal.invalid.time", "is not a time like 2026-05-01 10:30", text.strip());
            return null;
        }
        Instant instant = local.atZone(PilotBatches.CHINA).toInstant();
        if (instant.isAfter(clock.instant())) {
            problems.reject(field, "invalid.future", "is in the future");
            return null;
        }
        return instant;
    }

    private static void add(List<LineError> errors, long line, FieldProblems problems) {
        for (FieldProblem problem : problems.list()) {
            errors.add(new LineError(
                    line, problem.field(), problem.code(), problem.arguments(), problem.defaultMessage()));
        }
    }
}

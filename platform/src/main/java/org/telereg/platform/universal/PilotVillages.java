package org.telereg.platform.universal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.region.Division;
import org.telereg.engine.region.Divisions;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CsvColumns;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.Money;

/**
 * The villages of the pilot batches: assigned by the ministry or the provincial administration of
 * their province (form or CSV), their build progress reported by the operator they are assigned to,
 * and the late ones listed. Every query takes the reader's data scope: an administration sees its
 * province's villages, an operator only its own assignments.
 */
@Service
public class PilotVillages {

    /** Mainland China's extent with a margin: a committee outside it is a swapped or mistyped coordinate. */
    static final BigDecimal MIN_LATITUDE = new BigDecimal("3");

    static final BigDecimal MAX_LATITUDE = new BigDecimal("54");
    static final BigDecimal MIN_LONGITUDE = new BigDecimal("73");
    static final BigDecimal MAX_LONGITUDE = new BigDecimal("136");

    static final Map<String, Set<String>> COLUMNS = columns();
    private static final Set<String> REQUIRED = Set.of(
            "village_code",
            "name",
            "latitude",
            "longitude",
            "population",
            "households",
            "operator",
            "plan",
            "construction_cost",
            "yearly_operation_cost");

    private static final String SELECT = "select v.*, b.name as batch_name, b.completion_due from universal_village v"
            + " join universal_batch b on b.id = v.batch_ref";

    private final JdbcClient jdbc;
    private final PilotBatches batches;
    private final CompanyAliases aliases;
    private final CompanyRegistry companies;
    private final AuditTrail audit;
    private final UniversalSettings settings;
    private final Clock clock;

    PilotVillages(
            JdbcClient jdbc,
            PilotBatches batches,
            CompanyAliases aliases,
            CompanyRegistry companies,
            AuditTrail audit,
            UniversalSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.aliases = aliases;
        this.companies = companies;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** The ministry's staff assign any village; a provincial administration those of its province. */
    public static boolean canManage(Actor actor, String provinceCode) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> true;
            case PROVINCIAL_OFFICER -> actor.scope().coversProvince(provinceCode);
            default -> false;
        };
    }

    /** Whether the actor assigns villages at all (shows the form and the import). */
    public static boolean canManageAny(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    /** The operator a village is assigned to reports its progress. */
    public static boolean canReport(Actor actor, VillageView village) {
        return actor.role() == Role.OPERATOR
                && village.operatorCreditCode().equals(actor.scope().creditCode());
    }

    public Optional<VillageView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("v.province_code", "v.operator_credit_code", params);
        return jdbc.sql(SELECT + " where v.id = :id and " + condition)
                .params(params)
                .param("id", id)
                .query(PilotVillages::village)
                .optional();
    }

    public VillageView get(DataScope scope, long id) {
        return find(scope, id).orElseThrow(() -> new NoSuchElementException("village " + id));
    }

    /** One page of the villages the scope covers, by batch, province and code. */
    public Page<VillageView> search(DataScope scope, VillageSearch search, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        String where = where(scope, search, params);
        long total = jdbc.sql(
                        "select count(*) from universal_village v join universal_batch b on b.id = v.batch_ref" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<VillageView> rows = jdbc.sql(SELECT + where
                        + " order by b.pilot_year desc, v.batch_ref desc, v.province_code, v.village_code"
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(PilotVillages::village)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Every village the scope covers that matches, for reports and exports. */
    public List<VillageView> all(DataScope scope, VillageSearch search) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SELECT + where(scope, search, params)
                        + " order by v.batch_ref, v.province_code, v.village_code")
                .params(params)
                .query(PilotVillages::village)
                .list();
    }

    /** How many villages of the search (whatever its status filter) are in each status. */
    public Map<BuildStatus, Long> statusCounts(DataScope scope, VillageSearch search) {
        Map<String, Object> params = new HashMap<>();
        Map<BuildStatus, Long> counts = new EnumMap<>(BuildStatus.class);
        for (BuildStatus status : BuildStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select v.status, count(*) from universal_village v join universal_batch b on b.id = v.batch_ref"
                        + where(scope, search.withoutStatus(), params) + " group by v.status")
                .params(params)
                .query((ResultSet rs) -> {
                    counts.put(BuildStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    private String where(DataScope scope, VillageSearch search, Map<String, Object> params) {
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.sqlCondition("v.province_code", "v.operator_credit_code", params));
        if (search.batchId() != null) {
            where.append(" and v.batch_ref = :batch");
            params.put("batch", search.batchId());
        }
        if (search.status() != null) {
            where.append(" and v.status = :status");
            params.put("status", search.status().name());
        }
        if (search.provinceCode() != null && !search.provinceCode().isBlank()) {
            where.append(" and v.province_code = :province");
            params.put("province", search.provinceCode().strip());
        }
        if (search.plan() != null) {
            where.append(" and v.network_plan = :plan");
            params.put("plan", search.plan().name());
        }
        if (search.operator() != null && !search.operator().isBlank()) {
            where.append(" and (v.operator_name like :operator or v.operator_credit_code = :operatorCode)");
            params.put("operator", like(search.operator()));
            params.put("operatorCode", search.operator().strip().toUpperCase(Locale.ROOT));
        }
        if (search.text() != null && !search.text().isBlank()) {
            where.append(" and (v.name like :text or v.village_code like :text)");
            params.put("text", like(search.text()));
        }
        if (search.lateOnly()) {
            where.append(" and v.status in ('PLANNED', 'UNDER_CONSTRUCTION', 'FAILED_ACCEPTANCE')"
                    + " and b.completion_due < :today");
            params.put("today", batches.today());
        }
        return where.toString();
    }

    private static String like(String text) {
        return "%" + text.strip().replace("%", "").replace("_", "") + "%";
    }

    /** The village's timeline, oldest first. */
    public List<VillageStep> steps(long villageId) {
        return jdbc.sql("select * from universal_village_step where village_ref = :id order by id")
                .param("id", villageId)
                .query((rs, row) -> new VillageStep(
                        rs.getString("action"),
                        BuildStatus.valueOf(rs.getString("status")),
                        rs.getInt("progress_percent"),
                        rs.getObject("happened_on", LocalDate.class),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    /** A village checked and resolved, ready to write. */
    record Checked(
            String code,
            String name,
            String countyCode,
            String provinceCode,
            BigDecimal latitude,
            BigDecimal longitude,
            int population,
            int households,
            boolean border,
            boolean island,
            CompanyView operator,
            Plan plan,
            BigDecimal construction,
            BigDecimal operation) {}

    /**
     * Adds a village to a batch, or changes one when {@code villageId} is given (its code stays).
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming each refused field
     */
    @Transactional
    public VillageView save(Actor actor, long batchId, Long villageId, VillageForm form) {
        if (!canManageAny(actor)) {
            throw new AccessDeniedException("the ministry and the provincial administrations assign villages");
        }
        PilotBatch batch = batches.get(batchId);
        VillageView before = villageId == null ? null : get(actor.scope(), villageId);
        if (before != null && before.batchId() != batchId) {
            throw new NoSuchElementException("village " + villageId + " of batch " + batchId);
        }
        FieldProblems problems = new FieldProblems();
        Checked checked = check(actor, form, problems);
        if (checked != null && before != null && !checked.code().equals(before.code())) {
            problems.reject("village_code", "universal.invalid.codeFixed", "a village keeps its code", before.code());
        }
        if (checked != null && before == null && exists(batch.id(), checked.code())) {
            problems.reject(
                    "village_code",
                    "universal.invalid.duplicateVillage",
                    "the village is already in this batch",
                    checked.code(),
                    batch.name());
        }
        problems.throwIfAny();
        long id;
        if (before == null) {
            id = insert(batch, checked);
            step(id, "ASSIGNED", BuildStatus.PLANNED, 0, null, actor, null);
            String key = batch.name() + "/" + checked.code();
            audit.record("universal", "Village", key, "universalVillageAssigned", null, summary(checked));
        } else {
            id = before.id();
            update(id, checked);
            step(id, "CHANGED", before.status(), before.progressPercent(), null, actor, null);
            String key = batch.name() + "/" + checked.code();
            audit.record(
                    "universal", "Village", key, "universalVillageChanged", VillageForm.of(before), summary(checked));
        }
        return get(DataScope.all(), id);
    }

    /**
     * Imports a batch's villages from CSV, all or nothing: every refused line is listed with its
     * column; a village twice in the file or already in the batch is refused; the same file again
     * changes nothing.
     */
    @Transactional
    public ImportOutcome importCsv(Actor actor, long batchId, byte[] content) {
        if (!canManageAny(actor)) {
            throw new AccessDeniedException("the ministry and the provincial administrations assign villages");
        }
        PilotBatch batch = batches.get(batchId);
        CsvColumns.Read read = CsvColumns.read(
                content, COLUMNS, REQUIRED, settings.maxUploadBytes(), settings.maxRows(), "universal.import.");
        if (!read.errors().isEmpty()) {
            return ImportOutcome.rejected(read.encoding(), read.errors());
        }
        String hash = Hashes.sha256(content);
        if (alreadyImported("VILLAGES", "batch:" + batchId, hash)) {
            return new ImportOutcome(ImportOutcome.Status.ALREADY_IMPORTED, 0, read.encoding(), List.of());
        }
        List<LineError> errors = new ArrayList<>();
        List<Checked> villages = new ArrayList<>();
        Map<String, Long> lines = new HashMap<>();
        for (CsvColumns.Row row : read.rows()) {
            if (errors.size() >= settings.maxErrors()) {
                break;
            }
            FieldProblems problems = new FieldProblems();
            Checked checked = check(actor, formOf(row), problems);
            if (checked != null) {
                Long first = lines.putIfAbsent(checked.code(), row.line());
                if (first != null) {
                    problems.reject(
                            "village_code",
                            "universal.import.duplicateLine",
                            "the village repeats line " + first,
                            checked.code(),
                            first);
                } else if (exists(batch.id(), checked.code())) {
                    problems.reject(
                            "village_code",
                            "universal.invalid.duplicateVillage",
                            "the village is already in this batch",
                            checked.code(),
                            batch.name());
                }
            }
            for (FieldProblem problem : problems.list()) {
                errors.add(new LineError(
                        row.line(), problem.field(), problem.code(), problem.arguments(), problem.defaultMessage()));
            }
            if (problems.isEmpty()) {
                villages.add(checked);
            }
        }
        if (!errors.isEmpty()) {
            return ImportOutcome.rejected(read.encoding(), errors);
        }
        for (Checked checked : villages) {
            long id = insert(batch, checked);
            step(id, "IMPORTED", BuildStatus.PLANNED, 0, null, actor, null);
        }
        recordImport("VILLAGES", "batch:" + batchId, hash, villages.size(), actor);
        audit.record(
                "universal",
                "PilotBatch",
                String.valueOf(batchId),
                "universalVillagesImported",
                null,
                Map.of("villages", villages.size(), "sha256", hash));
        return new ImportOutcome(ImportOutcome.Status.IMPORTED, villages.size(), read.encoding(), List.of());
    }

    /**
     * The operator reports how far a village's network has come: under construction with a
     * percentage, or built (100 %). A village awaiting or past acceptance cannot be reported on, and
     * a day before the last milestone or in the future is refused.
     */
    @Transactional
    public VillageView reportProgress(Actor actor, long villageId, ProgressForm form) {
        VillageView village = get(actor.scope(), villageId);
        if (!canReport(actor, village)) {
            throw new AccessDeniedException("the operator the village is assigned to reports its progress");
        }
        FieldProblems problems = new FieldProblems();
        BuildStatus status = problems.choice("status", form.status(), BuildStatus.class);
        LocalDate today = batches.today();
        LocalDate on = problems.pastDate("on", form.on(), true, today);
        Integer percent = null;
        if (status != null && !village.status().reportableNext().contains(status)) {
            problems.reject(
                    "status",
                    "universal.invalid.transition",
                    "a " + village.status() + " village cannot become " + status,
                    village.status().name(),
                    status.name());
        } else if (status == BuildStatus.BUILT) {
            percent = 100;
        } else if (status != null) {
            percent = Inputs.integer(problems, "percent", form.percent(), 0, 99);
            if (percent != null
                    && village.status() == BuildStatus.UNDER_CONSTRUCTION
                    && percent < village.progressPercent()) {
                problems.reject(
                        "percent",
                        "universal.invalid.percentBackwards",
                        "is below the last reported progress",
                        percent,
                        village.progressPercent());
            }
        }
        LocalDate last = latest(village.startedOn(), village.builtOn());
        if (on != null && last != null && on.isBefore(last)) {
            problems.reject(
                    "on", "universal.invalid.beforeLastMilestone", "is before the last milestone", last.toString());
        }
        String note = problems.optionalMultilineText("note", form.note(), 1000);
        problems.throwIfAny();
        LocalDate started = village.startedOn() == null ? on : village.startedOn();
        LocalDate built = status == BuildStatus.BUILT ? on : null;
        jdbc.sql("""
                        update universal_village set status = :status, progress_percent = :percent,
                            started_on = :started, built_on = :built, updated_at = :at
                        where id = :id""")
                .param("status", status.name())
                .param("percent", percent)
                .param("started", started)
                .param("built", built)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", villageId)
                .update();
        step(villageId, "PROGRESS", status, percent, on, actor, note);
        String key = village.batchName() + "/" + village.code();
        audit.record(
                "universal",
                "Village",
                key,
                "universalProgressReported",
                Map.of("status", village.status(), "percent", village.progressPercent()),
                Map.of("status", status, "percent", percent, "on", on.toString()));
        return get(DataScope.all(), villageId);
    }

    private static LocalDate latest(LocalDate a, LocalDate b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    /** Checks one village's fields; null when a field that others depend on is refused. */
    Checked check(Actor actor, VillageForm form, FieldProblems problems) {
        String code = form.village_code() == null ? "" : form.village_code().strip();
        String county = null;
        String province = null;
        if (code.isEmpty()) {
            problems.reject("village_code", "invalid.required", "is required");
        } else if (!code.matches("\\d{12}")) {
            problems.reject(
                    "village_code", "universal.invalid.villageCode", "is not a 12-digit village code", shown(code));
        } else {
            Optional<Division> division = county(code.substring(0, 6));
            if (division.isEmpty()) {
                problems.reject(
                        "village_code",
                        "universal.invalid.county",
                        "its first six digits are no current county",
                        code.substring(0, 6));
            } else {
                county = code.substring(0, 6);
                province = division.get().provinceCode();
                if (!canManage(actor, province)) {
                    problems.reject(
                            "village_code",
                            "universal.invalid.outsideProvince",
                            "the village lies outside the actor's province",
                            code);
                }
            }
        }
        String name = problems.text("name", form.name(), 100);
        BigDecimal latitude = Inputs.decimal(
                problems, "latitude", form.latitude(), MIN_LATITUDE.toPlainString(), MAX_LATITUDE.toPlainString(), 6);
        BigDecimal longitude = Inputs.decimal(
                problems,
                "longitude",
                form.longitude(),
                MIN_LONGITUDE.toPlainString(),
                MAX_LONGITUDE.toPlainString(),
                6);
        Integer population = Inputs.integer(problems, "population", form.population(), 1, 1_000_000);
        Integer households = Inputs.integer(problems, "households", form.households(), 1, 1_000_000);
        if (population != null && households != null && households > population) {
            problems.reject(
                    "households",
                    "universal.invalid.householdsAbovePopulation",
                    "exceeds the population",
                    households,
                    population);
        }
        Boolean border = Inputs.flag(problems, "border", form.border());
        Boolean island = Inputs.flag(problems, "island", form.island());
        CompanyView operator = null;
        if (form.operator() == null || form.operator().isBlank()) {
            problems.reject("operator", "invalid.required", "is required");
        } else {
            operator = operator(form.operator()).orElse(null);
            if (operator == null) {
                problems.reject(
                        "operator", "universal.invalid.operator", "is no registered operator", shown(form.operator()));
            }
        }
        Plan plan = null;
        if (form.plan() == null || form.plan().isBlank()) {
            problems.reject("plan", "invalid.required", "is required");
        } else {
            plan = Plan.parse(form.plan()).orElse(null);
            if (plan == null) {
                problems.reject("plan", "universal.invalid.plan", "is not FIBRE, 4G or 5G", shown(form.plan()));
            }
        }
        Money construction = problems.parse("construction_cost", form.construction_cost(), Money::of);
        Money operation = problems.parse("yearly_operation_cost", form.yearly_operation_cost(), Money::of);
        if (!problems.isEmpty()) {
            return null;
        }
        return new Checked(
                code,
                name,
                county,
                province,
                latitude,
                longitude,
                population,
                households,
                border,
                island,
                operator,
                plan,
                construction.yuan(),
                operation.yuan());
    }

    /**
     * The county-level division of a six-digit code: a county, or a city without counties (东莞 441900,
     * 中山 442000, 儋州 460400), whose villages' codes begin with the city's own code.
     */
    static Optional<Division> county(String sixDigits) {
        Optional<Division> division = Divisions.standard().current(sixDigits);
        if (division.isPresent() && division.get().level() == Division.Level.COUNTY) {
            return division;
        }
        return Divisions.standard().counties(sixDigits.substring(0, 4)).stream()
                .filter(d -> d.code().equals(sixDigits))
                .findFirst();
    }

    /** The operator named by its credit code, its registered name or an alias. */
    Optional<CompanyView> operator(String text) {
        String named = text.strip();
        Optional<CompanyView> byCode = named.length() == 18
                ? companies.find(DataScope.all(), named.toUpperCase(Locale.ROOT))
                : Optional.empty();
        if (byCode.isPresent()) {
            return byCode;
        }
        return aliases.creditCode(named).flatMap(code -> companies.find(DataScope.all(), code));
    }

    private static String shown(String text) {
        String stripped = text.strip();
        return stripped.length() > 40 ? stripped.substring(0, 40) + "…" : stripped;
    }

    private static VillageForm formOf(CsvColumns.Row row) {
        return new VillageForm(
                row.get("village_code"),
                row.get("name"),
                row.get("latitude"),
                row.get("longitude"),
                row.get("population"),
                row.get("households"),
                row.get("border"),
                row.get("island"),
                row.get("operator"),
                row.get("plan"),
                row.get("construction_cost"),
                row.get("yearly_operation_cost"));
    }

    private boolean exists(long batchId, String code) {
        return jdbc.sql("select count(*) from universal_village where batch_ref = :batch and village_code = :code")
                        .param("batch", batchId)
                        .param("code", code)
                        .query(Long.class)
                        .single()
                > 0;
    }

    private long insert(PilotBatch batch, Checked v) {
        jdbc.sql("""
                        insert into universal_village (batch_ref, village_code, name, county_code, province_code, latitude,
                            longitude, population, households, border, island, operator_credit_code, operator_name,
                            network_plan, construction_cost, yearly_operation_cost, status, progress_percent, updated_at)
                        values (:batch, :code, :name, :county, :province, :lat, :lon, :population, :households, :border,
                            :island, :operator, :operatorName, :plan, :construction, :operation, 'PLANNED', 0, :at)""")
                .params(values(v))
                .param("batch", batch.id())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select id from universal_village where batch_ref = :batch and village_code = :code")
                .param("batch", batch.id())
                .param("code", v.code())
                .query(Long.class)
                .single();
    }

    private void update(long id, Checked v) {
        jdbc.sql("""
                        update universal_village set name = :name, latitude = :lat, longitude = :lon,
                            population = :population, households = :households, border = :border, island = :island,
                            operator_credit_code = :operator, operator_name = :operatorName, network_plan = :plan,
                            construction_cost = :construction, yearly_operation_cost = :operation, updated_at = :at
                        where id = :id""")
                .params(values(v))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
    }

    private static Map<String, Object> values(Checked v) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("code", v.code());
        values.put("name", v.name());
        values.put("county", v.countyCode());
        values.put("province", v.provinceCode());
        values.put("lat", v.latitude());
        values.put("lon", v.longitude());
        values.put("population", v.population());
        values.put("households", v.households());
        values.put("border", v.border());
        values.put("island", v.island());
        values.put("operator", v.operator().creditCode());
        values.put("operatorName", v.operator().name());
        values.put("plan", v.plan().name());
        values.put("construction", v.construction());
        values.put("operation", v.operation());
        return values;
    }

    private static Map<String, Object> summary(Checked v) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("code", v.code());
        summary.put("name", v.name());
        summary.put("operator", v.operator().creditCode());
        summary.put("plan", v.plan());
        summary.put("construction", v.construction());
        summary.put("operation", v.operation());
        summary.put("border", v.border());
        summary.put("island", v.island());
        return summary;
    }

    boolean alreadyImported(String kind, String scopeKey, String hash) {
        return jdbc.sql("select count(*) from universal_import where kind = :kind and scope_key = :scope"
                                + " and content_sha256 = :hash")
                        .param("kind", kind)
                        .param("scope", scopeKey)
                        .param("hash", hash)
                        .query(Long.class)
                        .single()
                > 0;
    }

    void recordImport(String kind, String scopeKey, String hash, int rows, Actor actor) {
        jdbc.sql(
                        "insert into universal_import (kind, scope_key, content_sha256, rows_imported, imported_by, imported_at)"
                                + " values (:kind, :scope, :hash, :rows, :by, :at)")
                .param("kind", kind)
                .param("scope", scopeKey)
                .param("hash", hash)
                .param("rows", rows)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
    }

    void step(long villageId, String action, BuildStatus status, int percent, LocalDate on, Actor actor, String note) {
        jdbc.sql(
                        "insert into universal_village_step (village_ref, action, status, progress_percent, happened_on, actor,"
                                + " at, note) values (:id, :action, :status, :percent, :on, :actor, :at, :note)")
                .param("id", villageId)
                .param("action", action)
                .param("status", status.name())
                .param("percent", percent)
                .param("on", on)
                .param("actor", actor.displayName() + " (" + actor.organisationName() + ")")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", note)
                .update();
    }

    static VillageView village(ResultSet rs, int row) throws SQLException {
        return new VillageView(
                rs.getLong("id"),
                rs.getLong("batch_ref"),
                rs.getString("batch_name"),
                rs.getString("village_code"),
                rs.getString("name"),
                rs.getString("county_code"),
                rs.getString("province_code"),
                rs.getBigDecimal("latitude"),
                rs.getBigDecimal("longitude"),
                rs.getInt("population"),
                rs.getInt("households"),
                rs.getBoolean("border"),
                rs.getBoolean("island"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                Plan.valueOf(rs.getString("network_plan")),
                rs.getBigDecimal("construction_cost"),
                rs.getBigDecimal("yearly_operation_cost"),
                BuildStatus.valueOf(rs.getString("status")),
                rs.getInt("progress_percent"),
                rs.getObject("started_on", LocalDate.class),
                rs.getObject("built_on", LocalDate.class),
                rs.getObject("accepted_on", LocalDate.class),
                rs.getObject("completion_due", LocalDate.class));
    }

    private static Map<String, Set<String>> columns() {
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        columns.put("village_code", Set.of("code", "行政村代码", "村代码", "统计用区划代码"));
        columns.put("name", Set.of("village", "村名", "行政村", "名称"));
        columns.put("latitude", Set.of("lat", "纬度"));
        columns.put("longitude", Set.of("lon", "lng", "经度"));
        columns.put("population", Set.of("人口"));
        columns.put("households", Set.of("户数"));
        columns.put("border", Set.of("边境"));
        columns.put("island", Set.of("海岛"));
        columns.put("operator", Set.of("运营商", "企业", "承建企业"));
        columns.put("plan", Set.of("建设方式", "网络"));
        columns.put("construction_cost", Set.of("construction", "建设投资", "建设成本"));
        columns.put("yearly_operation_cost", Set.of("operation", "年运维成本", "年运行维护成本"));
        return columns;
    }
}

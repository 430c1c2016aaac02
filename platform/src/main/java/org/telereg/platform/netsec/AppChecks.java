package org.telereg.platform.netsec;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.CsvColumns;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.LineError;

/**
 * App test batches run by third-party labs and their results: the Apps tested (one row per version),
 * the SDKs found in them and the findings per {@link AppRule}. The ministry's staff create batches and
 * import results, by CSV (UTF-8 or GBK) or JSON, all or nothing; administrations see the Apps of
 * companies registered in their province, a company its own Apps.
 */
@Service
public class AppChecks {

    /** The largest results file accepted: a batch of a few thousand Apps fits in well under this. */
    static final int MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

    static final int MAX_ROWS = 20_000;

    static final String COLUMN_APP_NAME = "app_name";
    static final String COLUMN_PACKAGE = "package_name";
    static final String COLUMN_VERSION = "version";
    static final String COLUMN_CREDIT_CODE = "credit_code";
    static final String COLUMN_COMPANY = "company_name";
    static final String COLUMN_STORE = "store";
    static final String COLUMN_RULE = "rule";
    static final String COLUMN_SDK = "sdk";
    static final String COLUMN_SDK_COMPANY = "sdk_company";
    static final String COLUMN_DETAIL = "detail";

    /** Each column and the Chinese headers a lab's spreadsheet may give it. */
    private static final Map<String, Set<String>> COLUMNS = Map.of(
            COLUMN_APP_NAME, Set.of("应用名称", "App名称"),
            COLUMN_PACKAGE, Set.of("包名", "bundle_id", "包名/Bundle ID"),
            COLUMN_VERSION, Set.of("版本", "版本号"),
            COLUMN_CREDIT_CODE, Set.of("统一社会信用代码", "信用代码"),
            COLUMN_COMPANY, Set.of("开发者", "企业名称", "运营者"),
            COLUMN_STORE, Set.of("应用商店", "来源"),
            COLUMN_RULE, Set.of("问题", "规则"),
            COLUMN_SDK, Set.of("SDK", "SDK名称"),
            COLUMN_SDK_COMPANY, Set.of("SDK企业", "SDK开发者"),
            COLUMN_DETAIL, Set.of("说明", "问题描述"));

    private static final Set<String> REQUIRED =
            Set.of(COLUMN_APP_NAME, COLUMN_PACKAGE, COLUMN_VERSION, COLUMN_CREDIT_CODE, COLUMN_STORE, COLUMN_RULE);

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String SELECT_APP =
            "select a.*, b.name as batch_name from netsec_app a join netsec_app_batch b on b.id = a.batch_id";

    private final JdbcClient jdbc;
    private final CompanyRegistry companies;
    private final AppGraph graph;
    private final AuditTrail audit;
    private final Clock clock;

    AppChecks(JdbcClient jdbc, CompanyRegistry companies, AppGraph graph, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.graph = graph;
        this.audit = audit;
        this.clock = clock;
    }

    /** The ministry's staff create batches, import results, publish notices and re-check. */
    public static boolean canManage(Actor actor) {
        return (actor.role() == Role.MINISTRY_ADMIN || actor.role() == Role.MINISTRY_OFFICER)
                && actor.scope().kind() == DataScope.Kind.ALL;
    }

    /** Everyone but an access provider has business here: regulators, auditors and companies. */
    public static boolean canRead(Actor actor) {
        return actor.role() != Role.ACCESS_PROVIDER && actor.scope().kind() != DataScope.Kind.NONE;
    }

    /** An organisation that answers for its own Apps. */
    public static boolean isCompany(Actor actor) {
        return actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Creates a batch.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming the refused fields
     */
    @Transactional
    public AppCheckBatchView createBatch(Actor actor, AppCheckBatchForm form) {
        requireManage(actor);
        FieldProblems problems = new FieldProblems();
        String name = problems.text("name", form.name(), 200);
        String lab = problems.text("lab", form.lab(), 200);
        LocalDate from = problems.pastDate("periodFrom", form.periodFrom(), true, today());
        LocalDate to = problems.date("periodTo", form.periodTo(), true);
        String source = problems.text("source", form.source(), 200);
        if (from != null && to != null && to.isBefore(from)) {
            problems.reject("periodTo", "netsec.app.batch.periodOrder", "ends before it starts");
        }
        if (name != null
                && jdbc.sql("select count(*) from netsec_app_batch where name = :name")
                                .param("name", name)
                                .query(Long.class)
                                .single()
                        > 0) {
            problems.reject("name", "netsec.app.batch.duplicate", "a batch of this name exists", name);
        }
        problems.throwIfAny();
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into netsec_app_batch (name, lab, period_from, period_to, source, created_by, created_at)
                values (:name, :lab, :from, :to, :source, :by, :at)""")
                .param("name", name)
                .param("lab", lab)
                .param("from", from)
                .param("to", to)
                .param("source", source)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("name", name);
        after.put("lab", lab);
        after.put("period", from + "/" + to);
        after.put("source", source);
        audit.record("netsec", "AppCheckBatch", Long.toString(id), "netsecAppBatchCreated", null, after);
        return batch(id).orElseThrow();
    }

    /** Every batch, the latest period first, with its counts. */
    @Transactional(readOnly = true)
    public List<AppCheckBatchView> batches() {
        return jdbc.sql(SELECT_BATCH + " order by b.period_to desc, b.id desc")
                .query(AppChecks::batchView)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<AppCheckBatchView> batch(long id) {
        return jdbc.sql(SELECT_BATCH + " where b.id = :id")
                .param("id", id)
                .query(AppChecks::batchView)
                .optional();
    }

    private static final String SELECT_BATCH = "select b.*,"
            + " (select count(*) from netsec_app a where a.batch_id = b.id) as apps,"
            + " (select count(distinct f.app_id) from netsec_app_finding f join netsec_app a on a.id = f.app_id"
            + " where a.batch_id = b.id) as apps_with_findings,"
            + " (select count(*) from netsec_app_finding f join netsec_app a on a.id = f.app_id"
            + " where a.batch_id = b.id) as findings"
            + " from netsec_app_batch b";

    private static AppCheckBatchView batchView(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new AppCheckBatchView(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("lab"),
                rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class),
                rs.getString("source"),
                rs.getString("created_by"),
                rs.getLong("apps"),
                rs.getLong("apps_with_findings"),
                rs.getLong("findings"));
    }

    /**
     * The Apps the scope covers, filtered; {@code withFindings} keeps those with at least one.
     *
     * @param batchId one batch, or null
     * @param text part of the App's name, package name or company name, or null
     */
    @Transactional(readOnly = true)
    public List<AppCheckView> apps(DataScope scope, Long batchId, String text, boolean withFindings) {
        return apps(scope, batchId, text, withFindings, Pageable.unpaged()).getContent();
    }

    /**
     * One page of {@link #apps(DataScope, Long, String, boolean)}, in the same order: a national batch holds
     * thousands of Apps, each with its SDKs and findings.
     */
    @Transactional(readOnly = true)
    public Page<AppCheckView> apps(
            DataScope scope, Long batchId, String text, boolean withFindings, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(" where ").append(scope.sqlCondition("a.province_code", "a.credit_code", params));
        if (batchId != null) {
            where.append(" and a.batch_id = :batch");
            params.put("batch", batchId);
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (lower(a.app_name) like :text or lower(a.package_name) like :text"
                    + " or lower(a.company_name) like :text or a.credit_code = :code)");
            params.put("text", "%" + text.strip().toLowerCase(java.util.Locale.ROOT) + "%");
            params.put("code", text.strip().toUpperCase(java.util.Locale.ROOT));
        }
        if (withFindings) {
            where.append(" and exists (select 1 from netsec_app_finding f where f.app_id = a.id)");
        }
        String order = " order by b.period_to desc, a.company_name, a.app_name, a.app_version, a.id";
        if (pageable.isUnpaged()) {
            return new PageImpl<>(load(SELECT_APP + where + order, params));
        }
        long total = jdbc.sql("select count(*) from netsec_app a" + where)
                .params(params)
                .query(Long.class)
                .single();
        params.put("limit", pageable.getPageSize());
        params.put("offset", pageable.getOffset());
        return new PageImpl<>(
                load(SELECT_APP + where + order + " limit :limit offset :offset", params), pageable, total);
    }

    /** One tested App, when the scope covers it. */
    @Transactional(readOnly = true)
    public Optional<AppCheckView> app(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", id);
        List<AppCheckView> found = load(
                SELECT_APP + " where a.id = :id and " + scope.sqlCondition("a.province_code", "a.credit_code", params),
                params);
        return found.stream().findFirst();
    }

    /** Every tested version of one App (by package name) the scope covers, the latest batch first. */
    @Transactional(readOnly = true)
    public List<AppCheckView> history(DataScope scope, String packageName) {
        Map<String, Object> params = new HashMap<>();
        params.put("package", packageName);
        return load(
                SELECT_APP + " where a.package_name = :package and "
                        + scope.sqlCondition("a.province_code", "a.credit_code", params)
                        + " order by b.period_to desc, a.id desc",
                params);
    }

    List<AppCheckView> load(String sql, Map<String, Object> params) {
        record Row(
                long id,
                long batchId,
                String batchName,
                String appName,
                String packageName,
                String version,
                String creditCode,
                String companyName,
                String provinceCode,
                String store) {}
        List<Row> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getLong("id"),
                        rs.getLong("batch_id"),
                        rs.getString("batch_name"),
                        rs.getString("app_name"),
                        rs.getString("package_name"),
                        rs.getString("app_version"),
                        rs.getString("credit_code"),
                        rs.getString("company_name"),
                        rs.getString("province_code"),
                        rs.getString("store")))
                .list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<Long, List<SdkView>> sdks = new HashMap<>();
        Map<Long, List<AppFindingView>> findings = new HashMap<>();
        // Batches of ids keep the IN list within what both databases accept.
        for (int from = 0; from < rows.size(); from += 1000) {
            List<Long> ids = rows.subList(from, Math.min(rows.size(), from + 1000)).stream()
                    .map(Row::id)
                    .toList();
            jdbc.sql("select * from netsec_app_sdk where app_id in (:ids) order by sdk_name")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        sdks.computeIfAbsent(rs.getLong("app_id"), k -> new ArrayList<>())
                                .add(new SdkView(rs.getString("sdk_name"), rs.getString("sdk_company")));
                        return null;
                    })
                    .list();
            jdbc.sql("select * from netsec_app_finding where app_id in (:ids) order by id")
                    .param("ids", ids)
                    .query((rs, n) -> {
                        findings.computeIfAbsent(rs.getLong("app_id"), k -> new ArrayList<>())
                                .add(new AppFindingView(
                                        rs.getLong("id"),
                                        AppRule.valueOf(rs.getString("rule_code")),
                                        rs.getString("sdk_name"),
                                        rs.getString("detail")));
                        return null;
                    })
                    .list();
        }
        return rows.stream()
                .map(r -> new AppCheckView(
                        r.id(),
                        r.batchId(),
                        r.batchName(),
                        r.appName(),
                        r.packageName(),
                        r.version(),
                        r.creditCode(),
                        r.companyName(),
                        r.provinceCode(),
                        r.store(),
                        sdks.getOrDefault(r.id(), List.of()),
                        findings.getOrDefault(r.id(), List.of())))
                .toList();
    }

    /**
     * Imports a lab's results file into a batch: one line per finding (an App with several findings
     * has several lines; a line without a rule records an App tested without findings, a line with an
     * SDK and no rule an SDK found but not at fault). All lines or none.
     */
    @Transactional
    public AppCheckImportResult importCsv(Actor actor, long batchId, byte[] content) {
        requireManage(actor);
        AppCheckBatchView batch = batch(batchId).orElseThrow(() -> new NoSuchElementException("batch " + batchId));
        CsvColumns.Read read =
                CsvColumns.read(content, COLUMNS, REQUIRED, MAX_UPLOAD_BYTES, MAX_ROWS, "netsec.app.import.");
        if (!read.errors().isEmpty()) {
            return AppCheckImportResult.rejected(read.encoding(), read.errors());
        }
        List<Line> lines = new ArrayList<>();
        for (CsvColumns.Row row : read.rows()) {
            lines.add(new Line(
                    row.line(),
                    row.get(COLUMN_APP_NAME),
                    row.get(COLUMN_PACKAGE),
                    row.get(COLUMN_VERSION),
                    row.get(COLUMN_CREDIT_CODE),
                    row.get(COLUMN_COMPANY),
                    row.get(COLUMN_STORE),
                    row.get(COLUMN_RULE),
                    row.get(COLUMN_SDK),
                    row.get(COLUMN_SDK_COMPANY),
                    row.get(COLUMN_DETAIL)));
        }
        return write(actor, batch, lines, read.encoding());
    }

    /**
     * Imports results sent as JSON, with the rules of {@link #importCsv}; a problem's line is the
     * App's position in {@code apps} (from 1).
     */
    @Transactional
    public AppCheckImportResult importReport(Actor actor, long batchId, AppCheckReport report) {
        requireManage(actor);
        AppCheckBatchView batch = batch(batchId).orElseThrow(() -> new NoSuchElementException("batch " + batchId));
        if (report == null || report.apps() == null || report.apps().isEmpty()) {
            return AppCheckImportResult.rejected(
                    null, List.of(new LineError(0, "apps", "netsec.app.import.noRows", new Object[0], "no Apps")));
        }
        if (report.apps().size() > MAX_ROWS) {
            return AppCheckImportResult.rejected(
                    null,
                    List.of(new LineError(
                            0,
                            "apps",
                            "netsec.app.import.tooManyRows",
                            new Object[] {MAX_ROWS},
                            "more than " + MAX_ROWS + " Apps")));
        }
        List<Line> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        for (int i = 0; i < report.apps().size(); i++) {
            AppCheckReport.App app = report.apps().get(i);
            long line = i + 1L;
            if (app == null) {
                errors.add(new LineError(line, null, "invalid.required", new Object[0], "is required"));
                continue;
            }
            List<AppCheckReport.Sdk> sdks = app.sdks() == null ? List.of() : app.sdks();
            List<AppCheckReport.Finding> findings = app.findings() == null ? List.of() : app.findings();
            Map<String, String> sdkCompanies = new LinkedHashMap<>();
            for (AppCheckReport.Sdk sdk : sdks) {
                if (sdk == null || sdk.name() == null || sdk.name().isBlank()) {
                    errors.add(new LineError(line, COLUMN_SDK, "invalid.required", new Object[0], "is required"));
                    continue;
                }
                sdkCompanies.put(sdk.name().strip(), sdk.company());
            }
            Set<String> blamed = new LinkedHashSet<>();
            for (AppCheckReport.Finding finding : findings) {
                if (finding == null) {
                    errors.add(new LineError(line, COLUMN_RULE, "invalid.required", new Object[0], "is required"));
                    continue;
                }
                String sdk = finding.sdk() == null || finding.sdk().isBlank()
                        ? null
                        : finding.sdk().strip();
                if (sdk != null) {
                    blamed.add(sdk);
                }
                lines.add(new Line(
                        line,
                        app.appName(),
                        app.packageName(),
                        app.version(),
                        app.creditCode(),
                        app.companyName(),
                        app.store(),
                        finding.rule() == null ? "" : finding.rule(),
                        sdk,
                        sdk == null ? null : sdkCompanies.get(sdk),
                        finding.detail()));
                if (finding.rule() == null || finding.rule().isBlank()) {
                    errors.add(new LineError(line, COLUMN_RULE, "invalid.required", new Object[0], "is required"));
                }
            }
            for (Map.Entry<String, String> sdk : sdkCompanies.entrySet()) {
                if (!blamed.contains(sdk.getKey())) {
                    lines.add(new Line(
                            line,
                            app.appName(),
                            app.packageName(),
                            app.version(),
                            app.creditCode(),
                            app.companyName(),
                            app.store(),
                            null,
                            sdk.getKey(),
                            sdk.getValue(),
                            null));
                }
            }
            if (findings.isEmpty() && sdkCompanies.isEmpty()) {
                lines.add(new Line(
                        line,
                        app.appName(),
                        app.packageName(),
                        app.version(),
                        app.creditCode(),
                        app.companyName(),
                        app.store(),
                        null,
                        null,
                        null,
                        null));
            }
        }
        if (!errors.isEmpty()) {
            return AppCheckImportResult.rejected(null, errors);
        }
        return write(actor, batch, lines, null);
    }

    /** One finding (or one App, or one SDK) of the lab's results, with where it came from. */
    private record Line(
            long line,
            String appName,
            String packageName,
            String version,
            String creditCode,
            String companyName,
            String store,
            String rule,
            String sdk,
            String sdkCompany,
            String detail) {}

    /** One App as the lines describe it. */
    private static final class Tested {
        final long line;
        final String appName;
        final String packageName;
        final String version;
        final String creditCode;
        final String companyName;
        final String store;
        final Map<String, String> sdks = new LinkedHashMap<>();
        final List<Line> findings = new ArrayList<>();

        Tested(
                long line,
                String appName,
                String packageName,
                String version,
                String creditCode,
                String companyName,
                String store) {
            this.line = line;
            this.appName = appName;
            this.packageName = packageName;
            this.version = version;
            this.creditCode = creditCode;
            this.companyName = companyName;
            this.store = store;
        }
    }

    private AppCheckImportResult write(Actor actor, AppCheckBatchView batch, List<Line> lines, String encoding) {
        List<LineError> errors = new ArrayList<>();
        Map<String, Tested> apps = new LinkedHashMap<>();
        Set<String> seen = new java.util.HashSet<>();
        Map<String, String> names = new HashMap<>();
        for (Line line : lines) {
            FieldProblems problems = new FieldProblems();
            String appName = problems.text(COLUMN_APP_NAME, line.appName(), 200);
            String packageName = problems.text(COLUMN_PACKAGE, line.packageName(), 200);
            if (packageName != null && !packageName.matches("[A-Za-z0-9_.\\-]+")) {
                problems.reject(COLUMN_PACKAGE, "netsec.app.import.packageName", "is not a package name or bundle id");
                packageName = null;
            }
            String version = problems.text(COLUMN_VERSION, line.version(), 50);
            CreditCode code = problems.parse(COLUMN_CREDIT_CODE, line.creditCode(), CreditCode::of);
            String companyName = problems.optionalText(COLUMN_COMPANY, line.companyName(), 200);
            String store = problems.text(COLUMN_STORE, line.store(), 200);
            AppRule rule = line.rule() == null || line.rule().isBlank()
                    ? null
                    : problems.choice(COLUMN_RULE, line.rule(), AppRule.class);
            String sdk = problems.optionalText(COLUMN_SDK, line.sdk(), 200);
            String sdkCompany = problems.optionalText(COLUMN_SDK_COMPANY, line.sdkCompany(), 200);
            String detail = problems.optionalText(COLUMN_DETAIL, line.detail(), 1000);
            if (rule != null && rule.needsSdk() && sdk == null) {
                problems.reject(COLUMN_SDK, "netsec.app.import.sdkRequired", "an SDK finding names the SDK");
            }
            if (code != null && companyName == null) {
                companyName = names.computeIfAbsent(
                        code.value(),
                        c -> companies
                                .find(DataScope.all(), c)
                                .map(CompanyView::name)
                                .orElse(null));
                if (companyName == null) {
                    problems.reject(
                            COLUMN_COMPANY,
                            "netsec.app.import.companyUnknown",
                            "the company is not registered: give its name",
                            code.value());
                }
            }
            if (!problems.isEmpty()) {
                add(errors, line.line(), problems);
                continue;
            }
            String key = packageName + "\u0000" + version;
            Tested app = apps.get(key);
            if (app == null) {
                app = new Tested(line.line(), appName, packageName, version, code.value(), companyName, store);
                apps.put(key, app);
            } else if (!app.creditCode.equals(code.value())
                    || !app.appName.equals(appName)
                    || !app.store.equals(store)) {
                errors.add(new LineError(
                        line.line(),
                        COLUMN_PACKAGE,
                        "netsec.app.import.conflict",
                        new Object[] {app.line},
                        "says otherwise than line " + app.line + " of the same App"));
                continue;
            }
            String what = key + "\u0000" + (rule == null ? "" : rule.name()) + "\u0000" + (sdk == null ? "" : sdk);
            if (!seen.add(what)) {
                errors.add(new LineError(
                        line.line(),
                        rule == null ? COLUMN_SDK : COLUMN_RULE,
                        "netsec.app.import.duplicate",
                        new Object[0],
                        "repeats an earlier line"));
                continue;
            }
            if (sdk != null && (sdkCompany != null || !app.sdks.containsKey(sdk))) {
                app.sdks.put(sdk, sdkCompany != null ? sdkCompany : app.sdks.get(sdk));
            }
            if (rule != null) {
                app.findings.add(
                        new Line(line.line(), null, null, null, null, null, null, rule.name(), sdk, null, detail));
            }
        }
        for (Tested app : apps.values()) {
            if (jdbc.sql("select count(*) from netsec_app where batch_id = :batch and package_name = :package"
                                    + " and app_version = :version")
                            .param("batch", batch.id())
                            .param("package", app.packageName)
                            .param("version", app.version)
                            .query(Long.class)
                            .single()
                    > 0) {
                errors.add(new LineError(
                        app.line,
                        COLUMN_VERSION,
                        "netsec.app.import.alreadyInBatch",
                        new Object[] {app.packageName, app.version},
                        "this App version is in the batch already"));
            }
        }
        if (!errors.isEmpty()) {
            errors.sort(java.util.Comparator.comparingLong(LineError::line));
            return AppCheckImportResult.rejected(encoding, errors);
        }
        int findings = 0;
        for (Tested app : apps.values()) {
            GeneratedKeyHolder key = new GeneratedKeyHolder();
            jdbc.sql("""
                    insert into netsec_app (batch_id, app_name, package_name, app_version, credit_code, company_name,
                        province_code, store)
                    values (:batch, :name, :package, :version, :code, :company, :province, :store)""")
                    .param("batch", batch.id())
                    .param("name", app.appName)
                    .param("package", app.packageName)
                    .param("version", app.version)
                    .param("code", app.creditCode)
                    .param("company", app.companyName)
                    .param("province", app.creditCode.substring(2, 4))
                    .param("store", app.store)
                    .update(key, "id");
            long appId = key.getKey().longValue();
            for (Map.Entry<String, String> sdk : app.sdks.entrySet()) {
                jdbc.sql("insert into netsec_app_sdk (app_id, sdk_name, sdk_company) values (:app, :name, :company)")
                        .param("app", appId)
                        .param("name", sdk.getKey())
                        .param("company", sdk.getValue())
                        .update();
            }
            for (Line finding : app.findings) {
                jdbc.sql("insert into netsec_app_finding (app_id, rule_code, sdk_name, detail)"
                                + " values (:app, :rule, :sdk, :detail)")
                        .param("app", appId)
                        .param("rule", finding.rule())
                        .param("sdk", finding.sdk())
                        .param("detail", finding.detail())
                        .update();
                findings++;
            }
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("apps", apps.size());
        after.put("findings", findings);
        after.put("encoding", Objects.requireNonNullElse(encoding, "JSON"));
        audit.record("netsec", "AppCheckBatch", Long.toString(batch.id()), "netsecAppResultsImported", null, after);
        graph.listRepeatOffenders(today());
        return new AppCheckImportResult(true, apps.size(), findings, encoding, List.of());
    }

    private static void add(Collection<LineError> errors, long line, FieldProblems problems) {
        problems.list()
                .forEach(p -> errors.add(new LineError(line, p.field(), p.code(), p.arguments(), p.defaultMessage())));
    }

    private static void requireManage(Actor actor) {
        if (!canManage(actor)) {
            throw new AccessDeniedException("the ministry's staff manage App test batches");
        }
    }
}

package org.telereg.platform.industry;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.UploadedText;

/**
 * Operators' periodic reports: filled in the console, uploaded as CSV or sent by API, validated at
 * submission, then accepted or returned with a reason by the administration that oversees the
 * report's province. Every query takes the reader's data scope.
 */
@Service
public class OperatorReports {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** How a submission came in. */
    public enum Channel {
        CONSOLE,
        UPLOAD,
        API
    }

    /**
     * Filters of the report list; every field optional.
     *
     * @param periodCode one period, e.g. {@code 2026-11}
     * @param operator part of the operator's name or its credit code
     */
    public record Search(
            ReportStatus status, String templateCode, String periodCode, String provinceCode, String operator) {

        public static Search everything() {
            return new Search(null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final MetricCatalogue catalogue;
    private final AuditTrail audit;
    private final IndustrySettings settings;
    private final AnomalyDetector anomalies;
    private final Clock clock;

    OperatorReports(
            JdbcClient jdbc, MetricCatalogue catalogue, AuditTrail audit, IndustrySettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.catalogue = catalogue;
        this.audit = audit;
        this.settings = settings;
        this.anomalies = new AnomalyDetector(settings);
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** Regulators, auditors and operators read reports; access providers do not report statistics. */
    public static boolean canRead(Actor actor) {
        return actor.role() != Role.ACCESS_PROVIDER;
    }

    /** The operator that owes the report fills and submits it. */
    public static boolean canFill(Actor actor, ReportView report) {
        return actor.role() == Role.OPERATOR
                && report.operatorCreditCode().equals(actor.scope().creditCode());
    }

    /** The ministry's staff, and the administration of the report's province, review it. */
    public static boolean canReview(Actor actor, ReportView report) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> true;
            case PROVINCIAL_OFFICER -> actor.scope().coversProvince(report.provinceCode());
            default -> false;
        };
    }

    public Optional<ReportView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("province_code", "operator_credit_code", params);
        return jdbc.sql("select * from industry_report where id = :id and " + condition)
                .params(params)
                .param("id", id)
                .query(OperatorReports::view)
                .optional();
    }

    /** One page of the reports the scope covers, newest period first. */
    public Page<ReportView> search(DataScope scope, Search search, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ")
                .append(scope.sqlCondition("province_code", "operator_credit_code", params));
        if (search.status() != null) {
            where.append(" and status = :status");
            params.put("status", search.status().name());
        }
        if (search.templateCode() != null && !search.templateCode().isBlank()) {
            where.append(" and template_code = :template");
            params.put("template", search.templateCode().strip());
        }
        if (search.periodCode() != null && !search.periodCode().isBlank()) {
            where.append(" and period_code = :period");
            params.put("period", search.periodCode().strip());
        }
        if (search.provinceCode() != null && !search.provinceCode().isBlank()) {
            where.append(" and province_code = :province");
            params.put("province", search.provinceCode().strip());
        }
        if (search.operator() != null && !search.operator().isBlank()) {
            where.append(" and (operator_name like :operator or operator_credit_code = :operatorCode)");
            params.put(
                    "operator", "%" + search.operator().strip().replace("%", "").replace("_", "") + "%");
            params.put("operatorCode", search.operator().strip().toUpperCase());
        }
        long total = jdbc.sql("select count(*) from industry_report" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<ReportView> rows = jdbc.sql("select * from industry_report" + where
                        + " order by period_starts desc, due_on desc, province_code, operator_name, template_code"
                        + " limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query(OperatorReports::view)
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /**
     * Reports the scope covers that are missing (not submitted and past due on {@code asOf}) or were
     * submitted late, most overdue first.
     */
    public List<ReportView> lateAndMissing(DataScope scope, LocalDate asOf, int limit) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("province_code", "operator_credit_code", params);
        return jdbc.sql("select * from industry_report where " + condition
                        + " and ((status in ('DRAFT', 'RETURNED') and due_on < :asOf) or late = true)"
                        + " order by case when status in ('DRAFT', 'RETURNED') then 0 else 1 end, due_on,"
                        + " operator_name, province_code limit :limit")
                .params(params)
                .param("asOf", asOf)
                .param("limit", limit)
                .query(OperatorReports::view)
                .list();
    }

    /** The report's values, entered and derived, by metric code. */
    public Map<String, BigDecimal> values(long reportId) {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        jdbc.sql("select metric_code, amount from industry_report_value where report_id = :id")
                .param("id", reportId)
                .query((ResultSet rs) -> {
                    values.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros());
                });
        return values;
    }

    public List<ReportStep> steps(long reportId) {
        return jdbc.sql("select action, actor, at, note from industry_report_step where report_id = :id order by id")
                .param("id", reportId)
                .query((rs, row) -> new ReportStep(
                        rs.getString("action"),
                        rs.getString("actor"),
                        rs.getObject("at", OffsetDateTime.class).toInstant(),
                        rs.getString("note")))
                .list();
    }

    /**
     * The values of a submitted report that look unusual against the operator's own last periods
     * (every metric) and against other operators in the same province and period (the metrics the
     * catalogue marks peer-comparable: rates, shares and prices, not totals that grow with the
     * operator's size). Computed when asked, so a peer's later report counts.
     */
    public List<AnomalyFlag> flags(ReportView report) {
        Map<String, BigDecimal> values = values(report.id());
        if (values.isEmpty()) {
            return List.of();
        }
        CatalogueVersion version = catalogue.version(report.catalogueVersion());
        Map<String, List<BigDecimal>> history = new HashMap<>();
        jdbc.sql("""
                        select v.metric_code, v.amount from industry_report_value v
                        where v.report_id in (select r.id from industry_report r
                            where r.operator_credit_code = :operator and r.province_code = :province
                              and r.template_code = :template and r.period_code < :period
                              and r.status in ('SUBMITTED', 'ACCEPTED')
                            order by r.period_code desc limit :n)""")
                .param("operator", report.operatorCreditCode())
                .param("province", report.provinceCode())
                .param("template", report.templateCode())
                .param("period", report.periodCode())
                .param("n", settings.historyPeriods())
                .query((ResultSet rs) -> {
                    history.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getBigDecimal(2));
                });
        Map<String, List<BigDecimal>> peers = new HashMap<>();
        jdbc.sql("""
                        select v.metric_code, v.amount from industry_report_value v
                        join industry_report r on r.id = v.report_id
                        where r.province_code = :province and r.template_code = :template and r.period_code = :period
                          and r.operator_credit_code <> :operator and r.status in ('SUBMITTED', 'ACCEPTED')""")
                .param("operator", report.operatorCreditCode())
                .param("province", report.provinceCode())
                .param("template", report.templateCode())
                .param("period", report.periodCode())
                .query((ResultSet rs) -> {
                    peers.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(rs.getBigDecimal(2));
                });
        List<AnomalyFlag> flags = new ArrayList<>();
        for (Map.Entry<String, BigDecimal> value : values.entrySet()) {
            String code = value.getKey();
            anomalies
                    .againstHistory(code, value.getValue(), history.getOrDefault(code, List.of()))
                    .ifPresent(flags::add);
            Optional<Metric> metric = version.metric(code);
            if (metric.isPresent() && metric.get().peerComparable()) {
                anomalies
                        .againstPeers(code, value.getValue(), peers.getOrDefault(code, List.of()))
                        .ifPresent(flags::add);
            }
        }
        return flags;
    }

    /**
     * Saves the operator's values without submitting: each value is checked for its type and range,
     * blanks are allowed.
     */
    @Transactional
    public ReportView saveDraft(Actor actor, long reportId, Map<String, String> input) {
        ReportView report = fillable(actor, reportId);
        FieldProblems problems = new FieldProblems();
        ReportValidation.Checked checked = ReportValidation.check(
                catalogue.version(report.catalogueVersion()), template(report), input, false, problems);
        problems.throwIfAny();
        writeValues(reportId, checked);
        step(reportId, "DRAFT_SAVED", actor, null);
        audit.record(
                "industry", "OperatorReport", key(report), "reportDraftSaved", null, Map.of("values", input.size()));
        return find(actor.scope(), reportId).orElseThrow();
    }

    /**
     * Submits the report: every entered metric required, types, ranges, derived metrics and the
     * consistency rules checked, all problems reported at once with their metric codes.
     *
     * @throws RejectedInputException with a problem per metric; nothing is written
     */
    @Transactional
    public ReportView submit(Actor actor, long reportId, Map<String, String> input, Channel channel) {
        ReportView report = fillable(actor, reportId);
        FieldProblems problems = new FieldProblems();
        ReportValidation.Checked checked = ReportValidation.check(
                catalogue.version(report.catalogueVersion()), template(report), input, true, problems);
        problems.throwIfAny();
        writeValues(reportId, checked);
        Instant now = clock.instant();
        boolean late = today().isAfter(report.dueOn());
        jdbc.sql("""
                        update industry_report set status = 'SUBMITTED', submitted_at = :now, submitted_by = :by,
                            channel = :channel, late = :late, decided_at = null, decided_by = null
                        where id = :id""")
                .param("now", now.atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("channel", channel.name())
                .param("late", late)
                .param("id", reportId)
                .update();
        boolean again = report.status() == ReportStatus.RETURNED;
        step(reportId, again ? "RESUBMITTED" : "SUBMITTED", actor, null);
        audit.record(
                "industry",
                "OperatorReport",
                key(report),
                again ? "reportResubmitted" : "reportSubmitted",
                Map.of("status", report.status()),
                Map.of("status", ReportStatus.SUBMITTED, "channel", channel, "late", late));
        return find(actor.scope(), reportId).orElseThrow();
    }

    /** What an uploaded report file says it is; its content decides in the end. */
    public enum FileFormat {
        /** Sent as CSV, or not said: a workbook is still read as one. */
        CSV,
        /** Sent as .xlsx: anything but a workbook (a CSV renamed .xlsx) is refused. */
        XLSX
    }

    /** Submits the report from an uploaded CSV file, or a workbook recognised by its content. */
    @Transactional
    public UploadResult upload(Actor actor, long reportId, byte[] content) {
        return upload(actor, reportId, content, FileFormat.CSV);
    }

    /**
     * Submits the report from an uploaded file, all or nothing: a CSV file (UTF-8 or GBK) or the
     * first sheet of an .xlsx workbook, the same two columns either way. Problems of the file and
     * of the values come back with the line (the sheet's row) they were found on.
     */
    @Transactional
    public UploadResult upload(Actor actor, long reportId, byte[] content, FileFormat declared) {
        ReportView report = fillable(actor, reportId);
        if (content.length > settings.maxUploadBytes()) {
            return rejected(
                    report,
                    null,
                    null,
                    List.of(new LineError(
                            0,
                            null,
                            "industry.upload.tooLarge",
                            new Object[] {settings.maxUploadBytes() / 1024},
                            "the file is larger than " + settings.maxUploadBytes() / 1024 + " KB")));
        }
        CatalogueVersion version = catalogue.version(report.catalogueVersion());
        String encoding = null;
        String sheet = null;
        ReportRows.Read read;
        if (ReportXlsx.isOle2(content)) {
            return rejected(report, null, null, List.of(ReportXlsx.refuseOle2(content)));
        } else if (ReportXlsx.isZip(content)) {
            ReportXlsx.Read workbook = ReportXlsx.read(content, version, template(report));
            sheet = workbook.sheet();
            read = workbook.rows();
        } else if (declared == FileFormat.XLSX && content.length > 0) {
            return rejected(report, null, null, List.of(ReportXlsx.notXlsx()));
        } else {
            UploadedText text;
            try {
                text = UploadedText.decode(content);
            } catch (InvalidValueException e) {
                return rejected(
                        report, null, null, List.of(new LineError(0, null, e.code(), e.arguments(), e.getMessage())));
            }
            encoding = text.charset();
            read = ReportCsv.read(text.text(), version, template(report));
        }
        if (!read.errors().isEmpty()) {
            return rejected(report, encoding, sheet, read.errors());
        }
        try {
            ReportView submitted = submit(actor, reportId, read.values(), Channel.UPLOAD);
            return new UploadResult(UploadResult.Status.SUBMITTED, submitted, encoding, sheet, List.of());
        } catch (RejectedInputException e) {
            List<LineError> errors = new ArrayList<>();
            for (FieldProblem problem : e.problems()) {
                errors.add(new LineError(
                        read.lines().getOrDefault(problem.field(), 0L),
                        problem.field(),
                        problem.code(),
                        problem.arguments(),
                        problem.defaultMessage()));
            }
            errors.sort(Comparator.comparingLong(LineError::line));
            return rejected(report, encoding, sheet, errors);
        }
    }

    /**
     * A file to fill the report offline: its entered metrics with codes, names and units, and the
     * values saved so far. Anyone who may read the report may download it.
     */
    public byte[] templateFile(DataScope scope, long reportId, FileFormat format, Locale locale) {
        ReportView report = find(scope, reportId).orElseThrow(() -> new NoSuchElementException("report " + reportId));
        ReportTemplate template = template(report);
        CatalogueVersion version = catalogue.version(report.catalogueVersion());
        List<Metric> metrics = template.metricCodes().stream()
                .map(code -> version.metric(code).orElseThrow())
                .filter(metric -> !metric.derived())
                .toList();
        Map<String, BigDecimal> values = values(reportId);
        return format == FileFormat.XLSX
                ? ReportTemplateFiles.xlsx(template, metrics, values, locale)
                : ReportTemplateFiles.csv(metrics, values, locale);
    }

    private static UploadResult rejected(ReportView report, String encoding, String sheet, List<LineError> errors) {
        return new UploadResult(UploadResult.Status.REJECTED, report, encoding, sheet, List.copyOf(errors));
    }

    /** The reviewing administration accepts a submitted report. */
    @Transactional
    public ReportView accept(Actor actor, long reportId) {
        ReportView report = reviewable(actor, reportId);
        decide(report, actor, ReportStatus.ACCEPTED, null);
        step(reportId, "ACCEPTED", actor, null);
        audit.record(
                "industry",
                "OperatorReport",
                key(report),
                "reportAccepted",
                Map.of("status", report.status()),
                Map.of("status", ReportStatus.ACCEPTED));
        return find(actor.scope(), reportId).orElseThrow();
    }

    /** The reviewing administration returns a submitted report to the operator with its reason. */
    @Transactional
    public ReportView returnForCorrection(Actor actor, long reportId, String reason) {
        FieldProblems problems = new FieldProblems();
        String text = problems.multilineText("reason", reason, 1000);
        problems.throwIfAny();
        ReportView report = reviewable(actor, reportId);
        decide(report, actor, ReportStatus.RETURNED, text);
        step(reportId, "RETURNED", actor, text);
        audit.record(
                "industry",
                "OperatorReport",
                key(report),
                "reportReturned",
                Map.of("status", report.status()),
                Map.of("status", ReportStatus.RETURNED, "reason", text));
        return find(actor.scope(), reportId).orElseThrow();
    }

    private void decide(ReportView report, Actor actor, ReportStatus status, String reason) {
        jdbc.sql("update industry_report set status = :status, decided_at = :now, decided_by = :by,"
                        + " return_reason = :reason where id = :id and status = 'SUBMITTED'")
                .param("status", status.name())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .param("reason", reason)
                .param("id", report.id())
                .update();
    }

    private ReportView fillable(Actor actor, long reportId) {
        ReportView report =
                find(actor.scope(), reportId).orElseThrow(() -> new NoSuchElementException("report " + reportId));
        if (!canFill(actor, report)) {
            throw new AccessDeniedException("the operator that owes the report fills it");
        }
        if (!report.status().fillable()) {
            throw RejectedInputException.of(
                    "status",
                    "industry.invalid.notFillable",
                    "a " + report.status() + " report can no longer be changed",
                    report.status().name());
        }
        return report;
    }

    private ReportView reviewable(Actor actor, long reportId) {
        ReportView report =
                find(actor.scope(), reportId).orElseThrow(() -> new NoSuchElementException("report " + reportId));
        if (!canReview(actor, report)) {
            throw new AccessDeniedException("the administration of the report's province reviews it");
        }
        if (report.status() != ReportStatus.SUBMITTED) {
            throw RejectedInputException.of(
                    "status",
                    "industry.invalid.notSubmitted",
                    "only a submitted report is accepted or returned; this one is " + report.status(),
                    report.status().name());
        }
        return report;
    }

    private ReportTemplate template(ReportView report) {
        return catalogue.template(report.templateCode()).orElseThrow();
    }

    private void writeValues(long reportId, ReportValidation.Checked checked) {
        jdbc.sql("delete from industry_report_value where report_id = :id")
                .param("id", reportId)
                .update();
        Set<String> entered = checked.entered().keySet();
        for (Map.Entry<String, BigDecimal> value : checked.values().entrySet()) {
            jdbc.sql("insert into industry_report_value (report_id, metric_code, amount, derived)"
                            + " values (:id, :code, :amount, :derived)")
                    .param("id", reportId)
                    .param("code", value.getKey())
                    .param("amount", value.getValue())
                    .param("derived", !entered.contains(value.getKey()))
                    .update();
        }
    }

    void step(long reportId, String action, Actor actor, String note) {
        jdbc.sql("insert into industry_report_step (report_id, action, actor, at, note)"
                        + " values (:id, :action, :actor, :at, :note)")
                .param("id", reportId)
                .param("action", action)
                .param("actor", actor.displayName() + " (" + actor.organisationName() + ")")
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("note", note)
                .update();
    }

    static String key(ReportView report) {
        return report.operatorCreditCode() + "/" + report.provinceCode() + "/" + report.templateCode() + "/"
                + report.periodCode();
    }

    static ReportView view(ResultSet rs, int row) throws SQLException {
        OffsetDateTime submitted = rs.getObject("submitted_at", OffsetDateTime.class);
        OffsetDateTime decided = rs.getObject("decided_at", OffsetDateTime.class);
        return new ReportView(
                rs.getLong("id"),
                rs.getString("template_code"),
                rs.getString("catalogue_version"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("province_code"),
                rs.getString("period_code"),
                rs.getObject("due_on", LocalDate.class),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getObject("opened_on", LocalDate.class),
                submitted == null ? null : submitted.toInstant(),
                rs.getString("submitted_by"),
                rs.getString("channel"),
                rs.getBoolean("late"),
                decided == null ? null : decided.toInstant(),
                rs.getString("decided_by"),
                rs.getString("return_reason"));
    }
}

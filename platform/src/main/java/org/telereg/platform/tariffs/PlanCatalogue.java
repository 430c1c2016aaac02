package org.telereg.platform.tariffs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
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
 * The operators' published plans (资费公示) and their history. An operator files a plan by its own
 * code; filing the same offer again changes nothing, a different offer adds a version that takes
 * effect on its date and closes the one before, so what was on sale on any day can be read back.
 * The ministry reads every plan, an administration the national plans and its province's, an
 * operator its own.
 */
@Service
public class PlanCatalogue {

    /** Largest plan file accepted. */
    static final int MAX_UPLOAD_BYTES = 1 << 20;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    private static final String SELECT = """
            select p.id as plan_id, p.operator_credit_code, p.operator_name, p.plan_code, v.version_no, v.name, v.kind,
                   v.province_code, v.monthly_fee, v.downlink_mbps, v.data_gb, v.voice_minutes, v.extras,
                   v.contract_months, v.valid_from, v.valid_to, v.status, v.effective_from, v.effective_to,
                   v.filed_at, v.filed_by, v.content_hash
            from tariffs_plan p join tariffs_plan_version v on v.plan_id = p.id""";

    /**
     * Which plans a list shows; every part is optional.
     *
     * @param operatorCreditCode one operator's plans
     * @param provinceCode plans sold in this province: its own and the national ones
     * @param onDate the versions in effect and on sale that day, instead of each plan's latest version
     * @param text part of the plan code or name
     */
    public record Filter(
            String operatorCreditCode,
            String provinceCode,
            PlanKind kind,
            PlanStatus status,
            LocalDate onDate,
            String text) {

        public static Filter none() {
            return new Filter(null, null, null, null, null, null);
        }
    }

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    PlanCatalogue(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** Operators file their own plans; nobody else does. */
    public static boolean canFile(Actor actor) {
        return actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /** Everyone but access providers reads plans, within their scope. */
    public static boolean canRead(Actor actor) {
        return actor.role() != Role.ACCESS_PROVIDER && actor.scope().kind() != DataScope.Kind.NONE;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /**
     * Files one plan of the actor's operator.
     *
     * @throws RejectedInputException naming each refused field of {@link PlanInput}
     * @throws AccessDeniedException unless the actor is an operator
     */
    @Transactional
    public FilingResult file(Actor actor, PlanInput input) {
        requireFiling(actor);
        FieldProblems problems = new FieldProblems();
        Offer offer = Offer.read(input, problems);
        problems.throwIfAny();
        Prepared prepared = prepare(actor, offer, problems);
        problems.throwIfAny();
        return apply(actor, prepared);
    }

    /**
     * Files every plan of a CSV file (UTF-8 or GBK), or none: each refused line is listed with its
     * number and field. Lines that repeat a plan's current offer change nothing, so uploading the same
     * file twice files nothing the second time.
     */
    @Transactional
    public PlanUploadResult upload(Actor actor, byte[] content) {
        requireFiling(actor);
        if (content.length > MAX_UPLOAD_BYTES) {
            return rejected(
                    null,
                    new LineError(
                            0,
                            "file",
                            "tariffs.upload.tooLarge",
                            new Object[] {MAX_UPLOAD_BYTES},
                            "the file is too large"));
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            return rejected(null, new LineError(0, "file", e.code(), e.arguments(), e.getMessage()));
        }
        PlanCsv.Read read = PlanCsv.read(text.text());
        List<LineError> errors = new ArrayList<>(read.errors());
        List<Prepared> prepared = new ArrayList<>();
        for (PlanCsv.Line line : read.lines()) {
            FieldProblems problems = new FieldProblems();
            Offer offer = Offer.read(line.input(), problems);
            Prepared one = offer == null ? null : prepare(actor, offer, problems);
            for (FieldProblem p : problems.list()) {
                errors.add(new LineError(line.number(), p.field(), p.code(), p.arguments(), p.defaultMessage()));
            }
            if (one != null && problems.isEmpty()) {
                prepared.add(one);
            }
        }
        if (!errors.isEmpty()) {
            errors.sort((a, b) -> Long.compare(a.line(), b.line()));
            return new PlanUploadResult(PlanUploadResult.Status.REJECTED, text.charset(), 0, 0, 0, errors);
        }
        int created = 0;
        int changed = 0;
        int unchanged = 0;
        for (Prepared one : prepared) {
            switch (apply(actor, one).outcome()) {
                case CREATED -> created++;
                case CHANGED -> changed++;
                case UNCHANGED -> unchanged++;
            }
        }
        return new PlanUploadResult(
                PlanUploadResult.Status.FILED, text.charset(), created, changed, unchanged, List.of());
    }

    /** The plans the filter selects within the scope, by operator and plan code (at most {@code limit}). */
    @Transactional(readOnly = true)
    public List<PlanView> plans(DataScope scope, Filter filter, int limit) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder(" where ").append(scopeCondition(scope, params));
        if (filter.onDate() != null) {
            where.append(
                    " and v.effective_from <= :day and (v.effective_to is null or v.effective_to >= :day)"
                            + " and v.status = 'ON_SALE' and v.valid_from <= :day and (v.valid_to is null or v.valid_to >= :day)");
            params.put("day", filter.onDate());
        } else {
            where.append(" and v.effective_to is null");
        }
        if (filter.operatorCreditCode() != null) {
            where.append(" and p.operator_credit_code = :operator");
            params.put("operator", filter.operatorCreditCode());
        }
        if (filter.provinceCode() != null) {
            where.append(" and (v.province_code is null or v.province_code = :province)");
            params.put("province", filter.provinceCode());
        }
        if (filter.kind() != null) {
            where.append(" and v.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.status() != null) {
            where.append(" and v.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.text() != null && !filter.text().isBlank()) {
            where.append(" and (lower(p.plan_code) like :text or lower(v.name) like :text)");
            params.put(
                    "text",
                    "%"
                            + filter.text()
                                    .strip()
                                    .toLowerCase(java.util.Locale.ROOT)
                                    .replace("%", "") + "%");
        }
        return jdbc.sql(SELECT + where + " order by p.operator_name, p.plan_code limit " + Math.max(1, limit))
                .params(params)
                .query((rs, row) -> view(rs))
                .list();
    }

    /** Every version of one plan, oldest first; empty when the plan is not in the scope. */
    @Transactional(readOnly = true)
    public List<PlanView> history(DataScope scope, long planId) {
        List<PlanView> versions = jdbc.sql(SELECT + " where p.id = :id order by v.version_no")
                .param("id", planId)
                .query((rs, row) -> view(rs))
                .list();
        if (versions.isEmpty() || !visible(scope, versions.get(versions.size() - 1))) {
            return List.of();
        }
        return versions;
    }

    /** The versions in effect at some time between {@code from} and {@code to}, within the scope. */
    @Transactional(readOnly = true)
    public List<PlanView> inEffect(DataScope scope, LocalDate from, LocalDate to) {
        Map<String, Object> params = new HashMap<>();
        params.put("from", from);
        params.put("to", to);
        return jdbc.sql(SELECT + " where " + scopeCondition(scope, params)
                        + " and v.effective_from <= :to and (v.effective_to is null or v.effective_to >= :from)"
                        + " and v.kind in ('FIXED_BROADBAND', 'MOBILE')")
                .params(params)
                .query((rs, row) -> view(rs))
                .list();
    }

    private static boolean visible(DataScope scope, PlanView plan) {
        return switch (scope.kind()) {
            case ALL -> true;
            case PROVINCE -> plan.provinceCode() == null || plan.provinceCode().equals(scope.provinceCode());
            case ENTERPRISE -> plan.operatorCreditCode().equals(scope.creditCode());
            case NONE -> false;
        };
    }

    /** An administration reads the national plans and its own province's; an operator its own. */
    private static String scopeCondition(DataScope scope, Map<String, Object> params) {
        return switch (scope.kind()) {
            case ALL -> "1 = 1";
            case PROVINCE -> {
                params.put("scopeProvince", scope.provinceCode());
                yield "(v.province_code is null or v.province_code = :scopeProvince)";
            }
            case ENTERPRISE -> {
                params.put("scopeEnterprise", scope.creditCode());
                yield "p.operator_credit_code = :scopeEnterprise";
            }
            case NONE -> "1 = 0";
        };
    }

    /** A checked filing: what it will write, or nothing when it repeats the current offer. */
    private record Prepared(Offer offer, Long planId, PlanView latest, LocalDate effectiveFrom) {}

    private Prepared prepare(Actor actor, Offer offer, FieldProblems problems) {
        String operator = actor.scope().creditCode();
        Optional<PlanView> latest = jdbc
                .sql(SELECT + " where p.operator_credit_code = :operator and p.plan_code = :code"
                        + " and v.effective_to is null order by v.version_no desc")
                .param("operator", operator)
                .param("code", offer.planCode())
                .query((rs, row) -> view(rs))
                .list()
                .stream()
                .findFirst();
        if (latest.isEmpty()) {
            LocalDate effective = offer.effectiveFrom() != null ? offer.effectiveFrom() : offer.validFrom();
            return new Prepared(offer, null, null, effective);
        }
        PlanView current = latest.get();
        String currentHash = jdbc.sql(
                        "select content_hash from tariffs_plan_version where plan_id = :id and version_no = :v")
                .param("id", current.planId())
                .param("v", current.version())
                .query(String.class)
                .single();
        if (currentHash.equals(offer.contentHash())) {
            return new Prepared(offer, current.planId(), current, null);
        }
        LocalDate effective = offer.effectiveFrom() != null ? offer.effectiveFrom() : today();
        if (!effective.isAfter(current.effectiveFrom())) {
            problems.reject(
                    "effectiveFrom",
                    "tariffs.invalid.effectiveNotAfter",
                    "must be after the current version's effective date",
                    current.effectiveFrom(),
                    current.version());
            return null;
        }
        return new Prepared(offer, current.planId(), current, effective);
    }

    private FilingResult apply(Actor actor, Prepared prepared) {
        Offer offer = prepared.offer();
        if (prepared.latest() != null && prepared.effectiveFrom() == null) {
            return new FilingResult(FilingResult.Outcome.UNCHANGED, prepared.latest());
        }
        long planId;
        int version;
        if (prepared.planId() == null) {
            jdbc.sql("insert into tariffs_plan (operator_credit_code, operator_name, plan_code)"
                            + " values (:operator, :name, :code)")
                    .param("operator", actor.scope().creditCode())
                    .param("name", actor.organisationName())
                    .param("code", offer.planCode())
                    .update();
            planId = jdbc.sql(
                            "select id from tariffs_plan where operator_credit_code = :operator and plan_code = :code")
                    .param("operator", actor.scope().creditCode())
                    .param("code", offer.planCode())
                    .query(Long.class)
                    .single();
            version = 1;
        } else {
            planId = prepared.planId();
            version = prepared.latest().version() + 1;
            jdbc.sql("update tariffs_plan_version set effective_to = :to where plan_id = :id and version_no = :v")
                    .param("to", prepared.effectiveFrom().minusDays(1))
                    .param("id", planId)
                    .param("v", prepared.latest().version())
                    .update();
        }
        jdbc.sql("""
                        insert into tariffs_plan_version (plan_id, version_no, name, kind, province_code, monthly_fee,
                            downlink_mbps, data_gb, voice_minutes, extras, contract_months, valid_from, valid_to, status,
                            effective_from, content_hash, filed_at, filed_by)
                        values (:plan, :version, :name, :kind, :province, :fee, :mbps, :gb, :minutes, :extras, :contract,
                            :validFrom, :validTo, :status, :effective, :hash, :now, :by)""")
                .param("plan", planId)
                .param("version", version)
                .param("name", offer.name())
                .param("kind", offer.kind().name())
                .param("province", offer.provinceCode())
                .param("fee", offer.monthlyFee())
                .param("mbps", offer.downlinkMbps())
                .param("gb", offer.dataGb())
                .param("minutes", offer.voiceMinutes())
                .param("extras", offer.extras())
                .param("contract", offer.contractMonths())
                .param("validFrom", offer.validFrom())
                .param("validTo", offer.validTo())
                .param("status", offer.status().name())
                .param("effective", prepared.effectiveFrom())
                .param("hash", offer.contentHash())
                .param("now", OffsetDateTime.now(clock))
                .param("by", actor.username())
                .update();
        PlanView filed = jdbc.sql(SELECT + " where p.id = :id and v.version_no = :v")
                .param("id", planId)
                .param("v", version)
                .query((rs, row) -> view(rs))
                .single();
        audit.record(
                "tariffs",
                "Plan",
                String.valueOf(planId),
                version == 1 ? "planFiled" : "planChanged",
                prepared.latest(),
                filed);
        return new FilingResult(version == 1 ? FilingResult.Outcome.CREATED : FilingResult.Outcome.CHANGED, filed);
    }

    private static PlanUploadResult rejected(String encoding, LineError error) {
        return new PlanUploadResult(PlanUploadResult.Status.REJECTED, encoding, 0, 0, 0, List.of(error));
    }

    private static void requireFiling(Actor actor) {
        if (!canFile(actor)) {
            throw new AccessDeniedException("operators file their own plans");
        }
    }

    /** One plan version, or the reason it cannot be found. */
    @Transactional(readOnly = true)
    public PlanView current(DataScope scope, long planId) {
        List<PlanView> versions = history(scope, planId);
        if (versions.isEmpty()) {
            throw new NoSuchElementException("no plan " + planId);
        }
        return versions.get(versions.size() - 1);
    }

    private static PlanView view(ResultSet rs) throws SQLException {
        return new PlanView(
                rs.getLong("plan_id"),
                rs.getString("operator_credit_code"),
                rs.getString("operator_name"),
                rs.getString("plan_code"),
                rs.getInt("version_no"),
                rs.getString("name"),
                PlanKind.valueOf(rs.getString("kind")),
                rs.getString("province_code"),
                rs.getBigDecimal("monthly_fee"),
                (Integer) rs.getObject("downlink_mbps", Integer.class),
                rs.getBigDecimal("data_gb"),
                (Integer) rs.getObject("voice_minutes", Integer.class),
                rs.getString("extras"),
                rs.getInt("contract_months"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_to", LocalDate.class),
                PlanStatus.valueOf(rs.getString("status")),
                rs.getObject("effective_from", LocalDate.class),
                rs.getObject("effective_to", LocalDate.class),
                rs.getObject("filed_at", OffsetDateTime.class),
                rs.getString("filed_by"));
    }
}

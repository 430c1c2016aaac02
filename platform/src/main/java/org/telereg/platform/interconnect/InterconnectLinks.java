package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.RejectedInputException;

/**
 * Links between operators at a point: their capacity history, settlement regime and monthly
 * settlement, and the quality tests measured across them. Every query takes the reader's scope.
 */
@Service
public class InterconnectLinks {

    static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
    private static final String CREDIT_CODE = "[0-9A-HJ-NPQRTUWXY]{2}\\d{6}[0-9A-HJ-NPQRTUWXY]{10}";
    private static final BigDecimal MAX_CAPACITY = new BigDecimal("100000");

    private static final String SELECT = "select l.*, p.code as point_code, p.name as point_name,"
            + " p.province_code from interconnect_link l join interconnect_point p on p.id = l.point_id";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditTrail audit;
    private final CompanyAliases aliases;
    private final CompanyRegistry companies;
    private final InterconnectSettings settings;
    private final Clock clock;

    InterconnectLinks(
            JdbcClient jdbc,
            JdbcTemplate template,
            AuditTrail audit,
            CompanyAliases aliases,
            CompanyRegistry companies,
            InterconnectSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.aliases = aliases;
        this.companies = companies;
        this.settings = settings;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CHINA));
    }

    /** The links the scope covers, at one point or (pointId null) at all, by point and pair. */
    @Transactional(readOnly = true)
    public List<LinkView> list(DataScope scope, Long pointId) {
        Map<String, Object> params = new HashMap<>();
        String where = " where " + Scopes.links(scope, params);
        if (pointId != null) {
            where += " and l.point_id = :point";
            params.put("point", pointId);
        }
        return jdbc.sql(SELECT + where + " order by p.opened_on, p.code, l.operator_a_name, l.operator_b_name")
                .params(params)
                .query(InterconnectLinks::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<LinkView> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql(SELECT + " where l.id = :id and " + Scopes.links(scope, params))
                .params(params)
                .param("id", id)
                .query(InterconnectLinks::view)
                .optional();
    }

    /** The link's capacity changes, oldest first. */
    @Transactional(readOnly = true)
    public List<CapacityEntry> history(long linkId) {
        return jdbc.sql("select * from interconnect_capacity where link_id = :id order by effective_on")
                .param("id", linkId)
                .query((rs, n) -> new CapacityEntry(
                        rs.getObject("effective_on", LocalDate.class),
                        Numbers.plain(rs.getBigDecimal("capacity_gbps")),
                        rs.getString("note"),
                        rs.getString("recorded_by"),
                        rs.getObject("recorded_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    /**
     * Adds a link between two operators at a point, with its first capacity from {@code openedOn}.
     *
     * @throws RejectedInputException naming each field at fault: an unknown point or operator, the
     *     same operator twice, a pair that already has a link at the point, a capacity that is not a
     *     positive number, a paid link without a price or above the cap, a payer not of the pair
     * @throws AccessDeniedException unless the ministry's staff
     */
    @Transactional
    public LinkView create(Actor actor, NewLink input) {
        if (!InterconnectPoints.canManage(actor)) {
            throw new AccessDeniedException("links are added by the ministry");
        }
        FieldProblems problems = new FieldProblems();
        Long pointId = null;
        String pointCode = problems.text("pointCode", input.pointCode(), 20);
        if (pointCode != null) {
            pointId = jdbc.sql("select id from interconnect_point where upper(code) = :code")
                    .param("code", pointCode.toUpperCase(Locale.ROOT))
                    .query(Long.class)
                    .optional()
                    .orElse(null);
            if (pointId == null) {
                problems.reject("pointCode", "interconnect.invalid.point", "no such point", pointCode);
            }
        }
        String a = operator(problems, "operatorA", input.operatorA());
        String b = operator(problems, "operatorB", input.operatorB());
        if (a != null && a.equals(b)) {
            problems.reject("operatorB", "interconnect.invalid.sameOperator", "a link joins two different operators");
        }
        BigDecimal capacity = capacity(problems, "capacityGbps", input.capacityGbps());
        Regime regime = problems.choice("regime", input.regime(), Regime.class);
        BigDecimal price = null;
        String payer = null;
        if (regime == Regime.PAID) {
            price = price(problems, input.priceYuan());
            payer = operator(problems, "payer", input.payer());
            if (payer != null && a != null && b != null && !payer.equals(a) && !payer.equals(b)) {
                problems.reject("payer", "interconnect.invalid.payer", "the payer must be one of the two operators");
            }
        }
        LocalDate openedOn = problems.pastDate("openedOn", input.openedOn(), true, today());
        if (pointId != null && a != null && b != null && !a.equals(b)) {
            long existing = jdbc.sql("select count(*) from interconnect_link where point_id = :point"
                            + " and operator_a = :a and operator_b = :b")
                    .param("point", pointId)
                    .param("a", a.compareTo(b) < 0 ? a : b)
                    .param("b", a.compareTo(b) < 0 ? b : a)
                    .query(Long.class)
                    .single();
            if (existing > 0) {
                problems.reject("operatorB", "interconnect.invalid.linkExists", "the pair already has a link here");
            }
        }
        problems.throwIfAny();
        String first = a.compareTo(b) < 0 ? a : b;
        String second = a.compareTo(b) < 0 ? b : a;
        jdbc.sql("""
                insert into interconnect_link (point_id, operator_a, operator_a_name, operator_b, operator_b_name,
                    capacity_gbps, regime, price_yuan, payer, created_at, created_by)
                values (:point, :a, :aName, :b, :bName, :capacity, :regime, :price, :payer, :at, :by)""")
                .param("point", pointId)
                .param("a", first)
                .param("aName", shortName(first))
                .param("b", second)
                .param("bName", shortName(second))
                .param("capacity", capacity)
                .param("regime", regime.name())
                .param("price", price)
                .param("payer", payer)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", actor.username())
                .update();
        long id = jdbc.sql("select id from interconnect_link where point_id = :point and operator_a = :a"
                        + " and operator_b = :b")
                .param("point", pointId)
                .param("a", first)
                .param("b", second)
                .query(Long.class)
                .single();
        insertCapacity(actor, id, openedOn, capacity, null);
        LinkView link = find(DataScope.all(), id).orElseThrow();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("point", link.pointCode());
        after.put("operatorA", link.operatorA());
        after.put("operatorB", link.operatorB());
        after.put("capacityGbps", capacity.toPlainString());
        after.put("openedOn", openedOn.toString());
        after.put("regime", regime.name());
        after.put("priceYuan", price == null ? null : price.toPlainString());
        after.put("payer", payer);
        audit.record("interconnect", "Link", Long.toString(id), "created", null, after);
        return link;
    }

    /**
     * Records a capacity change of a link by the ministry (an operator records it through its
     * expansion task).
     *
     * @throws RejectedInputException naming {@code capacityGbps}, {@code effectiveOn}
     */
    @Transactional
    public LinkView changeCapacity(Actor actor, long linkId, String capacityGbps, String effectiveOn, String note) {
        if (!InterconnectPoints.canManage(actor)) {
            throw new AccessDeniedException("capacity is changed by the ministry or through an expansion task");
        }
        LinkView link = find(DataScope.all(), linkId).orElseThrow(() -> new NoSuchElementException("link " + linkId));
        FieldProblems problems = new FieldProblems();
        BigDecimal capacity = capacity(problems, "capacityGbps", capacityGbps);
        LocalDate day = problems.pastDate("effectiveOn", effectiveOn, true, today());
        String text = problems.optionalText("note", note, 500);
        problems.throwIfAny();
        recordCapacity(actor, link, capacity, day, text, false);
        return find(DataScope.all(), linkId).orElseThrow();
    }

    /**
     * Adds a capacity change after the checks the caller made: the day must be after the latest
     * change, and for an expansion the capacity must be above today's.
     */
    void recordCapacity(
            Actor actor, LinkView link, BigDecimal capacity, LocalDate day, String note, boolean expansion) {
        List<CapacityEntry> history = history(link.id());
        FieldProblems problems = new FieldProblems();
        if (!history.isEmpty() && !day.isAfter(history.get(history.size() - 1).effectiveOn())) {
            problems.reject(
                    "effectiveOn",
                    "interconnect.invalid.beforeLastChange",
                    "must be after the last capacity change",
                    history.get(history.size() - 1).effectiveOn().toString());
        }
        if (expansion && capacity.compareTo(link.capacityGbps()) <= 0) {
            problems.reject(
                    "capacityGbps",
                    "interconnect.invalid.notAnExpansion",
                    "must be above the current capacity",
                    link.capacityGbps().toPlainString());
        }
        problems.throwIfAny();
        insertCapacity(actor, link.id(), day, capacity, note);
        Map<String, Object> before = Map.of("capacityGbps", link.capacityGbps().toPlainString());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("capacityGbps", capacity.toPlainString());
        after.put("effectiveOn", day.toString());
        audit.record("interconnect", "Link", Long.toString(link.id()), "capacityChanged", before, after);
    }

    /**
     * Adds a run of capacity changes to a new link at once (the demo's two years of growth), audited as
     * one change; the days must be after the link's last change and in order.
     */
    void addHistory(Actor actor, long linkId, List<CapacityEntry> entries) {
        List<CapacityEntry> history = history(linkId);
        LocalDate last = history.isEmpty()
                ? LocalDate.MIN
                : history.get(history.size() - 1).effectiveOn();
        for (CapacityEntry entry : entries) {
            if (!entry.effectiveOn().isAfter(last) || entry.effectiveOn().isAfter(today())) {
                throw new IllegalArgumentException("capacity changes must follow each other and not be in the future");
            }
            last = entry.effectiveOn();
        }
        template.batchUpdate(
                "insert into interconnect_capacity (link_id, effective_on, capacity_gbps, note, recorded_by,"
                        + " recorded_at) values (?, ?, ?, ?, ?, ?)",
                entries,
                entries.size(),
                (ps, entry) -> {
                    ps.setLong(1, linkId);
                    ps.setObject(2, entry.effectiveOn());
                    ps.setBigDecimal(3, entry.capacityGbps());
                    ps.setString(4, entry.note());
                    ps.setString(5, actor.username());
                    ps.setObject(6, clock.instant().atOffset(ZoneOffset.UTC));
                });
        refreshCapacity(linkId);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("changes", entries.size());
        after.put("capacityGbps", entries.get(entries.size() - 1).capacityGbps().toPlainString());
        after.put("effectiveOn", entries.get(entries.size() - 1).effectiveOn().toString());
        audit.record("interconnect", "Link", Long.toString(linkId), "capacityChanged", null, after);
    }

    private void insertCapacity(Actor actor, long linkId, LocalDate day, BigDecimal capacity, String note) {
        jdbc.sql("""
                insert into interconnect_capacity (link_id, effective_on, capacity_gbps, note, recorded_by, recorded_at)
                values (:link, :day, :capacity, :note, :by, :at)""")
                .param("link", linkId)
                .param("day", day)
                .param("capacity", capacity)
                .param("note", note)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        refreshCapacity(linkId);
    }

    /** Sets the link's current capacity to the history's figure for today. */
    void refreshCapacity(long linkId) {
        BigDecimal today = Settlement.capacityOn(history(linkId), today());
        jdbc.sql("update interconnect_link set capacity_gbps = :capacity where id = :id")
                .param("capacity", today)
                .param("id", linkId)
                .update();
    }

    /** One link's settlement for a month. */
    @Transactional(readOnly = true)
    public MonthlySettlement settlement(LinkView link, YearMonth month) {
        return Settlement.of(link, history(link.id()), month, settings.priceCapYuan());
    }

    /** The month's settlement per operator pair (and payer), over the links the scope covers. */
    @Transactional(readOnly = true)
    public List<PairSettlement> pairs(DataScope scope, YearMonth month) {
        Map<String, PairSettlement> pairs = new TreeMap<>();
        for (LinkView link : list(scope, null)) {
            MonthlySettlement s = settlement(link, month);
            String payer = link.regime() == Regime.PAID ? link.payer() : link.operatorA();
            String payee = link.regime() == Regime.PAID ? link.payee() : link.operatorB();
            String key = link.nameOf(payer) + "|" + link.nameOf(payee) + "|" + link.regime();
            PairSettlement sum = pairs.get(key);
            pairs.put(
                    key,
                    new PairSettlement(
                            payer,
                            link.nameOf(payer),
                            payee,
                            link.nameOf(payee),
                            link.regime(),
                            (sum == null ? 0 : sum.links()) + 1,
                            Numbers.plain((sum == null ? BigDecimal.ZERO : sum.averageCapacityGbps())
                                    .add(s.averageCapacityGbps())),
                            (sum == null ? BigDecimal.ZERO.setScale(2) : sum.amountYuan()).add(s.amountYuan())));
        }
        return new ArrayList<>(pairs.values());
    }

    /** The link's quality tests in {@code [from, to)}, oldest first, each marked bad or not. */
    @Transactional(readOnly = true)
    public List<QualityTest> tests(long linkId, LocalDateTime from, LocalDateTime to) {
        FaultRule rule = new FaultRule(settings);
        return jdbc.sql("select * from interconnect_measurement where link_id = :link and measured_at >= :from"
                        + " and measured_at < :to order by measured_at, from_operator")
                .param("link", linkId)
                .param("from", from)
                .param("to", to)
                .query((rs, n) -> rule.marked(test(rs)))
                .list();
    }

    static QualityTest test(ResultSet rs) throws SQLException {
        return new QualityTest(
                rs.getLong("link_id"),
                rs.getObject("measured_at", LocalDateTime.class),
                rs.getString("from_operator"),
                rs.getString("to_operator"),
                Numbers.plain(rs.getBigDecimal("delay_ms")),
                Numbers.plain(rs.getBigDecimal("loss_percent")),
                Numbers.plain(rs.getBigDecimal("internal_delay_ms")),
                Numbers.plain(rs.getBigDecimal("internal_loss_percent")),
                false);
    }

    /** An operator named by credit code, registered name or alias; empty when unknown. */
    Optional<String> resolveOperator(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String stripped = text.strip();
        String upper = stripped.toUpperCase(Locale.ROOT);
        if (upper.matches(CREDIT_CODE)) {
            return companies.find(DataScope.all(), upper).map(CompanyView::creditCode);
        }
        return aliases.creditCode(stripped);
    }

    /** The name people use for the operator: its first Chinese alias, else its registered name. */
    String shortName(String creditCode) {
        return aliases.aliases(creditCode).stream()
                .filter(alias ->
                        alias.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .findFirst()
                .or(() -> companies.find(DataScope.all(), creditCode).map(CompanyView::name))
                .orElse(creditCode);
    }

    private String operator(FieldProblems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        if (text.length() > 200) {
            problems.reject(field, "invalid.tooLong", "is longer than 200 characters", 200);
            return null;
        }
        Optional<String> code = resolveOperator(text);
        if (code.isEmpty()) {
            problems.reject(field, "interconnect.invalid.operator", "no operator goes by this name", text.strip());
            return null;
        }
        return code.get();
    }

    static BigDecimal capacity(FieldProblems problems, String field, String text) {
        BigDecimal capacity = decimal(problems, field, text);
        if (capacity != null
                && (capacity.signum() <= 0 || capacity.compareTo(MAX_CAPACITY) > 0 || capacity.scale() > 3)) {
            problems.reject(
                    field, "interconnect.invalid.capacity", "must be above 0 and at most 100000 Gbps, 3 decimals");
            return null;
        }
        return capacity;
    }

    private BigDecimal price(FieldProblems problems, String text) {
        BigDecimal price = decimal(problems, "priceYuan", text);
        if (price == null) {
            return null;
        }
        if (price.signum() <= 0 || price.scale() > 2) {
            problems.reject("priceYuan", "interconnect.invalid.price", "must be above 0 with at most 2 decimals");
            return null;
        }
        if (price.compareTo(settings.priceCapYuan()) > 0) {
            problems.reject(
                    "priceYuan",
                    "interconnect.invalid.priceAboveCap",
                    "is above the cap",
                    settings.priceCapYuan().toPlainString());
            return null;
        }
        return price;
    }

    private static BigDecimal decimal(FieldProblems problems, String field, String text) {
        if (text == null || text.isBlank()) {
            problems.reject(field, "invalid.required", "is required");
            return null;
        }
        try {
            return new BigDecimal(text.strip().replace(",", ""));
        } catch (NumberFormatException e) {
            problems.reject(field, "interconnect.invalid.number", "is not a number");
            return null;
        }
    }

    static LinkView view(ResultSet rs, int row) throws SQLException {
        BigDecimal price = rs.getBigDecimal("price_yuan");
        return new LinkView(
                rs.getLong("id"),
                rs.getLong("point_id"),
                rs.getString("point_code"),
                rs.getString("point_name"),
                rs.getString("province_code"),
                rs.getString("operator_a"),
                rs.getString("operator_a_name"),
                rs.getString("operator_b"),
                rs.getString("operator_b_name"),
                Numbers.plain(rs.getBigDecimal("capacity_gbps")),
                Regime.valueOf(rs.getString("regime")),
                price == null ? null : price.setScale(2),
                rs.getString("payer"));
    }
}

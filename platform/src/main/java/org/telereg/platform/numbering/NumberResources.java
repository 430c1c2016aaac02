package org.telereg.platform.numbering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.AccessManagement;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.OrganisationType;
import org.telereg.platform.access.OrganisationView;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.ProvinceCode;

/**
 * The register of number-resource allocations: regulators allocate and withdraw blocks, and any
 * module asks who held a number on a day (the longest allocated prefix that held then).
 */
@Service
public class NumberResources {

    /** Longest number a prefix lookup considers: a 106 port with its senders' extension digits. */
    private static final int LONGEST_NUMBER = 21;

    private final JdbcClient jdbc;
    private final CompanyRegistry companies;
    private final AccessManagement access;
    private final AuditTrail audit;
    private final Clock clock;

    NumberResources(
            JdbcClient jdbc, CompanyRegistry companies, AccessManagement access, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.companies = companies;
        this.access = access;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Records an allocation. The ministry allocates every kind nationally or for a province; a
     * provincial administration allocates SMS ports for its own province.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming every refused field, including a
     *     prefix that overlaps a block still held
     */
    @Transactional
    public AllocationView allocate(Actor actor, NewAllocation input) {
        FieldProblems problems = new FieldProblems();
        AllocationKind kind = problems.choice("kind", input.kind(), AllocationKind.class);
        String prefix = problems.text("prefix", input.prefix(), LONGEST_NUMBER);
        if (kind != null && prefix != null && !kind.accepts(prefix)) {
            problems.reject("prefix", "numbering.invalid.prefix." + kind.name(), "not a " + kind + " prefix");
        }
        ProvinceCode province = problems.parseOptional("provinceCode", input.provinceCode(), ProvinceCode::of);
        CreditCode holderCode = problems.parse("holderCreditCode", input.holderCreditCode(), CreditCode::of);
        Optional<CompanyView> holder =
                holderCode == null ? Optional.empty() : companies.find(DataScope.all(), holderCode.value());
        if (holderCode != null && holder.isEmpty()) {
            problems.reject("holderCreditCode", "numbering.invalid.holder", "no registered company with this code");
        }
        OrganisationView carrier = carrier(problems, kind, input.carrierCode());
        LocalDate allocatedOn = problems.date("allocatedOn", input.allocatedOn(), true);
        String document = problems.optionalText("documentNumber", input.documentNumber(), 100);
        problems.throwIfAny();

        String provinceCode = province == null ? null : province.code();
        if (!mayAllocate(actor, kind, provinceCode)) {
            throw new AccessDeniedException("role " + actor.role() + " may not allocate " + kind
                    + (provinceCode == null ? " nationally" : " in province " + provinceCode));
        }
        overlapping(prefix, allocatedOn, holderCode.value()).ifPresent(held -> {
            FieldProblems overlap = new FieldProblems();
            overlap.reject(
                    "prefix",
                    "numbering.invalid.overlap",
                    "overlaps " + held.prefix() + " held by " + held.holderName(),
                    held.prefix(),
                    held.holderName());
            overlap.throwIfAny();
        });
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into numbering_allocation (kind, prefix, province_code, holder_credit_code,
                            holder_name, carrier_credit_code, carrier_name, allocated_on, document_number,
                            created_by, created_at)
                        values (:kind, :prefix, :province, :holder, :holderName, :carrier, :carrierName, :on,
                            :document, :by, :at)""")
                .param("kind", kind.name())
                .param("prefix", prefix)
                .param("province", provinceCode)
                .param("holder", holderCode.value())
                .param("holderName", holder.get().name())
                .param("carrier", carrier == null ? null : carrier.creditCode())
                .param("carrierName", carrier == null ? null : carrier.name())
                .param("on", allocatedOn)
                .param("document", document)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update(key, "id");
        AllocationView saved = find(key.getKey().longValue()).orElseThrow();
        audit.record("numbering", "Allocation", prefix, "allocated", null, saved);
        return saved;
    }

    /** Ends an allocation on a day, with the reason (returned, revoked, reorganised). */
    @Transactional
    public AllocationView withdraw(Actor actor, long id, String on, String reason) {
        AllocationView before = find(id).orElseThrow(() -> new NoSuchElementException("no allocation " + id));
        if (!mayAllocate(actor, before.kind(), before.provinceCode())) {
            throw new AccessDeniedException("role " + actor.role() + " may not withdraw allocation " + id);
        }
        FieldProblems problems = new FieldProblems();
        LocalDate day = problems.date("withdrawnOn", on, true);
        String why = problems.text("reason", reason, 500);
        if (day != null && day.isBefore(before.allocatedOn())) {
            problems.reject("withdrawnOn", "numbering.invalid.beforeAllocation", "before the allocation date");
        }
        if (before.withdrawnOn() != null) {
            problems.reject("withdrawnOn", "numbering.invalid.alreadyWithdrawn", "already withdrawn");
        }
        problems.throwIfAny();
        jdbc.sql("update numbering_allocation set withdrawn_on = :on, withdrawal_reason = :reason where id = :id")
                .param("on", day)
                .param("reason", why)
                .param("id", id)
                .update();
        AllocationView after = find(id).orElseThrow();
        audit.record("numbering", "Allocation", before.prefix(), "withdrawn", before, after);
        return after;
    }

    /** The allocation covering a number on a day: the longest allocated prefix of it that held then. */
    @Transactional(readOnly = true)
    public Optional<AllocationView> holderOf(String number, LocalDate day) {
        if (number == null
                || number.isEmpty()
                || number.length() > LONGEST_NUMBER
                || !number.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        List<String> prefixes = new ArrayList<>();
        for (int length = 3; length <= number.length(); length++) {
            prefixes.add(number.substring(0, length));
        }
        return jdbc
                .sql("select * from numbering_allocation where prefix in (:prefixes) and allocated_on <= :day"
                        + " and (withdrawn_on is null or withdrawn_on > :day)")
                .param("prefixes", prefixes)
                .param("day", day)
                .query((rs, n) -> toView(rs))
                .list()
                .stream()
                .max(Comparator.comparingInt(a -> a.prefix().length()));
    }

    @Transactional(readOnly = true)
    public Optional<AllocationView> find(long id) {
        return jdbc.sql("select * from numbering_allocation where id = :id")
                .param("id", id)
                .query((rs, n) -> toView(rs))
                .optional();
    }

    /** Allocations of a kind (all when null) whose prefix starts with the given digits, newest first. */
    @Transactional(readOnly = true)
    public Page<AllocationView> search(AllocationKind kind, String prefix, Pageable pageable) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where 1 = 1");
        if (kind != null) {
            where.append(" and kind = :kind");
            params.put("kind", kind.name());
        }
        if (prefix != null && !prefix.isBlank()) {
            where.append(" and prefix like :prefix");
            params.put("prefix", prefix.strip().replaceAll("[^0-9]", "") + "%");
        }
        long total = jdbc.sql("select count(*) from numbering_allocation" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<AllocationView> rows = jdbc.sql("select * from numbering_allocation" + where
                        + " order by allocated_on desc, id desc limit :limit offset :offset")
                .params(params)
                .param("limit", pageable.getPageSize())
                .param("offset", pageable.getOffset())
                .query((rs, n) -> toView(rs))
                .list();
        return new PageImpl<>(rows, pageable, total);
    }

    /** Whether the actor may allocate (and withdraw) this kind at this level. */
    public static boolean mayAllocate(Actor actor, AllocationKind kind, String provinceCode) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> true;
            case PROVINCIAL_OFFICER ->
                kind == AllocationKind.SMS_PORT
                        && provinceCode != null
                        && provinceCode.equals(actor.scope().provinceCode());
            default -> false;
        };
    }

    /** Whether the actor may allocate anything at all: the console shows the form to these. */
    public static boolean allocates(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN
                || actor.role() == Role.MINISTRY_OFFICER
                || actor.role() == Role.PROVINCIAL_OFFICER;
    }

    /** A held block that is this prefix, contains it or lies inside it, on or after the day. */
    /**
     * A block still held that the prefix would overlap. A longer prefix inside a shorter block of the same holder
     * is not an overlap: the ministry allocates a network prefix (198) nationally and the holder's provincial
     * H-code blocks (1985xxx in 广东) are recorded inside it, so the longest prefix names the province.
     */
    private Optional<AllocationView> overlapping(String prefix, LocalDate day, String holderCreditCode) {
        List<String> shorter = new ArrayList<>();
        for (int length = 1; length < prefix.length(); length++) {
            shorter.add(prefix.substring(0, length));
        }
        return jdbc
                .sql(
                        "select * from numbering_allocation where ((prefix in (:shorter) and holder_credit_code <> :holder)"
                                + " or prefix like :longer) and (withdrawn_on is null or withdrawn_on > :day) order by id")
                .param("shorter", shorter.isEmpty() ? List.of("") : shorter)
                .param("holder", holderCreditCode)
                .param("longer", prefix + "%")
                .param("day", day)
                .query((rs, n) -> toView(rs))
                .list()
                .stream()
                .findFirst();
    }

    private OrganisationView carrier(FieldProblems problems, AllocationKind kind, String code) {
        if (kind != AllocationKind.SMS_PORT) {
            if (code != null && !code.isBlank()) {
                problems.reject(
                        "carrierCode", "numbering.invalid.carrierNotApplicable", "only SMS ports have a carrier");
            }
            return null;
        }
        String given = problems.text("carrierCode", code, 50);
        if (given == null) {
            return null;
        }
        Optional<OrganisationView> found =
                access.organisation(given).filter(o -> o.type() == OrganisationType.OPERATOR && o.creditCode() != null);
        if (found.isEmpty()) {
            problems.reject("carrierCode", "numbering.invalid.carrier", "not an operator organisation");
        }
        return found.orElse(null);
    }

    static AllocationView toView(ResultSet rs) throws SQLException {
        java.sql.Date withdrawn = rs.getDate("withdrawn_on");
        return new AllocationView(
                rs.getLong("id"),
                AllocationKind.valueOf(rs.getString("kind")),
                rs.getString("prefix"),
                rs.getString("province_code"),
                rs.getString("holder_credit_code"),
                rs.getString("holder_name"),
                rs.getString("carrier_credit_code"),
                rs.getString("carrier_name"),
                rs.getDate("allocated_on").toLocalDate(),
                withdrawn == null ? null : withdrawn.toLocalDate(),
                rs.getString("withdrawal_reason"),
                rs.getString("document_number"));
    }
}

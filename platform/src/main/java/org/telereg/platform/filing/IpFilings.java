package org.telereg.platform.filing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.telereg.engine.filing.IpAddresses;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.entity.CompanyAliases;
import org.telereg.platform.entity.CompanyRegistry;
import org.telereg.platform.entity.CompanyView;
import org.telereg.platform.shared.CreditCode;
import org.telereg.platform.shared.DivisionCode;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.ProvinceCode;
import org.telereg.platform.shared.RejectedInputException;

/**
 * IP address filings (IP地址备案): the ranges ISPs allocate, to whom and for what. Active ranges never
 * overlap, with one exception — sub-allocation: the unit holding a range may, as the allocating ISP,
 * file a part of it for the unit it passes that part to (an IDC re-allocating its operator's block to
 * a customer). Then the part is nested inside the range it came from and a lookup names both, the
 * innermost first. Any other overlap is refused, naming the range in the way and its user.
 *
 * <p>Who files: the ministry for any province and ISP, a provincial administration in its province, an
 * operator or access provider the ranges it allocates itself. Who sees: the ministry all, a province
 * its own, an operator or access provider its allocations.
 */
@Service
public class IpFilings {

    static final String ACTIVE = "ACTIVE";
    static final String WITHDRAWN = "WITHDRAWN";

    /** The CSV columns with the header names each may go by. */
    static final Map<String, List<String>> COLUMNS = columns();

    /** The form field each CSV column feeds, so a refused field is named by its column. */
    private static final Map<String, String> COLUMN_OF_FIELD = Map.of(
            "firstAddress", "first_address",
            "lastAddress", "last_address",
            "userUnitName", "user_unit",
            "userUnitCreditCode", "user_unit_credit_code",
            "usage", "usage",
            "allocatingIsp", "allocating_isp",
            "province", "province",
            "cityCode", "city_code");

    private static final int LIST_LIMIT = 500;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final CompanyRegistry companies;
    private final CompanyAliases aliases;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IpFilings(
            JdbcClient jdbc,
            AuditTrail audit,
            CompanyRegistry companies,
            CompanyAliases aliases,
            PlatformTransactionManager transactionManager,
            Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.companies = companies;
        this.aliases = aliases;
        this.transactions = new TransactionTemplate(transactionManager);
        this.clock = clock;
    }

    /** Whether the actor files and withdraws ranges at all (within its scope). */
    public static boolean canFile(Actor actor) {
        return switch (actor.role()) {
            case MINISTRY_ADMIN, MINISTRY_OFFICER -> actor.scope().kind() == DataScope.Kind.ALL;
            case PROVINCIAL_OFFICER -> actor.scope().kind() == DataScope.Kind.PROVINCE;
            case OPERATOR, ACCESS_PROVIDER -> actor.scope().kind() == DataScope.Kind.ENTERPRISE;
            case AUDITOR -> false;
        };
    }

    /**
     * The ranges the scope covers, by address.
     *
     * @param status {@code ACTIVE}, {@code WITHDRAWN}, or null for both
     * @param text part of the user unit's or the ISP's name, or null
     */
    @Transactional(readOnly = true)
    public List<IpRange> list(DataScope scope, String status, String text) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder where =
                new StringBuilder(scope.sqlCondition("province_code", "allocating_isp_credit_code", params));
        if (status != null && !status.isBlank()) {
            where.append(" and status = :status");
            params.put("status", status.strip().toUpperCase(Locale.ROOT));
        }
        if (text != null && !text.isBlank()) {
            where.append(" and (user_unit_name like :text or allocating_isp_name like :text)");
            params.put("text", "%" + text.strip() + "%");
        }
        return jdbc.sql("select * from filing_ip_range where " + where + " order by first_hex, last_hex desc, id"
                        + " limit " + LIST_LIMIT)
                .params(params)
                .query(IpFilings::range)
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<IpRange> find(DataScope scope, long id) {
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("province_code", "allocating_isp_credit_code", params);
        params.put("id", id);
        return jdbc.sql("select * from filing_ip_range where id = :id and " + condition)
                .params(params)
                .query(IpFilings::range)
                .optional();
    }

    /**
     * Which active filings cover an address, the innermost (the unit actually using it) first.
     *
     * @throws RejectedInputException naming {@code address} when it is not an IP address
     */
    @Transactional(readOnly = true)
    public List<IpRange> covering(DataScope scope, String address) {
        byte[] bytes;
        try {
            bytes = IpAddresses.parse(address);
        } catch (IllegalArgumentException e) {
            throw RejectedInputException.of("address", "filing.ip.invalid.address", e.getMessage(), shortened(address));
        }
        Map<String, Object> params = new HashMap<>();
        String condition = scope.sqlCondition("province_code", "allocating_isp_credit_code", params);
        params.put("hex", hex(bytes));
        return jdbc.sql("select * from filing_ip_range where status = 'ACTIVE' and first_hex <= :hex"
                        + " and last_hex >= :hex and " + condition + " order by first_hex desc, last_hex, id")
                .params(params)
                .query(IpFilings::range)
                .list();
    }

    /**
     * Files one range.
     *
     * @throws RejectedInputException naming each field at fault, {@code firstAddress} for an overlap
     * @throws AccessDeniedException unless {@link #canFile(Actor)}
     */
    @Transactional
    public IpRange file(Actor actor, NewIpRange input) {
        requireFile(actor);
        FieldProblems problems = new FieldProblems();
        Candidate candidate = check(actor, input, problems);
        problems.throwIfAny();
        overlap(candidate, Map.of()).ifPresent(problem -> {
            throw new RejectedInputException(List.of(problem));
        });
        long id = insert(candidate);
        audit.record("filing", "IpRange", Long.toString(id), "created", null, state(candidate));
        return find(DataScope.all(), id).orElseThrow();
    }

    /**
     * Withdraws an active range (the allocation ended). A range with active sub-allocations inside is
     * refused: those are withdrawn first.
     *
     * @throws RejectedInputException naming {@code reason} or {@code status}
     * @throws AccessDeniedException unless the actor files ranges and sees this one
     */
    @Transactional
    public IpRange withdraw(Actor actor, long id, String reason) {
        requireFile(actor);
        IpRange range = find(actor.scope(), id).orElseThrow(() -> new AccessDeniedException("range " + id));
        FieldProblems problems = new FieldProblems();
        String why = problems.multilineText("reason", reason, 500);
        if (!range.active()) {
            problems.reject("status", "filing.ip.invalid.notActive", "the range is not active");
        }
        problems.throwIfAny();
        List<IpRange> inside = jdbc.sql("select * from filing_ip_range where status = 'ACTIVE' and id <> :id"
                        + " and first_hex >= (select first_hex from filing_ip_range where id = :id)"
                        + " and last_hex <= (select last_hex from filing_ip_range where id = :id) order by first_hex")
                .param("id", id)
                .query(IpFilings::range)
                .list();
        if (!inside.isEmpty()) {
            IpRange child = inside.get(0);
            throw RejectedInputException.of(
                    "status",
                    "filing.ip.invalid.hasSubAllocations",
                    "sub-allocations are still active",
                    inside.size(),
                    child.text(),
                    child.userUnitName());
        }
        LocalDate today = LocalDate.now(clock);
        int changed = jdbc.sql("update filing_ip_range set status = 'WITHDRAWN', withdrawn_on = :today,"
                        + " updated_at = :at, version = version + 1 where id = :id and status = 'ACTIVE'")
                .param("today", today)
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .param("id", id)
                .update();
        if (changed != 1) {
            throw RejectedInputException.of("status", "filing.ip.invalid.notActive", "the range is not active");
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", WITHDRAWN);
        after.put("withdrawnOn", today.toString());
        after.put("reason", why);
        audit.record("filing", "IpRange", Long.toString(id), "withdrawn", Map.of("status", ACTIVE), after);
        return find(DataScope.all(), id).orElseThrow();
    }

    /**
     * Imports a CSV file of ranges, all or nothing: any refused line stores nothing and every refused
     * line comes back with its number and column. A line that repeats a range already filed exactly so
     * (same addresses, ISP and user unit) is counted as unchanged, so importing a file again files
     * nothing twice. Ranges in one file may nest as sub-allocations of earlier lines.
     *
     * @throws AccessDeniedException unless {@link #canFile(Actor)}
     */
    public IpImportResult importCsv(Actor actor, byte[] content) {
        requireFile(actor);
        FilingCsv.Reading reading =
                FilingCsv.read(content, COLUMNS, Set.of("first_address", "user_unit", "usage"), "filing.ip.");
        if (!reading.errors().isEmpty()) {
            return new IpImportResult(false, reading.charset(), 0, 0, reading.errors());
        }
        return transactions.execute(status -> {
            List<LineError> errors = new ArrayList<>();
            Map<Long, Long> lineOfNew = new HashMap<>();
            int unchanged = 0;
            for (FilingCsv.Row row : reading.rows()) {
                NewIpRange input = new NewIpRange(
                        row.get("first_address"),
                        row.get("last_address"),
                        row.get("user_unit"),
                        row.get("user_unit_credit_code"),
                        row.get("usage"),
                        row.get("allocating_isp"),
                        row.get("province"),
                        row.get("city_code"));
                FieldProblems problems = new FieldProblems();
                Candidate candidate = check(actor, input, problems);
                if (problems.isEmpty()) {
                    if (alreadyFiled(candidate)) {
                        unchanged++;
                        continue;
                    }
                    overlap(candidate, lineOfNew)
                            .ifPresent(p -> problems.reject(p.field(), p.code(), p.defaultMessage(), p.arguments()));
                }
                if (!problems.isEmpty()) {
                    for (FieldProblem problem : problems.list()) {
                        if (errors.size() < FilingCsv.MAX_ERRORS) {
                            errors.add(new LineError(
                                    row.line(),
                                    COLUMN_OF_FIELD.getOrDefault(problem.field(), problem.field()),
                                    problem.code(),
                                    problem.arguments(),
                                    problem.defaultMessage()));
                        }
                    }
                    if (errors.size() >= FilingCsv.MAX_ERRORS) {
                        break;
                    }
                    continue;
                }
                lineOfNew.put(insert(candidate), row.line());
            }
            if (!errors.isEmpty()) {
                status.setRollbackOnly();
                return new IpImportResult(false, reading.charset(), 0, 0, errors);
            }
            if (!lineOfNew.isEmpty()) {
                Map<String, Object> summary = new LinkedHashMap<>();
                summary.put("filed", lineOfNew.size());
                summary.put("unchanged", unchanged);
                summary.put(
                        "ids", lineOfNew.size() <= 1000 ? List.copyOf(new TreeSet<>(lineOfNew.keySet())) : List.of());
                audit.record("filing", "IpRangeImport", actor.username(), "imported", null, summary);
            }
            return new IpImportResult(true, reading.charset(), lineOfNew.size(), unchanged, List.of());
        });
    }

    /** The 32 hex digits SQL compares: IPv6 as it is, IPv4 in its IPv4-mapped form ::ffff:a.b.c.d. */
    static String hex(byte[] address) {
        byte[] sixteen = address;
        if (address.length == 4) {
            sixteen = new byte[16];
            sixteen[10] = (byte) 0xff;
            sixteen[11] = (byte) 0xff;
            System.arraycopy(address, 0, sixteen, 12, 4);
        }
        return HexFormat.of().formatHex(sixteen);
    }

    /** A range checked field by field, not yet against the register. */
    private record Candidate(
            String first,
            String last,
            String firstHex,
            String lastHex,
            int family,
            String userUnitName,
            String userUnitCreditCode,
            IpUse usage,
            String ispCreditCode,
            String ispName,
            String provinceCode,
            String cityCode) {}

    private Candidate check(Actor actor, NewIpRange input, FieldProblems problems) {
        byte[] first = address(problems, "firstAddress", input.firstAddress(), true);
        byte[] last = input.lastAddress() == null || input.lastAddress().isBlank()
                ? first
                : address(problems, "lastAddress", input.lastAddress(), false);
        if (first != null && last != null) {
            if (first.length != last.length) {
                problems.reject("lastAddress", "filing.ip.invalid.family", "first and last differ in family");
                last = null;
            } else if (hex(first).compareTo(hex(last)) > 0) {
                problems.reject(
                        "lastAddress",
                        "filing.ip.invalid.reversed",
                        "the last address is before the first",
                        IpAddresses.format(first),
                        IpAddresses.format(last));
                last = null;
            }
        }
        String unit = problems.text("userUnitName", input.userUnitName(), 200);
        CreditCode unitCode = problems.parseOptional("userUnitCreditCode", input.userUnitCreditCode(), CreditCode::of);
        IpUse usage = problems.choice("usage", input.usage(), IpUse.class);
        CompanyView isp = isp(actor, input.allocatingIsp(), problems);
        ProvinceCode province = province(actor, input.province(), problems);
        String city = null;
        if (input.cityCode() != null && !input.cityCode().isBlank()) {
            DivisionCode division = problems.parse("cityCode", input.cityCode().strip(), DivisionCode::of);
            if (division != null && province != null && !division.province().equals(province)) {
                problems.reject(
                        "cityCode",
                        "filing.ip.invalid.cityProvince",
                        "the city is not in the province",
                        division.code());
            } else if (division != null) {
                city = division.code();
            }
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Candidate(
                IpAddresses.format(first),
                IpAddresses.format(last),
                hex(first),
                hex(last),
                first.length == 4 ? 4 : 6,
                unit,
                unitCode == null ? null : unitCode.value(),
                usage,
                isp.creditCode(),
                isp.name(),
                province.code(),
                city);
    }

    private static byte[] address(FieldProblems problems, String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                problems.reject(field, "invalid.required", "is required");
            }
            return null;
        }
        try {
            // No literal is longer than 45 characters; a longer text is refused without parsing it.
            if (text.length() > 64) {
                throw new IllegalArgumentException("too long");
            }
            return IpAddresses.parse(text);
        } catch (IllegalArgumentException e) {
            problems.reject(field, "filing.ip.invalid.address", "not an IP address", shortened(text));
            return null;
        }
    }

    /** The ISP by credit code, name or alias; an operator or access provider files only its own. */
    private CompanyView isp(Actor actor, String text, FieldProblems problems) {
        boolean enterprise = actor.scope().kind() == DataScope.Kind.ENTERPRISE;
        if (text == null || text.isBlank()) {
            if (!enterprise) {
                problems.reject("allocatingIsp", "invalid.required", "is required");
                return null;
            }
            text = actor.scope().creditCode();
        }
        String wanted = text.strip();
        Optional<CompanyView> company = wanted.length() == 18
                ? companies.find(DataScope.all(), wanted.toUpperCase(Locale.ROOT))
                : Optional.empty();
        if (company.isEmpty()) {
            company = aliases.creditCode(wanted).flatMap(code -> companies.find(DataScope.all(), code));
        }
        if (company.isEmpty()) {
            problems.reject("allocatingIsp", "filing.ip.invalid.isp", "no such company", shortened(wanted));
            return null;
        }
        if (enterprise && !company.get().creditCode().equals(actor.scope().creditCode())) {
            problems.reject("allocatingIsp", "filing.ip.invalid.notYourAllocation", "you file only your allocations");
            return null;
        }
        return company.get();
    }

    /** The province, required except for an administration (its own by default) and limited to it. */
    private static ProvinceCode province(Actor actor, String text, FieldProblems problems) {
        boolean provincial = actor.scope().kind() == DataScope.Kind.PROVINCE;
        if ((text == null || text.isBlank()) && provincial) {
            return new ProvinceCode(actor.scope().provinceCode());
        }
        if (text == null || text.isBlank()) {
            problems.reject("province", "invalid.required", "is required");
            return null;
        }
        ProvinceCode province = problems.parse("province", text.strip(), ProvinceCode::of);
        if (province != null && !ProvinceCode.administered().contains(province)) {
            problems.reject("province", "filing.ip.invalid.province", "no administration", shortened(text));
            return null;
        }
        if (province != null
                && provincial
                && !province.code().equals(actor.scope().provinceCode())) {
            problems.reject("province", "filing.ip.invalid.otherProvince", "another province's range");
            return null;
        }
        return province;
    }

    private boolean alreadyFiled(Candidate candidate) {
        return jdbc.sql(
                                "select count(*) from filing_ip_range where status = 'ACTIVE' and first_hex = :first"
                                        + " and last_hex = :last and allocating_isp_credit_code = :isp and user_unit_name = :unit")
                        .param("first", candidate.firstHex())
                        .param("last", candidate.lastHex())
                        .param("isp", candidate.ispCreditCode())
                        .param("unit", candidate.userUnitName())
                        .query(Long.class)
                        .single()
                > 0;
    }

    /**
     * Why the candidate may not be filed beside the active ranges it meets, if it may not: it must lie
     * strictly inside each of them, and the innermost must be held by the candidate's allocating ISP.
     *
     * @param lineOfNew ranges filed earlier in the same import, by id, with their line
     */
    private Optional<FieldProblem> overlap(Candidate candidate, Map<Long, Long> lineOfNew) {
        List<IpRange> met = jdbc.sql("select * from filing_ip_range where status = 'ACTIVE' and first_hex <= :last"
                        + " and last_hex >= :first order by first_hex desc, last_hex, id")
                .param("first", candidate.firstHex())
                .param("last", candidate.lastHex())
                .query(IpFilings::range)
                .list();
        if (met.isEmpty()) {
            return Optional.empty();
        }
        for (IpRange range : met) {
            String rangeFirst = hex(IpAddresses.parse(range.firstAddress()));
            String rangeLast = hex(IpAddresses.parse(range.lastAddress()));
            boolean inside = rangeFirst.compareTo(candidate.firstHex()) <= 0
                    && rangeLast.compareTo(candidate.lastHex()) >= 0
                    && !(rangeFirst.equals(candidate.firstHex()) && rangeLast.equals(candidate.lastHex()));
            if (!inside) {
                return Optional.of(overlapProblem(range, lineOfNew));
            }
        }
        IpRange innermost = met.get(0);
        if (innermost.userUnitCreditCode() == null
                || !innermost.userUnitCreditCode().equals(candidate.ispCreditCode())) {
            return Optional.of(new FieldProblem(
                    "firstAddress",
                    "filing.ip.invalid.notHolder",
                    new Object[] {innermost.text(), innermost.userUnitName(), innermost.id()},
                    "inside a range held by another unit"));
        }
        return Optional.empty();
    }

    private static FieldProblem overlapProblem(IpRange range, Map<Long, Long> lineOfNew) {
        Long line = lineOfNew.get(range.id());
        if (line != null) {
            return new FieldProblem(
                    "firstAddress",
                    "filing.ip.invalid.overlapLine",
                    new Object[] {range.text(), line},
                    "overlaps the range of line " + line);
        }
        return new FieldProblem(
                "firstAddress",
                "filing.ip.invalid.overlap",
                new Object[] {range.text(), range.userUnitName(), range.id()},
                "overlaps the active range " + range.text() + " of " + range.userUnitName());
    }

    private long insert(Candidate candidate) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        var at = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into filing_ip_range (first_address, last_address, first_hex, last_hex, family,
                    user_unit_name, user_unit_credit_code, usage, allocating_isp_credit_code, allocating_isp_name,
                    province_code, city_code, status, filed_on, updated_at)
                values (:first, :last, :firstHex, :lastHex, :family, :unit, :unitCode, :usage, :isp, :ispName,
                    :province, :city, 'ACTIVE', :today, :at)""")
                .param("first", candidate.first())
                .param("last", candidate.last())
                .param("firstHex", candidate.firstHex())
                .param("lastHex", candidate.lastHex())
                .param("family", candidate.family())
                .param("unit", candidate.userUnitName())
                .param("unitCode", candidate.userUnitCreditCode())
                .param("usage", candidate.usage().name())
                .param("isp", candidate.ispCreditCode())
                .param("ispName", candidate.ispName())
                .param("province", candidate.provinceCode())
                .param("city", candidate.cityCode())
                .param("today", LocalDate.now(clock))
                .param("at", at)
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static Map<String, Object> state(Candidate candidate) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("first", candidate.first());
        state.put("last", candidate.last());
        state.put("userUnit", candidate.userUnitName());
        state.put("userUnitCreditCode", candidate.userUnitCreditCode());
        state.put("usage", candidate.usage().name());
        state.put("allocatingIsp", candidate.ispCreditCode());
        state.put("province", candidate.provinceCode());
        state.put("city", candidate.cityCode());
        return state;
    }

    private static void requireFile(Actor actor) {
        if (!canFile(actor)) {
            throw new AccessDeniedException("IP ranges are filed by administrations and the ISPs that allocate them");
        }
    }

    private static String shortened(String text) {
        if (text == null) {
            return "";
        }
        String stripped = text.strip();
        return stripped.length() > 60 ? stripped.substring(0, 60) + "…" : stripped;
    }

    static IpRange range(ResultSet rs, int row) throws SQLException {
        return new IpRange(
                rs.getLong("id"),
                rs.getString("first_address"),
                rs.getString("last_address"),
                rs.getInt("family"),
                rs.getString("user_unit_name"),
                rs.getString("user_unit_credit_code"),
                IpUse.valueOf(rs.getString("usage")),
                rs.getString("allocating_isp_credit_code"),
                rs.getString("allocating_isp_name"),
                rs.getString("province_code"),
                rs.getString("city_code"),
                rs.getString("status"),
                rs.getObject("filed_on", LocalDate.class),
                rs.getObject("withdrawn_on", LocalDate.class));
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("first_address", List.of("first_address", "first", "start", "起始地址", "起始IP"));
        columns.put("last_address", List.of("last_address", "last", "end", "终止地址", "终止IP"));
        columns.put("user_unit", List.of("user_unit", "user_unit_name", "使用单位", "使用单位名称"));
        columns.put("user_unit_credit_code", List.of("user_unit_credit_code", "使用单位统一社会信用代码", "使用单位信用代码"));
        columns.put("usage", List.of("usage", "use", "用途", "使用方式"));
        columns.put("allocating_isp", List.of("allocating_isp", "isp", "分配单位", "分配方"));
        columns.put("province", List.of("province", "省份", "使用省份"));
        columns.put("city_code", List.of("city_code", "city", "城市代码", "地市代码"));
        return columns;
    }
}

package org.telereg.platform.numbering;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.UploadedText;

/**
 * Utilisation reports (码号使用情况): a holder reports, per block it holds and per month, how many
 * numbers are in use and how many are assigned. An upload is checked line by line and written only
 * when no line is bad, in one transaction; the same batch id with the same bytes changes nothing.
 * Utilisation is the numbers in use over the block's capacity.
 */
@Service
public class UtilisationReports {

    /** The most line errors one answer lists; the count of bad lines covers them all. */
    static final int MAX_ERRORS = 200;

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Column → accepted header names (English and Chinese). */
    private static final Map<String, List<String>> COLUMNS = columns();

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final NumberingSettings settings;
    private final Clock clock;

    UtilisationReports(JdbcClient jdbc, AuditTrail audit, NumberingSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the actor reports utilisation: an operator's user or token, for the blocks it holds. */
    public static boolean canReport(Actor actor) {
        return actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /** The share of capacity in use below which a block counts as under-used. */
    public BigDecimal lowThreshold() {
        return settings.lowUtilisation();
    }

    /**
     * Imports one report of the actor's own blocks: columns {@code prefix, period, in_use, assigned}.
     *
     * @param batchId the client's id for this batch: the same id with the same bytes again changes
     *     nothing and answers {@code ALREADY_IMPORTED}; the same id with other bytes is refused
     * @throws AccessDeniedException unless {@link #canReport(Actor)}
     */
    @Transactional
    public UtilisationResult importCsv(Actor actor, String batchId, String fileName, byte[] content) {
        if (!canReport(actor)) {
            throw new AccessDeniedException("only a block's holder reports its utilisation");
        }
        String holder = actor.scope().creditCode();
        if (batchId == null || batchId.isBlank() || batchId.strip().length() > 100) {
            return UtilisationResult.fileError(
                    "UTF-8", "numbering.utilisation.badBatchId", "batchId must have 1 to 100 characters");
        }
        String batchKey = batchId.strip();
        if (content.length > settings.maxBytes()) {
            return UtilisationResult.fileError(
                    "UTF-8",
                    "numbering.utilisation.tooLarge",
                    "the file is larger than " + settings.maxBytes() + " bytes",
                    settings.maxBytes());
        }
        String hash = Hashes.sha256(content);
        Optional<UtilisationResult> previous = previous(holder, batchKey, hash);
        if (previous.isPresent()) {
            return previous.get();
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            return UtilisationResult.fileError("?", e.code(), e.getMessage());
        }
        Parsed parsed = parse(text, heldBlocks(holder));
        if (parsed.badLines > 0 || !parsed.errors.isEmpty()) {
            return UtilisationResult.rejected(text.charset(), parsed.lines, parsed.badLines, parsed.errors);
        }
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        jdbc.sql("""
                insert into numbering_utilisation_batch (holder_credit_code, batch_id, content_sha256, file_name,
                    encoding, rows_read, submitted_by, submitted_at)
                values (:holder, :batch, :hash, :file, :encoding, :rows, :by, :at)""")
                .param("holder", holder)
                .param("batch", batchKey)
                .param("hash", hash)
                .param("file", fileName == null ? null : truncate(fileName, 255))
                .param("encoding", text.charset())
                .param("rows", parsed.lines)
                .param("by", truncate(actor.username(), 100))
                .param("at", now)
                .update();
        long batchRef = jdbc.sql(
                        "select id from numbering_utilisation_batch where holder_credit_code = :holder and batch_id = :batch")
                .param("holder", holder)
                .param("batch", batchKey)
                .query(Long.class)
                .single();
        for (Row row : parsed.rows) {
            int updated = jdbc.sql("""
                    update numbering_utilisation set in_use = :inUse, assigned = :assigned, batch_ref = :batch,
                        reported_at = :at
                    where allocation_id = :allocation and period = :period""")
                    .param("inUse", row.inUse)
                    .param("assigned", row.assigned)
                    .param("batch", batchRef)
                    .param("at", now)
                    .param("allocation", row.allocationId)
                    .param("period", row.period.toString())
                    .update();
            if (updated == 0) {
                jdbc.sql("""
                        insert into numbering_utilisation (allocation_id, period, in_use, assigned, batch_ref, reported_at)
                        values (:allocation, :period, :inUse, :assigned, :batch, :at)""")
                        .param("allocation", row.allocationId)
                        .param("period", row.period.toString())
                        .param("inUse", row.inUse)
                        .param("assigned", row.assigned)
                        .param("batch", batchRef)
                        .param("at", now)
                        .update();
            }
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("holder", holder);
        summary.put("batchId", batchKey);
        summary.put("sha256", hash);
        summary.put("rows", parsed.lines);
        audit.record("numbering", "UtilisationBatch", holder + "/" + batchKey, "submitted", null, summary);
        return new UtilisationResult(UtilisationResult.Status.IMPORTED, text.charset(), parsed.lines, 0, List.of());
    }

    /**
     * Blocks still held whose latest reported month has fewer numbers in use than the threshold
     * share of their capacity, the least used first.
     */
    @Transactional(readOnly = true)
    public Page<BlockUtilisation> lowest(DataScope scope, BigDecimal threshold, Pageable pageable) {
        Map<String, Object> params = new HashMap<>();
        List<BlockUtilisation> low = jdbc
                .sql("""
                        select a.*, u.period, u.in_use, u.assigned from numbering_utilisation u
                        join numbering_allocation a on a.id = u.allocation_id
                        where a.withdrawn_on is null
                          and u.period = (select max(l.period) from numbering_utilisation l
                                          where l.allocation_id = u.allocation_id)
                          and\s""" + scope.sqlCondition("a.province_code", "a.holder_credit_code", params))
                .params(params)
                .query((rs, n) -> utilisation(NumberResources.toView(rs), rs))
                .list()
                .stream()
                .filter(b -> b.ratio().compareTo(threshold) < 0)
                .sorted(Comparator.comparing(BlockUtilisation::ratio)
                        .thenComparing(b -> b.allocation().prefix()))
                .toList();
        int from = (int) Math.min(pageable.getOffset(), low.size());
        int to = Math.min(from + pageable.getPageSize(), low.size());
        return new PageImpl<>(low.subList(from, to), pageable, low.size());
    }

    /** A block's reported months, oldest first, when the scope covers the block. */
    @Transactional(readOnly = true)
    public List<BlockUtilisation> series(DataScope scope, long allocationId) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("""
                        select a.*, u.period, u.in_use, u.assigned from numbering_utilisation u
                        join numbering_allocation a on a.id = u.allocation_id
                        where a.id = :id and\s"""
                        + scope.sqlCondition("a.province_code", "a.holder_credit_code", params)
                        + " order by u.period")
                .params(params)
                .param("id", allocationId)
                .query((rs, n) -> utilisation(NumberResources.toView(rs), rs))
                .list();
    }

    /** A block's latest reported month. */
    @Transactional(readOnly = true)
    public Optional<BlockUtilisation> latest(AllocationView allocation) {
        return jdbc.sql("select period, in_use, assigned from numbering_utilisation where allocation_id = :id"
                        + " order by period desc limit 1")
                .param("id", allocation.id())
                .query((rs, n) -> utilisation(allocation, rs))
                .optional();
    }

    private static BlockUtilisation utilisation(AllocationView allocation, ResultSet rs) throws SQLException {
        return new BlockUtilisation(
                allocation,
                rs.getString("period"),
                rs.getLong("in_use"),
                rs.getLong("assigned"),
                allocation.kind().capacity(allocation.prefix()));
    }

    private Optional<UtilisationResult> previous(String holder, String batchKey, String hash) {
        return jdbc.sql("""
                select content_sha256, encoding, rows_read from numbering_utilisation_batch
                where holder_credit_code = :holder and batch_id = :batch""")
                .param("holder", holder)
                .param("batch", batchKey)
                .query((rs, n) -> rs.getString(1).equals(hash)
                        ? new UtilisationResult(
                                UtilisationResult.Status.ALREADY_IMPORTED, rs.getString(2), rs.getInt(3), 0, List.of())
                        : UtilisationResult.fileError(
                                "UTF-8",
                                "numbering.utilisation.batchReused",
                                "batch id " + batchKey + " was already used for a different file",
                                batchKey))
                .optional();
    }

    /** The holder's allocations by prefix, withdrawn ones included (a report may cover a past month). */
    private Map<String, List<AllocationView>> heldBlocks(String holder) {
        Map<String, List<AllocationView>> byPrefix = new HashMap<>();
        jdbc.sql("select * from numbering_allocation where holder_credit_code = :holder")
                .param("holder", holder)
                .query((rs, n) -> NumberResources.toView(rs))
                .list()
                .forEach(a -> byPrefix.computeIfAbsent(a.prefix(), p -> new ArrayList<>())
                        .add(a));
        return byPrefix;
    }

    /** One checked line. */
    private record Row(long allocationId, YearMonth period, long inUse, long assigned) {}

    private static final class Parsed {
        final List<Row> rows = new ArrayList<>();
        final List<LineError> errors = new ArrayList<>();
        int lines;
        int badLines;

        void error(long line, String field, String code, String message, Object... arguments) {
            if (errors.size() < MAX_ERRORS) {
                errors.add(new LineError(line, field, code, arguments, message));
            }
        }
    }

    private Parsed parse(UploadedText text, Map<String, List<AllocationView>> blocks) {
        Parsed parsed = new Parsed();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        YearMonth thisMonth = YearMonth.now(clock.withZone(CHINA));
        long lastLine = 1;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text.text())) {
            boolean header = true;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (header) {
                    header = false;
                    readHeader(record, index, parsed);
                    if (!parsed.errors.isEmpty()) {
                        return parsed;
                    }
                    continue;
                }
                if (parsed.lines >= settings.maxRows()) {
                    parsed.badLines++;
                    parsed.error(
                            line,
                            null,
                            "numbering.utilisation.tooManyRows",
                            "more than " + settings.maxRows() + " rows",
                            settings.maxRows());
                    break;
                }
                parsed.lines++;
                Row row = check(record, index, line, blocks, thisMonth, parsed);
                if (row != null) {
                    Long first = firstLine.putIfAbsent(row.allocationId + "@" + row.period, line);
                    if (first != null) {
                        parsed.error(line, "prefix", "numbering.utilisation.duplicate", "repeats line " + first, first);
                        row = null;
                    }
                }
                if (row == null) {
                    parsed.badLines++;
                } else {
                    parsed.rows.add(row);
                }
            }
            if (header) {
                parsed.error(1, null, "numbering.utilisation.noHeader", "no header line");
            } else if (parsed.lines == 0 && parsed.errors.isEmpty()) {
                parsed.error(2, null, "numbering.utilisation.noRows", "no data rows");
            }
        } catch (CsvParseException e) {
            parsed.badLines++;
            parsed.error(lastLine + 1, null, "numbering.utilisation.malformed", "malformed CSV");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    /** The line as a row, or null with every problem of the line recorded. */
    private static Row check(
            CsvRecord record,
            Map<String, Integer> index,
            long line,
            Map<String, List<AllocationView>> blocks,
            YearMonth thisMonth,
            Parsed parsed) {
        boolean bad = false;
        String prefix = strip(field(record, index, "prefix"));
        if (prefix == null) {
            parsed.error(line, "prefix", "invalid.required", "is required");
            bad = true;
        } else if (!prefix.matches("[0-9]{3,21}")) {
            parsed.error(line, "prefix", "numbering.utilisation.badPrefix", "is not a block's digits");
            bad = true;
        }
        YearMonth period = null;
        String periodText = strip(field(record, index, "period"));
        if (periodText == null) {
            parsed.error(line, "period", "invalid.required", "is required");
            bad = true;
        } else {
            try {
                period = YearMonth.parse(periodText);
                if (period.isAfter(thisMonth)) {
                    parsed.error(line, "period", "numbering.utilisation.futurePeriod", "is after this month");
                    bad = true;
                    period = null;
                }
            } catch (DateTimeParseException e) {
                parsed.error(line, "period", "numbering.utilisation.badPeriod", "not a month like 2026-11");
                bad = true;
            }
        }
        Long inUse = count(record, index, "in_use", line, parsed);
        Long assigned = count(record, index, "assigned", line, parsed);
        bad |= inUse == null || assigned == null;
        AllocationView block = null;
        if (prefix != null && period != null && !bad) {
            LocalDate first = period.atDay(1);
            LocalDate last = period.atEndOfMonth();
            block = blocks.getOrDefault(prefix, List.of()).stream()
                    .filter(a -> !a.allocatedOn().isAfter(last)
                            && (a.withdrawnOn() == null || a.withdrawnOn().isAfter(first)))
                    .findFirst()
                    .orElse(null);
            if (block == null) {
                parsed.error(
                        line,
                        "prefix",
                        "numbering.utilisation.notHeld",
                        "you held no block " + prefix + " in " + period,
                        prefix,
                        period.toString());
                bad = true;
            }
        }
        if (block != null) {
            long capacity = block.kind().capacity(block.prefix());
            if (inUse > assigned) {
                parsed.error(line, "in_use", "numbering.utilisation.moreThanAssigned", "more in use than assigned");
                bad = true;
            }
            if (assigned > capacity) {
                parsed.error(
                        line,
                        "assigned",
                        "numbering.utilisation.overCapacity",
                        "more than the block's " + capacity + " numbers",
                        capacity);
                bad = true;
            }
        }
        if (bad) {
            return null;
        }
        return new Row(block.id(), period, inUse, assigned);
    }

    private static Long count(CsvRecord record, Map<String, Integer> index, String column, long line, Parsed parsed) {
        String text = strip(field(record, index, column));
        if (text == null) {
            parsed.error(line, column, "invalid.required", "is required");
            return null;
        }
        if (!text.matches("[0-9]{1,15}")) {
            parsed.error(line, column, "numbering.utilisation.badCount", "not a whole number of at most 15 digits");
            return null;
        }
        return Long.parseLong(text);
    }

    private static void readHeader(CsvRecord record, Map<String, Integer> index, Parsed parsed) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            String header = record.getField(i).strip().toLowerCase(Locale.ROOT);
            String column = COLUMNS.entrySet().stream()
                    .filter(e -> e.getValue().contains(header))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (column != null && index.putIfAbsent(column, i) != null) {
                parsed.error(1, column, "numbering.utilisation.repeatedColumn", "column repeated", header);
            }
        }
        for (String column : COLUMNS.keySet()) {
            if (!index.containsKey(column)) {
                parsed.error(1, column, "numbering.utilisation.missingColumn", "missing column " + column, column);
            }
        }
    }

    private static String field(CsvRecord record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.getFieldCount() ? null : record.getField(i);
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("prefix", List.of("prefix", "码号", "号段"));
        columns.put("period", List.of("period", "月份", "统计月份"));
        columns.put("in_use", List.of("in_use", "在用数", "在用号码数"));
        columns.put("assigned", List.of("assigned", "已分配数", "已放号数"));
        return columns;
    }
}

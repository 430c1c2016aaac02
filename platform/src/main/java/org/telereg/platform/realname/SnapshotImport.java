package org.telereg.platform.realname;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.identity.IdKind;
import org.telereg.engine.identity.IdNumbers;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.IdCardNumber;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.PersonNames;
import org.telereg.platform.shared.PhoneNumber;
import org.telereg.platform.shared.UploadedText;

/**
 * Takes an operator's subscriber snapshot (CSV): every line is checked first, every bad line is
 * reported by number, and only a file without a single bad line is written — in one transaction.
 * Document numbers and names are turned into keyed hashes and masked forms while the line is read;
 * the raw values are never written, logged or echoed in an error.
 */
@Service
public class SnapshotImport {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    /** Column → accepted header names (English and the Chinese of operators' BOSS exports). */
    static final Map<String, List<String>> COLUMNS = columns();

    private static final List<String> OPTIONAL_COLUMNS = List.of("sales_outlet");

    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate batch;
    private final PersonHashes hashes;
    private final AuditTrail auditTrail;
    private final Verifications verifications;
    private final RealnameSettings settings;
    private final Clock clock;

    SnapshotImport(
            JdbcClient jdbc,
            NamedParameterJdbcTemplate batch,
            PersonHashes hashes,
            AuditTrail auditTrail,
            Verifications verifications,
            RealnameSettings settings,
            Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.hashes = hashes;
        this.auditTrail = auditTrail;
        this.verifications = verifications;
        this.settings = settings;
        this.clock = clock;
    }

    /** Whether the actor may submit snapshots: an operator's user or token, for its own enterprise. */
    public static boolean canSubmit(Actor actor) {
        return actor.role() == Role.OPERATOR && actor.scope().kind() == DataScope.Kind.ENTERPRISE;
    }

    /**
     * Imports one snapshot for the actor's own enterprise.
     *
     * @param batchId the client's id for this batch: the same id with the same bytes again changes
     *     nothing and answers {@code ALREADY_IMPORTED}; the same id with other bytes is refused
     * @throws AccessDeniedException unless {@link #canSubmit(Actor)}
     */
    @Transactional
    public SnapshotResult importCsv(Actor actor, String batchId, String fileName, byte[] content) {
        if (!canSubmit(actor)) {
            throw new AccessDeniedException("only an operator submits real-name snapshots, for itself");
        }
        String operator = actor.scope().creditCode();
        if (batchId == null || batchId.isBlank() || batchId.strip().length() > 100) {
            return SnapshotResult.fileError(
                    "UTF-8", "realname.import.badBatchId", "batchId must have 1 to 100 characters");
        }
        String batchKey = batchId.strip();
        if (content.length > settings.maxBytes()) {
            return SnapshotResult.fileError(
                    "UTF-8",
                    "realname.import.tooLarge",
                    "the file is larger than " + settings.maxBytes() + " bytes",
                    settings.maxBytes());
        }
        String hash = Hashes.sha256(content);
        Optional<SnapshotResult> previous = previous(operator, batchKey, hash);
        if (previous.isPresent()) {
            return previous.get();
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            return SnapshotResult.fileError("?", e.code(), e.getMessage());
        }
        Parsed parsed = parse(text);
        if (parsed.badLines > 0 || !parsed.errors.isEmpty()) {
            return SnapshotResult.rejected(text.charset(), parsed.lines, parsed.badLines, parsed.errors);
        }
        long batchRef = insertBatch(actor, operator, batchKey, hash, fileName, text.charset(), parsed.lines);
        int updated = write(operator, batchRef, parsed.subscribers);
        int created = parsed.subscribers.size() - updated;
        jdbc.sql("update realname_batch set rows_created = :created, rows_updated = :updated where id = :id")
                .param("created", created)
                .param("updated", updated)
                .param("id", batchRef)
                .update();
        int raised = verifications.raise(
                operator,
                actor.organisationName(),
                parsed.subscribers.stream()
                        .filter(s -> s.status().held())
                        .map(Subscriber::identityKey)
                        .toList());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operator", operator);
        summary.put("batchId", batchKey);
        summary.put("sha256", hash);
        summary.put("rows", parsed.lines);
        summary.put("created", created);
        summary.put("updated", updated);
        summary.put("verificationsRaised", raised);
        auditTrail.record("realname", "SnapshotBatch", operator + "/" + batchKey, "submitted", null, summary);
        return new SnapshotResult(
                SnapshotResult.Status.IMPORTED, text.charset(), parsed.lines, created, updated, 0, List.of(), raised);
    }

    private Optional<SnapshotResult> previous(String operator, String batchKey, String hash) {
        return jdbc.sql("""
                select content_sha256, encoding, rows_read, rows_created, rows_updated from realname_batch
                where operator_credit_code = :operator and batch_id = :batch""")
                .param("operator", operator)
                .param("batch", batchKey)
                .query((rs, n) -> rs.getString(1).equals(hash)
                        ? new SnapshotResult(
                                SnapshotResult.Status.ALREADY_IMPORTED,
                                rs.getString(2),
                                rs.getInt(3),
                                rs.getInt(4),
                                rs.getInt(5),
                                0,
                                List.of(),
                                0)
                        : SnapshotResult.fileError(
                                "UTF-8",
                                "realname.import.batchReused",
                                "batch id " + batchKey + " was already used for a different file",
                                batchKey))
                .optional();
    }

    private long insertBatch(
            Actor actor, String operator, String batchKey, String hash, String fileName, String encoding, int rows) {
        jdbc.sql("""
                insert into realname_batch (operator_credit_code, operator_name, batch_id, content_sha256,
                                            file_name, encoding, rows_read, rows_created, rows_updated,
                                            submitted_by, submitted_at)
                values (:operator, :name, :batch, :hash, :file, :encoding, :rows, 0, 0, :by, :at)""")
                .param("operator", operator)
                .param("name", truncate(actor.organisationName(), 200))
                .param("batch", batchKey)
                .param("hash", hash)
                .param("file", fileName == null ? null : truncate(fileName, 255))
                .param("encoding", encoding)
                .param("rows", rows)
                .param("by", truncate(actor.username(), 100))
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select id from realname_batch where operator_credit_code = :operator and batch_id = :batch")
                .param("operator", operator)
                .param("batch", batchKey)
                .query(Long.class)
                .single();
    }

    /** Replaces the lines of numbers already known and adds the others; returns how many were replaced. */
    private int write(String operator, long batchRef, List<Subscriber> subscribers) {
        var now = clock.instant().atOffset(ZoneOffset.UTC);
        SqlParameterSource[] rows = subscribers.stream()
                .map(s -> new MapSqlParameterSource()
                        .addValue("operator", operator)
                        .addValue("phone", s.phoneNumber())
                        .addValue("province", s.provinceCode())
                        .addValue("type", s.documentType().name())
                        .addValue("identityKey", s.identityKey())
                        .addValue("identityMasked", s.identityMasked())
                        .addValue("nameKey", s.nameKey())
                        .addValue("nameMasked", s.nameMasked())
                        .addValue("activated", s.activatedOn())
                        .addValue("status", s.status().name())
                        .addValue("outlet", s.salesOutlet())
                        .addValue("batch", batchRef)
                        .addValue("at", now))
                .toArray(SqlParameterSource[]::new);
        int[] counts = batch.batchUpdate("""
                update realname_subscriber
                set province_code = :province, document_type = :type, identity_key = :identityKey,
                    identity_masked = :identityMasked, name_key = :nameKey, name_masked = :nameMasked,
                    activated_on = :activated, status = :status, sales_outlet = :outlet, batch_ref = :batch,
                    updated_at = :at
                where operator_credit_code = :operator and phone_number = :phone""", rows);
        List<SqlParameterSource> inserts = new ArrayList<>();
        int updated = 0;
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                inserts.add(rows[i]);
            } else {
                updated++;
            }
        }
        if (!inserts.isEmpty()) {
            batch.batchUpdate("""
                    insert into realname_subscriber (operator_credit_code, phone_number, province_code,
                        document_type, identity_key, identity_masked, name_key, name_masked, activated_on,
                        status, sales_outlet, batch_ref, updated_at)
                    values (:operator, :phone, :province, :type, :identityKey, :identityMasked, :nameKey,
                        :nameMasked, :activated, :status, :outlet, :batch, :at)""", inserts.toArray(SqlParameterSource[]::new));
        }
        return updated;
    }

    /** One checked line: only hashes and masked forms of the person are kept past this point. */
    record Subscriber(
            String phoneNumber,
            String provinceCode,
            DocumentType documentType,
            String identityKey,
            String identityMasked,
            String nameKey,
            String nameMasked,
            LocalDate activatedOn,
            SubscriberStatus status,
            String salesOutlet) {}

    private static final class Parsed {
        final List<Subscriber> subscribers = new ArrayList<>();
        final List<LineError> errors = new ArrayList<>();
        int lines;
        int badLines;
    }

    private Parsed parse(UploadedText text) {
        Parsed parsed = new Parsed();
        Map<String, Integer> index = new HashMap<>();
        int ignored = 0;
        Map<String, Long> firstLineOfNumber = new HashMap<>();
        LocalDate today = LocalDate.now(clock.withZone(CHINA));
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
                    ignored = readHeader(record, index, parsed.errors);
                    if (!parsed.errors.isEmpty()) {
                        return parsed;
                    }
                    continue;
                }
                if (parsed.lines >= settings.maxRows()) {
                    parsed.badLines++;
                    addError(
                            parsed,
                            new LineError(
                                    line,
                                    null,
                                    "realname.import.tooManyRows",
                                    new Object[] {settings.maxRows()},
                                    "more than " + settings.maxRows() + " rows"));
                    break;
                }
                parsed.lines++;
                int expected = index.size() + ignored;
                if (record.getFieldCount() != expected) {
                    parsed.badLines++;
                    addError(
                            parsed,
                            new LineError(
                                    line,
                                    null,
                                    "realname.import.fieldCount",
                                    new Object[] {record.getFieldCount(), expected},
                                    "has " + record.getFieldCount() + " fields, the header has " + expected));
                    continue;
                }
                FieldProblems problems = new FieldProblems();
                Subscriber subscriber = check(record, index, problems, today);
                if (subscriber != null) {
                    Long first = firstLineOfNumber.putIfAbsent(subscriber.phoneNumber(), line);
                    if (first != null) {
                        problems.reject("phone_number", "realname.import.duplicate", "repeats line " + first, first);
                    }
                }
                if (problems.isEmpty()) {
                    parsed.subscribers.add(subscriber);
                } else {
                    parsed.badLines++;
                    for (FieldProblem problem : problems.list()) {
                        addError(
                                parsed,
                                new LineError(
                                        line,
                                        problem.field(),
                                        problem.code(),
                                        problem.arguments(),
                                        problem.defaultMessage()));
                    }
                }
            }
            if (header) {
                parsed.errors.add(new LineError(1, null, "realname.import.noHeader", new Object[0], "no header line"));
            } else if (parsed.lines == 0 && parsed.errors.isEmpty()) {
                parsed.errors.add(new LineError(2, null, "realname.import.noRows", new Object[0], "no data rows"));
            }
        } catch (CsvParseException e) {
            // The parser's message may quote the line, which may hold a document number: name the line only.
            parsed.badLines++;
            addError(
                    parsed,
                    new LineError(lastLine + 1, null, "realname.import.malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return parsed;
    }

    private void addError(Parsed parsed, LineError error) {
        if (parsed.errors.size() < settings.maxErrors()) {
            parsed.errors.add(error);
        }
    }

    private Subscriber check(CsvRecord record, Map<String, Integer> index, FieldProblems problems, LocalDate today) {
        PhoneNumber phone = problems.parse("phone_number", field(record, index, "phone_number"), PhoneNumber::of);
        String typeText = field(record, index, "document_type");
        DocumentType type = null;
        if (typeText == null || typeText.isBlank()) {
            problems.reject("document_type", "invalid.required", "is required");
        } else {
            type = DocumentType.parse(typeText).orElse(null);
            if (type == null) {
                problems.reject("document_type", "realname.import.unknownDocumentType", "is not a known document type");
            }
        }
        Identity identity = type == null ? null : identity(type, field(record, index, "document_number"), problems);
        String name = problems.text("name", field(record, index, "name"), 50);
        LocalDate activated = problems.date("activated_on", field(record, index, "activated_on"), true);
        if (activated != null && activated.isAfter(today)) {
            problems.reject("activated_on", "realname.import.futureActivation", "is after today");
        }
        String statusText = field(record, index, "status");
        SubscriberStatus status = null;
        if (statusText == null || statusText.isBlank()) {
            problems.reject("status", "invalid.required", "is required");
        } else {
            status = SubscriberStatus.parse(statusText).orElse(null);
            if (status == null) {
                problems.reject("status", "realname.import.unknownStatus", "is not a known status");
            }
        }
        String outlet = problems.optionalText("sales_outlet", field(record, index, "sales_outlet"), 200);
        if (phone == null || identity == null || name == null || activated == null || status == null) {
            return null;
        }
        return new Subscriber(
                phone.national(),
                phone.provinceCode(),
                type,
                identity.key(),
                identity.masked(),
                hashes.name(name),
                PersonNames.mask(name),
                activated,
                status,
                outlet);
    }

    /** A document number as it is kept: its keyed hash and its masked form. */
    private record Identity(String key, String masked) {}

    /** The keyed hash and masked form of a document number, or null with the reason recorded. */
    private Identity identity(DocumentType type, String text, FieldProblems problems) {
        if (text == null || text.isBlank()) {
            problems.reject("document_number", "invalid.required", "is required");
            return null;
        }
        String number = text.strip().toUpperCase(Locale.ROOT);
        if (type.expectsIdNumber(number)) {
            IdCardNumber id = problems.parse("document_number", number, IdCardNumber::of);
            if (id == null) {
                return null;
            }
            if (!type.idKinds().contains(id.kind())) {
                problems.reject(
                        "document_number",
                        "realname.import.documentKind",
                        "the number belongs to another kind of document",
                        id.kind().name());
                return null;
            }
            if (id.kind() == IdKind.RESIDENT_15) {
                // The same person under the old and the new number must count as one identity.
                id = IdCardNumber.of(IdNumbers.upgrade15To18(id.value()));
            }
            return new Identity(hashes.identity(id), id.masked());
        }
        if (!type.hasShape(number)) {
            problems.reject(
                    "document_number", "realname.import.badDocumentNumber", "does not have the document's shape");
            return null;
        }
        return new Identity(hashes.identity(type, number), IdNumbers.mask(number));
    }

    /** Reads the header; returns how many columns the import does not know and will ignore. */
    private static int readHeader(CsvRecord record, Map<String, Integer> index, List<LineError> errors) {
        int ignored = 0;
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            String column = COLUMNS.entrySet().stream()
                    .filter(e -> e.getValue().contains(name.toLowerCase(Locale.ROOT)))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                ignored++;
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new LineError(
                        1, column, "realname.import.repeatedColumn", new Object[] {name}, "column repeated: " + name));
            }
        }
        List<String> missing = COLUMNS.keySet().stream()
                .filter(column -> !OPTIONAL_COLUMNS.contains(column))
                .filter(column -> !index.containsKey(column))
                .toList();
        if (!missing.isEmpty()) {
            errors.add(new LineError(
                    1,
                    null,
                    "realname.import.missingColumns",
                    new Object[] {String.join(", ", missing)},
                    "missing columns: " + String.join(", ", missing)));
        }
        return ignored;
    }

    private static String field(CsvRecord record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.getFieldCount() ? null : record.getField(i);
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("phone_number", List.of("phone_number", "号码", "手机号码", "电话号码", "用户号码"));
        columns.put("document_type", List.of("document_type", "证件类型"));
        columns.put("document_number", List.of("document_number", "证件号码"));
        columns.put("name", List.of("name", "姓名", "用户姓名", "机主姓名"));
        columns.put("activated_on", List.of("activated_on", "入网日期", "开户日期", "激活日期"));
        columns.put("status", List.of("status", "状态", "号码状态"));
        columns.put("sales_outlet", List.of("sales_outlet", "营业网点", "销售网点", "受理网点"));
        return Collections.unmodifiableMap(columns);
    }

    private static String truncate(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}

package org.telereg.platform.entity;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.Hashes;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.UploadedText;

/**
 * Imports companies from CSV: all lines are checked first, every bad line is reported by number,
 * and only a file without a single bad line is written — in one transaction. Sending the same
 * batch id or the same content again changes nothing.
 */
@Service
public class CompanyImport {

    /** Column → accepted header names (English and the Chinese of register exports). */
    static final Map<String, List<String>> COLUMNS = columns();

    private final CompanyWriter writer;
    private final Companies companies;
    private final JdbcClient jdbc;
    private final Settings settings;
    private final Clock clock;

    CompanyImport(CompanyWriter writer, Companies companies, JdbcClient jdbc, Settings settings, Clock clock) {
        this.writer = writer;
        this.companies = companies;
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Limits of one import ({@code telereg.entity.import.*}).
     *
     * @param maxBytes the largest file accepted
     * @param maxRows the most data rows in one file
     * @param maxErrors how many line errors a rejection lists before it stops counting
     */
    @ConfigurationProperties("telereg.entity.import")
    record Settings(
            @DefaultValue("10485760") long maxBytes,
            @DefaultValue("100000") int maxRows,
            @DefaultValue("1000") int maxErrors) {}

    /**
     * Imports one file.
     *
     * @param batchId the client's id for this batch; a repeated id with other content is refused
     */
    @Transactional
    public ImportResult importCsv(Actor actor, String batchId, String fileName, byte[] content) {
        if (batchId == null || batchId.isBlank() || batchId.length() > 100) {
            return fileError("UTF-8", "entity.import.badBatchId", "batchId must have 1 to 100 characters");
        }
        if (content.length > settings.maxBytes()) {
            return fileError(
                    "UTF-8",
                    "entity.import.tooLarge",
                    "the file is larger than " + settings.maxBytes() + " bytes",
                    settings.maxBytes());
        }
        String hash = Hashes.sha256(content);
        Optional<String> previous = jdbc.sql(
                        "select content_sha256 from entity_import where batch_id = :batch or content_sha256 = :hash")
                .param("batch", batchId.strip())
                .param("hash", hash)
                .query(String.class)
                .optional();
        if (previous.isPresent()) {
            if (!previous.get().equals(hash)) {
                return fileError(
                        "UTF-8",
                        "entity.import.batchReused",
                        "batch id " + batchId + " was already used for a different file",
                        batchId);
            }
            return new ImportResult(ImportResult.Status.ALREADY_IMPORTED, "UTF-8", 0, 0, 0, List.of(), List.of());
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content);
        } catch (InvalidValueException e) {
            return fileError("?", e.code(), e.getMessage());
        }
        Parsed parsed = parse(actor, text);
        if (!parsed.errors.isEmpty()) {
            return ImportResult.rejected(text.charset(), parsed.data.size(), parsed.errors, parsed.ignoredColumns);
        }
        int created = 0;
        int updated = 0;
        // Group heads first, so that no member is written before the company it points to.
        parsed.data.sort((a, b) -> Boolean.compare(a.groupCreditCode() != null, b.groupCreditCode() != null));
        for (CompanyData data : parsed.data) {
            Optional<Company> existing = companies.findById(data.creditCode().value());
            writer.store(existing, data);
            if (existing.isPresent()) {
                updated++;
            } else {
                created++;
            }
        }
        jdbc.sql("""
                insert into entity_import (batch_id, content_sha256, file_name, encoding, rows_created,
                                           rows_updated, imported_by, imported_at)
                values (:batch, :hash, :file, :encoding, :created, :updated, :by, :at)""")
                .param("batch", batchId.strip())
                .param("hash", hash)
                .param("file", fileName == null ? null : truncate(fileName, 255))
                .param("encoding", text.charset())
                .param("created", created)
                .param("updated", updated)
                .param("by", actor.username())
                .param("at", clock.instant().atOffset(ZoneOffset.UTC))
                .update();
        return new ImportResult(
                ImportResult.Status.IMPORTED,
                text.charset(),
                parsed.data.size(),
                created,
                updated,
                List.of(),
                parsed.ignoredColumns);
    }

    private record Parsed(List<CompanyData> data, List<LineError> errors, List<String> ignoredColumns) {}

    private Parsed parse(Actor actor, UploadedText text) {
        List<CompanyData> data = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        Map<String, Integer> index = new HashMap<>();
        Map<String, Long> firstLineOfCode = new HashMap<>();
        List<Long> dataLines = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text.text())) {
            boolean header = true;
            for (CsvRecord record : reader) {
                if (header) {
                    header = false;
                    readHeader(record, index, ignored, errors);
                    if (!errors.isEmpty()) {
                        return new Parsed(data, errors, ignored);
                    }
                    continue;
                }
                long line = record.getStartingLineNumber();
                if (dataLines.size() >= settings.maxRows()) {
                    errors.add(new LineError(
                            line,
                            null,
                            "entity.import.tooManyRows",
                            new Object[] {settings.maxRows()},
                            "more than " + settings.maxRows() + " rows"));
                    break;
                }
                dataLines.add(line);
                if (record.getFieldCount() != index.size() + ignored.size()) {
                    errors.add(new LineError(
                            line,
                            null,
                            "entity.import.fieldCount",
                            new Object[] {record.getFieldCount(), index.size() + ignored.size()},
                            "has " + record.getFieldCount() + " fields, the header has "
                                    + (index.size() + ignored.size())));
                    continue;
                }
                FieldProblems problems = new FieldProblems();
                CompanyData company = input(record, index).validate(problems);
                if (company != null) {
                    if (!CompanyRegistry.canWrite(actor, company.province().code())) {
                        problems.reject(
                                "province",
                                "entity.import.outOfScope",
                                "you may not register companies of this province",
                                company.province().code());
                    }
                    Long first =
                            firstLineOfCode.putIfAbsent(company.creditCode().value(), line);
                    if (first != null) {
                        problems.reject("creditCode", "entity.import.duplicate", "repeats line " + first, first);
                    }
                }
                if (problems.isEmpty()) {
                    data.add(company);
                }
                for (FieldProblem problem : problems.list()) {
                    if (errors.size() < settings.maxErrors()) {
                        errors.add(new LineError(
                                line,
                                columnOf(problem.field()),
                                problem.code(),
                                problem.arguments(),
                                problem.defaultMessage()));
                    }
                }
            }
            if (header) {
                errors.add(new LineError(1, null, "entity.import.noHeader", new Object[0], "no header line"));
            } else if (dataLines.isEmpty() && errors.isEmpty()) {
                errors.add(new LineError(2, null, "entity.import.noRows", new Object[0], "no data rows"));
            }
        } catch (CsvParseException e) {
            errors.add(new LineError(
                    dataLines.isEmpty() ? 1 : dataLines.get(dataLines.size() - 1) + 1,
                    null,
                    "entity.import.malformed",
                    new Object[] {e.getMessage()},
                    "malformed CSV: " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        checkGroups(data, dataLines, errors);
        return new Parsed(data, errors, ignored);
    }

    private void checkGroups(List<CompanyData> data, List<Long> dataLines, List<LineError> errors) {
        if (!errors.isEmpty()) {
            return;
        }
        List<String> arriving = data.stream().map(c -> c.creditCode().value()).toList();
        for (int i = 0; i < data.size(); i++) {
            FieldProblems problems = new FieldProblems();
            writer.checkGroup(data.get(i), problems, arriving);
            for (FieldProblem problem : problems.list()) {
                errors.add(new LineError(
                        dataLines.get(i),
                        columnOf(problem.field()),
                        problem.code(),
                        problem.arguments(),
                        problem.defaultMessage()));
            }
        }
    }

    private static void readHeader(
            CsvRecord record, Map<String, Integer> index, List<String> ignored, List<LineError> errors) {
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            String column = COLUMNS.entrySet().stream()
                    .filter(e -> e.getValue().contains(name.toLowerCase())
                            || e.getValue().contains(name))
                    .map(Map.Entry::getKey)
                    .findFirst()
                    .orElse(null);
            if (column == null) {
                ignored.add(name);
            } else if (index.putIfAbsent(column, i) != null) {
                errors.add(new LineError(
                        1, column, "entity.import.repeatedColumn", new Object[] {name}, "column repeated: " + name));
            }
        }
        List<String> missing = COLUMNS.keySet().stream()
                .filter(column -> !column.equals("address") && !column.equals("group_credit_code"))
                .filter(column -> !index.containsKey(column))
                .toList();
        if (!missing.isEmpty()) {
            errors.add(new LineError(
                    1,
                    null,
                    "entity.import.missingColumns",
                    new Object[] {String.join(", ", missing)},
                    "missing columns: " + String.join(", ", missing)));
        }
    }

    private static CompanyInput input(CsvRecord record, Map<String, Integer> index) {
        return new CompanyInput(
                field(record, index, "credit_code"),
                field(record, index, "name"),
                field(record, index, "type"),
                field(record, index, "legal_representative"),
                field(record, index, "registered_capital"),
                field(record, index, "province"),
                field(record, index, "address"),
                field(record, index, "group_credit_code"));
    }

    private static String field(CsvRecord record, Map<String, Integer> index, String column) {
        Integer i = index.get(column);
        return i == null || i >= record.getFieldCount() ? null : record.getField(i);
    }

    /** The CSV column of a {@link CompanyInput} field, so errors name what the user sees in the file. */
    private static String columnOf(String field) {
        return switch (field) {
            case "creditCode" -> "credit_code";
            case "legalRepresentative" -> "legal_representative";
            case "registeredCapital" -> "registered_capital";
            case "groupCreditCode" -> "group_credit_code";
            default -> field;
        };
    }

    private static ImportResult fileError(String encoding, String code, String message, Object... arguments) {
        return ImportResult.rejected(encoding, 0, List.of(new LineError(0, null, code, arguments, message)), List.of());
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.put("credit_code", List.of("credit_code", "统一社会信用代码"));
        columns.put("name", List.of("name", "企业名称", "名称"));
        columns.put("type", List.of("type", "企业类型", "类型"));
        columns.put("legal_representative", List.of("legal_representative", "法定代表人"));
        columns.put("registered_capital", List.of("registered_capital", "注册资本", "注册资本（元）", "注册资本(元)"));
        columns.put("province", List.of("province", "省份", "所在省份"));
        columns.put("address", List.of("address", "住所", "地址"));
        columns.put("group_credit_code", List.of("group_credit_code", "所属集团统一社会信用代码", "集团统一社会信用代码"));
        return java.util.Collections.unmodifiableMap(columns);
    }

    private static String truncate(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}

package org.telereg.platform.netsec;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.platform.access.Actor;
import org.telereg.platform.shared.FieldProblem;
import org.telereg.platform.shared.FieldProblems;
import org.telereg.platform.shared.InvalidValueException;
import org.telereg.platform.shared.LineError;
import org.telereg.platform.shared.RejectedInputException;
import org.telereg.platform.shared.UploadedText;

/**
 * An operator registers many units at once from a CSV file (UTF-8 or GBK): a header naming the
 * columns in English or Chinese, in any order, then one unit per line. All or nothing: a refused line
 * (with its line number and column) stores no unit of the file.
 */
@Service
public class UnitImport {

    /** The largest file accepted. */
    static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The most units one file may hold. */
    static final int MAX_ROWS = 2_000;
    /** How many refused lines are reported (the first ones). */
    static final int MAX_ERRORS = 200;

    /** Column → the header names that mean it. */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            "name", List.of("name", "单元名称", "网络单元", "名称"),
            "kind", List.of("kind", "类型", "单元类型"),
            "provinceCode", List.of("province", "provincecode", "范围", "省份"),
            "description", List.of("description", "说明", "单元说明"));

    /** The Chinese names a kind is written with in operators' spreadsheets. */
    private static final Map<String, UnitKind> KIND_NAMES = Map.ofEntries(
            Map.entry("核心网", UnitKind.CORE_NETWORK),
            Map.entry("接入网", UnitKind.ACCESS_NETWORK),
            Map.entry("互联网数据中心", UnitKind.IDC),
            Map.entry("数据中心", UnitKind.IDC),
            Map.entry("云计算平台", UnitKind.CLOUD),
            Map.entry("云平台", UnitKind.CLOUD),
            Map.entry("域名解析系统", UnitKind.DNS),
            Map.entry("业务系统", UnitKind.BUSINESS_SYSTEM),
            Map.entry("支撑系统", UnitKind.SUPPORT_SYSTEM));

    private final ProtectionUnits units;

    UnitImport(ProtectionUnits units) {
        this.units = units;
    }

    /**
     * Reads the file and registers every unit in it as the actor's company's, or none.
     *
     * @throws RejectedInputException naming {@code file} when it is empty, too large or not text
     * @throws AccessDeniedException unless the actor may register units
     */
    @Transactional
    public UnitImportResult importCsv(Actor actor, byte[] content) {
        if (!ProtectionUnits.canRegister(actor)) {
            throw new AccessDeniedException("operators import their own network units");
        }
        if (content != null && content.length > MAX_BYTES) {
            throw RejectedInputException.of(
                    "file", "netsec.unit.import.tooLarge", "the file is too large", MAX_BYTES / 1024 / 1024);
        }
        UploadedText text;
        try {
            text = UploadedText.decode(content == null ? new byte[0] : content);
        } catch (InvalidValueException e) {
            throw new RejectedInputException(
                    List.of(new FieldProblem("file", e.code(), e.arguments(), e.getMessage())));
        }
        String creditCode = actor.scope().creditCode();
        List<ProtectionUnits.ValidUnit> valid = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text.text())) {
            Map<String, Integer> index = null;
            for (CsvRecord record : reader) {
                long line = record.getStartingLineNumber();
                lastLine = line;
                if (index == null) {
                    index = header(record, line, errors);
                    if (!errors.isEmpty()) {
                        break;
                    }
                    continue;
                }
                if (valid.size() + errors.size() >= MAX_ROWS) {
                    errors.add(new LineError(
                            line, null, "netsec.unit.import.tooManyRows", new Object[] {MAX_ROWS}, "too many rows"));
                    break;
                }
                FieldProblems problems = new FieldProblems();
                ProtectionUnits.ValidUnit unit = units.validate(
                        problems,
                        creditCode,
                        new UnitInput(
                                field(record, index, "name"),
                                kind(field(record, index, "kind")),
                                field(record, index, "provinceCode"),
                                field(record, index, "description")));
                if (unit.name() != null) {
                    Long first = seen.putIfAbsent(unit.name(), line);
                    if (first != null) {
                        problems.reject("name", "netsec.unit.import.duplicate", "repeats an earlier line", first);
                    }
                }
                if (problems.isEmpty()) {
                    valid.add(unit);
                }
                for (FieldProblem problem : problems.list()) {
                    errors.add(new LineError(
                            line, problem.field(), problem.code(), problem.arguments(), problem.defaultMessage()));
                }
                if (errors.size() >= MAX_ERRORS) {
                    break;
                }
            }
            if (index == null) {
                errors.add(
                        new LineError(1, null, "netsec.unit.import.noHeader", new Object[0], "the file has no header"));
            } else if (valid.isEmpty() && errors.isEmpty()) {
                errors.add(new LineError(2, null, "netsec.unit.import.noRows", new Object[0], "the file has no units"));
            }
        } catch (CsvParseException e) {
            errors.add(
                    new LineError(lastLine + 1, null, "netsec.unit.import.malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            return new UnitImportResult(0, text.charset(), errors.subList(0, Math.min(errors.size(), MAX_ERRORS)));
        }
        String companyName = units.companyName(actor);
        for (ProtectionUnits.ValidUnit unit : valid) {
            units.insert(actor, creditCode, companyName, unit);
        }
        return new UnitImportResult(valid.size(), text.charset(), List.of());
    }

    private static Map<String, Integer> header(CsvRecord record, long line, List<LineError> errors) {
        Map<String, String> byName = new HashMap<>();
        COLUMNS.forEach((column, names) -> names.forEach(name -> byName.put(normalise(name), column)));
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String column = byName.get(normalise(record.getField(i)));
            if (column != null && index.putIfAbsent(column, i) != null) {
                errors.add(new LineError(
                        line, column, "netsec.unit.import.columnTwice", new Object[] {column}, "column named twice"));
            }
        }
        for (String column : List.of("name", "kind")) {
            if (!index.containsKey(column)) {
                errors.add(new LineError(
                        line, column, "netsec.unit.import.missingColumn", new Object[] {column}, "missing column"));
            }
        }
        return index;
    }

    private static String normalise(String header) {
        return header.strip().replace("_", "").replace(" ", "").toLowerCase(Locale.ROOT);
    }

    private static String field(CsvRecord record, Map<String, Integer> index, String column) {
        Integer at = index.get(column);
        return at == null || at >= record.getFieldCount()
                ? null
                : record.getField(at).strip();
    }

    /** A Chinese kind name as its constant's name; anything else as written, for validation to judge. */
    private static String kind(String text) {
        if (text == null) {
            return null;
        }
        UnitKind kind = KIND_NAMES.get(text.strip());
        return kind == null ? text : kind.name();
    }
}

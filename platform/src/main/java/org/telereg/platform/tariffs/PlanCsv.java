package org.telereg.platform.tariffs;

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
import java.util.Set;
import org.telereg.platform.shared.LineError;

/**
 * Reads a plan file: a header naming the columns (English as in {@link PlanInput}, snake or camel case,
 * or Chinese), then one plan per line. Columns may come in any order; the required ones must be there.
 */
final class PlanCsv {

    /** Most plans one file may hold. */
    static final int MAX_LINES = 5000;

    private static final Map<String, String> COLUMNS = new HashMap<>();
    private static final Set<String> REQUIRED = Set.of("planCode", "name", "kind", "monthlyFee", "validFrom");

    static {
        column("planCode", "plan_code", "code", "套餐编码", "套餐代码", "编码");
        column("name", "plan_name", "套餐名称", "名称");
        column("kind", "type", "套餐类型", "类型");
        column("province", "province_code", "省份", "适用范围", "范围");
        column("monthlyFee", "monthly_fee", "fee", "月费", "月费(元)", "资费");
        column("downlinkMbps", "downlink_mbps", "speed_mbps", "下行速率", "下行速率(mbps)", "带宽", "带宽(mbps)");
        column("dataGb", "data_gb", "国内流量", "国内流量(gb)", "流量", "流量(gb)");
        column("voiceMinutes", "voice_minutes", "语音", "语音(分钟)", "通话分钟");
        column("extras", "附加内容", "融合内容");
        column("contractMonths", "contract_months", "合约期", "合约期(月)");
        column("validFrom", "valid_from", "上线日期", "有效期起");
        column("validTo", "valid_to", "下线日期", "有效期止");
        column("status", "状态");
        column("effectiveFrom", "effective_from", "变更生效日期", "生效日期");
    }

    private static void column(String field, String... names) {
        COLUMNS.put(field.toLowerCase(Locale.ROOT), field);
        for (String name : names) {
            COLUMNS.put(name.toLowerCase(Locale.ROOT), field);
        }
    }

    record Line(long number, PlanInput input) {}

    record Read(List<Line> lines, List<LineError> errors) {}

    private PlanCsv() {}

    static Read read(String text) {
        List<Line> lines = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        Map<String, Long> codes = new HashMap<>();
        Map<String, Integer> positions = null;
        long lastLine = 0;
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(text)) {
            for (CsvRecord record : reader) {
                long number = record.getStartingLineNumber();
                lastLine = number;
                if (positions == null) {
                    positions = header(record, errors);
                    if (positions == null) {
                        return new Read(List.of(), errors);
                    }
                    continue;
                }
                if (lines.size() >= MAX_LINES) {
                    errors.add(new LineError(
                            number, null, "tariffs.upload.tooManyLines", new Object[] {MAX_LINES}, "too many lines"));
                    break;
                }
                if (record.getFieldCount() != positions.size()) {
                    errors.add(new LineError(
                            number,
                            null,
                            "tariffs.upload.fieldCount",
                            new Object[] {record.getFieldCount(), positions.size()},
                            "has " + record.getFieldCount() + " fields, not " + positions.size()));
                    continue;
                }
                Map<String, String> cells = new LinkedHashMap<>();
                positions.forEach((field, index) -> cells.put(field, record.getField(index)));
                PlanInput input = new PlanInput(
                        cells.get("planCode"),
                        cells.get("name"),
                        cells.get("kind"),
                        cells.get("province"),
                        cells.get("monthlyFee"),
                        cells.get("downlinkMbps"),
                        cells.get("dataGb"),
                        cells.get("voiceMinutes"),
                        cells.get("extras"),
                        cells.get("contractMonths"),
                        cells.get("validFrom"),
                        cells.get("validTo"),
                        cells.get("status"),
                        cells.get("effectiveFrom"));
                String code = input.planCode() == null ? "" : input.planCode().strip();
                if (!code.isEmpty()) {
                    Long first = codes.putIfAbsent(code, number);
                    if (first != null) {
                        errors.add(new LineError(
                                number,
                                "planCode",
                                "tariffs.upload.duplicate",
                                new Object[] {code, first},
                                "repeats line " + first));
                        continue;
                    }
                }
                lines.add(new Line(number, input));
            }
            if (positions == null) {
                errors.add(new LineError(1, null, "tariffs.upload.header", new Object[0], "no header"));
            } else if (lines.isEmpty() && errors.isEmpty()) {
                errors.add(new LineError(2, null, "tariffs.upload.noRows", new Object[0], "no plan lines"));
            }
        } catch (CsvParseException e) {
            errors.add(new LineError(lastLine + 1, null, "tariffs.upload.malformed", new Object[0], "malformed CSV"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Read(lines, errors);
    }

    /** The position of each field in the header line, or null (with the reason in {@code errors}). */
    private static Map<String, Integer> header(CsvRecord record, List<LineError> errors) {
        Map<String, Integer> positions = new LinkedHashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
            String name = record.getField(i).strip();
            String field = COLUMNS.get(name.toLowerCase(Locale.ROOT));
            if (field == null) {
                String shown = name.length() > 40 ? name.substring(0, 40) + "…" : name;
                errors.add(new LineError(
                        record.getStartingLineNumber(),
                        null,
                        "tariffs.upload.unknownColumn",
                        new Object[] {shown},
                        "unknown column " + shown));
            } else if (positions.putIfAbsent(field, i) != null) {
                errors.add(new LineError(
                        record.getStartingLineNumber(),
                        field,
                        "tariffs.upload.repeatedColumn",
                        new Object[] {name},
                        "column repeated"));
            }
        }
        for (String required : REQUIRED) {
            if (!positions.containsKey(required)) {
                errors.add(new LineError(
                        record.getStartingLineNumber(),
                        required,
                        "tariffs.upload.missingColumn",
                        new Object[] {required},
                        "missing column " + required));
            }
        }
        return errors.isEmpty() ? positions : null;
    }
}

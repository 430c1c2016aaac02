package org.telereg.platform.industry;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The files an operator downloads to fill a report offline: one row per entered metric with its
 * code, the value saved so far (blank when none), and its name and unit to read by, in the columns
 * an upload reads back ({@code metric_code,value} and two informative ones it ignores).
 */
final class ReportTemplateFiles {

    private ReportTemplateFiles() {}

    static List<String> header(Locale locale) {
        return english(locale) ? List.of("metric_code", "value", "name", "unit") : List.of("指标代码", "数值", "名称", "单位");
    }

    static byte[] xlsx(ReportTemplate template, List<Metric> metrics, Map<String, BigDecimal> values, Locale locale) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(template.code());
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row header = sheet.createRow(0);
            List<String> titles = header(locale);
            for (int c = 0; c < titles.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(titles.get(c));
                cell.setCellStyle(bold);
            }
            int r = 1;
            for (Metric metric : metrics) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(metric.code());
                BigDecimal value = values.get(metric.code());
                if (value != null) {
                    row.createCell(1).setCellValue(value.doubleValue());
                }
                row.createCell(2).setCellValue(metric.name(locale));
                row.createCell(3).setCellValue(metric.unit(locale));
            }
            sheet.setColumnWidth(0, 26 * 256);
            sheet.setColumnWidth(1, 16 * 256);
            sheet.setColumnWidth(2, 40 * 256);
            sheet.setColumnWidth(3, 14 * 256);
            sheet.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** UTF-8 with a byte-order mark, so that Excel opens the Chinese names correctly. */
    static byte[] csv(List<Metric> metrics, Map<String, BigDecimal> values, Locale locale) {
        StringWriter text = new StringWriter();
        text.write('\uFEFF');
        try (CsvWriter csv = CsvWriter.builder().build(text)) {
            csv.writeRecord(header(locale));
            for (Metric metric : metrics) {
                BigDecimal value = values.get(metric.code());
                csv.writeRecord(
                        metric.code(),
                        value == null ? "" : value.toPlainString(),
                        metric.name(locale),
                        metric.unit(locale));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static boolean english(Locale locale) {
        return locale != null && locale.getLanguage().equals("en");
    }
}

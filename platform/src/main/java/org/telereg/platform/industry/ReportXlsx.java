package org.telereg.platform.industry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellValue;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.telereg.platform.shared.LineError;

/**
 * Reads the first sheet of a report workbook (.xlsx) into the rows {@link ReportRows} checks, the
 * same two columns as the CSV file with the header on row 1. Numbers and text are read as typed,
 * formulas are evaluated (one that cannot be is refused with its cell), dates and error cells are
 * refused. A workbook is only opened once it has shown it is small: at most {@link
 * #MAX_UNPACKED_BYTES} unpacked and {@link #MAX_ROWS} rows, so a zip bomb or a sheet of a million
 * rows costs nothing; an old .xls, an encrypted workbook and a file that is not a workbook at all
 * (a CSV renamed .xlsx) are refused with a message that says what to do.
 */
final class ReportXlsx {

    /** The largest a workbook may unpack to; a filled template is a few dozen KB. */
    static final long MAX_UNPACKED_BYTES = 8L * 1024 * 1024;
    /** The most parts a workbook may have. */
    static final int MAX_ENTRIES = 200;
    /** The most rows the first sheet may have. */
    static final int MAX_ROWS = 1000;

    /** The rows read and the sheet they came from; or the file's own problem (one error, row 0). */
    record Read(String sheet, ReportRows.Read rows) {}

    private static final byte[] ZIP = {0x50, 0x4B, 0x03, 0x04};
    private static final byte[] OLE2 = {
        (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1
    };

    private ReportXlsx() {}

    /** Starts like a zip archive, as every .xlsx does. */
    static boolean isZip(byte[] content) {
        return startsWith(content, ZIP);
    }

    /** Starts like an OLE2 compound file: an old .xls, or an encrypted (password-protected) workbook. */
    static boolean isOle2(byte[] content) {
        return startsWith(content, OLE2);
    }

    /** Why an OLE2 file is refused: encrypted workbooks say so, anything else is an old .xls. */
    static LineError refuseOle2(byte[] content) {
        boolean encrypted;
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            encrypted = fs.getRoot().hasEntry("EncryptionInfo");
        } catch (IOException | RuntimeException e) {
            encrypted = false;
        }
        return encrypted
                ? fileError("industry.upload.encrypted", "the workbook is password-protected: remove the password")
                : fileError("industry.upload.xls", "an old .xls workbook: save it as .xlsx (Excel Workbook)");
    }

    static LineError notXlsx() {
        return fileError("industry.upload.notXlsx", "the file is not an .xlsx workbook");
    }

    static Read read(byte[] content, CatalogueVersion catalogue, ReportTemplate template) {
        LineError unsafe = inspect(content);
        if (unsafe != null) {
            return refused(unsafe);
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            if (workbook.getNumberOfSheets() == 0) {
                return refused(fileError("industry.upload.noSheet", "the workbook has no sheet"));
            }
            Sheet sheet = workbook.getSheetAt(0);
            int rowCount = sheet.getLastRowNum() + 1;
            if (rowCount > MAX_ROWS) {
                return new Read(
                        sheet.getSheetName(),
                        new ReportRows.Read(
                                Map.of(),
                                Map.of(),
                                List.of(new LineError(
                                        0,
                                        null,
                                        "industry.upload.tooManyRows",
                                        new Object[] {rowCount, MAX_ROWS},
                                        "the sheet has " + rowCount + " rows, more than " + MAX_ROWS))));
            }
            FormulaEvaluator evaluator = workbook.getCreationHelper().createFormulaEvaluator();
            List<ReportRows.Row> rows = new ArrayList<>();
            for (int r = 0; r < rowCount; r++) {
                ReportRows.Row row = row(sheet.getRow(r), r, evaluator);
                if (row != null) {
                    rows.add(row);
                }
            }
            return new Read(sheet.getSheetName(), ReportRows.read(rows.iterator(), catalogue, template));
        } catch (IOException | RuntimeException e) {
            // POI's own zip-bomb guard, a zip that is no workbook, a Strict OOXML or damaged file.
            String message = String.valueOf(e.getMessage());
            if (message.contains("Zip bomb")) {
                return refused(zipBomb());
            }
            return refused(fileError("industry.upload.unreadableXlsx", "the workbook could not be read"));
        }
    }

    /**
     * Walks the archive before POI opens it: counts its parts and what they unpack to, stopping at
     * the limits rather than unpacking a bomb.
     */
    private static LineError inspect(byte[] content) {
        long unpacked = 0;
        int entries = 0;
        byte[] buffer = new byte[16 * 1024];
        boolean workbook = false;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    return zipBomb();
                }
                if (entry.getName().equals("[Content_Types].xml")) {
                    workbook = true;
                }
                int n;
                while ((n = zip.read(buffer)) > 0) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        return zipBomb();
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return notXlsx();
        }
        return workbook ? null : notXlsx();
    }

    private static ReportRows.Row row(Row row, int index, FormulaEvaluator evaluator) {
        if (row == null) {
            return null;
        }
        List<String> fields = new ArrayList<>();
        LineError problem = null;
        int last = 0;
        for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
            Cell cell = row.getCell(c);
            String text = "";
            boolean filled = false;
            if (cell != null) {
                try {
                    text = text(cell, evaluator);
                    filled = !text.isBlank();
                } catch (CellProblem p) {
                    filled = true;
                    if (problem == null) {
                        problem = p.error;
                    }
                }
            }
            fields.add(text);
            if (filled) {
                last = c + 1;
            }
        }
        List<String> kept = fields.subList(0, last);
        if (kept.isEmpty() && problem == null) {
            return null;
        }
        return new ReportRows.Row(index + 1, List.copyOf(kept), problem);
    }

    private static String text(Cell cell, FormulaEvaluator evaluator) {
        String where = new CellReference(cell).formatAsString(false);
        return switch (cell.getCellType()) {
            case STRING -> cell.getStringCellValue();
            case NUMERIC -> number(cell, cell.getNumericCellValue(), where);
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue()).toUpperCase();
            case ERROR -> throw errorCell(where, cell.getErrorCellValue());
            case FORMULA -> evaluated(cell, evaluator, where);
            default -> "";
        };
    }

    private static String evaluated(Cell cell, FormulaEvaluator evaluator, String where) {
        CellValue value;
        try {
            value = evaluator.evaluate(cell);
        } catch (RuntimeException e) {
            String formula = cell.getCellFormula();
            String shown = formula.length() > 60 ? formula.substring(0, 60) + "…" : formula;
            throw new CellProblem(new LineError(
                    0,
                    null,
                    "industry.upload.formula",
                    new Object[] {where, shown},
                    "the formula in " + where + " cannot be evaluated: type the value"));
        }
        if (value == null) {
            return "";
        }
        return switch (value.getCellType()) {
            case NUMERIC -> number(cell, value.getNumberValue(), where);
            case STRING -> value.getStringValue();
            case BOOLEAN -> String.valueOf(value.getBooleanValue()).toUpperCase();
            case ERROR -> throw errorCell(where, value.getErrorValue());
            default -> "";
        };
    }

    /** A number as Excel shows it: 15 significant digits, so 0.1 + 0.2 reads 0.3. */
    private static String number(Cell cell, double value, String where) {
        if (DateUtil.isCellDateFormatted(cell)) {
            throw new CellProblem(new LineError(
                    0,
                    null,
                    "industry.upload.dateCell",
                    new Object[] {where},
                    "cell " + where + " holds a date, not a number"));
        }
        if (value == 0) {
            return "0";
        }
        return new BigDecimal(value)
                .round(new MathContext(15))
                .stripTrailingZeros()
                .toPlainString();
    }

    private static CellProblem errorCell(String where, byte code) {
        String error;
        try {
            error = FormulaError.forInt(code).getString();
        } catch (IllegalArgumentException e) {
            error = "#ERROR";
        }
        return new CellProblem(new LineError(
                0,
                null,
                "industry.upload.errorCell",
                new Object[] {where, error},
                "cell " + where + " holds the error " + error));
    }

    private static LineError zipBomb() {
        long megabytes = MAX_UNPACKED_BYTES / 1024 / 1024;
        return new LineError(
                0,
                null,
                "industry.upload.zipBomb",
                new Object[] {megabytes},
                "the workbook unpacks to more than " + megabytes + " MB");
    }

    private static LineError fileError(String code, String message) {
        return new LineError(0, null, code, new Object[0], message);
    }

    private static Read refused(LineError error) {
        return new Read(null, new ReportRows.Read(Map.of(), Map.of(), List.of(error)));
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        if (content.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (content[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }

    /** A cell that cannot be read; carried on its row and reported once the row's metric is known. */
    private static final class CellProblem extends RuntimeException {
        private final transient LineError error;

        CellProblem(LineError error) {
            super(error.defaultMessage(), null, false, false);
            this.error = error;
        }
    }
}

package org.telereg.platform.shared;

/**
 * Cells of CSV downloads that spreadsheets open safely. A cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, a tab or a carriage return would run as a formula in Excel, and many cells are written by whoever
 * runs a site, an App or a company: such a cell gets a leading apostrophe, and Excel shows it as text.
 */
public final class CsvCells {

    private CsvCells() {}

    /** The value with a leading formula character defused; null is empty. For writers that quote by themselves. */
    public static String defused(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /** The value defused, and quoted only when it holds a comma, a quote or a line break. */
    public static String cell(String value) {
        String safe = defused(value);
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return quoted(safe);
        }
        return safe;
    }

    /** The value defused and always quoted. */
    public static String quoted(String value) {
        return "\"" + defused(value).replace("\"", "\"\"") + "\"";
    }
}

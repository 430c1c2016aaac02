package org.telereg.platform.entity.web;

/** Writes one CSV cell safely for spreadsheets. */
final class CsvCells {

    private CsvCells() {}

    /**
     * Quotes when needed and defuses formula injection: a cell starting with = + - @ (or a tab or
     * carriage return) is prefixed with an apostrophe so Excel shows it as text instead of running it.
     */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}

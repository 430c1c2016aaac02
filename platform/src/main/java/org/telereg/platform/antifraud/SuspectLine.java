package org.telereg.platform.antifraud;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * One verdict of the streaming job as its suspects topic carries it: {@code
 * phone_no_m,score,flag,reasons,window,from,to,complete}, the first four fields a {@code telereg fraud-scan}
 * output row (org.telereg.streaming.ScoredWindow writes it).
 *
 * @param window {@code day} (that day alone) or {@code to_date} (the period from its first day to {@code to})
 * @param complete whether the window is over
 */
record SuspectLine(
        String number,
        BigDecimal score,
        boolean flagged,
        String reasons,
        String window,
        LocalDate from,
        LocalDate to,
        boolean complete) {

    static final String DAY = "day";
    static final String TO_DATE = "to_date";
    static final String HEADER = "phone_no_m,score,flag,reasons,window,from,to,complete";

    private static final int FIELDS = 8;
    // The columns of antifraud_case: a longer value would fail the insert on every redelivery.
    private static final int NUMBER_LENGTH = 128;
    private static final int REASONS_LENGTH = 2000;

    /**
     * Reads one line.
     *
     * @throws IllegalArgumentException naming what is wrong with it
     */
    static SuspectLine parse(String line) {
        if (line == null || line.isBlank()) {
            throw new IllegalArgumentException("empty record");
        }
        // Reasons are code=value pairs joined by ';' and never hold a comma, so a plain split is exact.
        String[] fields = line.strip().split(",", -1);
        if (fields.length != FIELDS) {
            throw new IllegalArgumentException(FIELDS + " fields expected (" + HEADER + "), found " + fields.length);
        }
        String number = fields[0].strip();
        if (number.isEmpty() || number.length() > NUMBER_LENGTH) {
            throw new IllegalArgumentException("phone_no_m is empty or longer than " + NUMBER_LENGTH + " characters");
        }
        BigDecimal score;
        try {
            score = new BigDecimal(fields[1].strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("score is not a number: " + fields[1]);
        }
        if (score.signum() < 0 || score.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("score is not between 0 and 1: " + fields[1]);
        }
        if (fields[3].strip().length() > REASONS_LENGTH) {
            throw new IllegalArgumentException("reasons are longer than " + REASONS_LENGTH + " characters");
        }
        String window = fields[4].strip();
        if (!window.equals(DAY) && !window.equals(TO_DATE)) {
            throw new IllegalArgumentException("window is neither day nor to_date: " + fields[4]);
        }
        LocalDate from = date("from", fields[5]);
        LocalDate to = date("to", fields[6]);
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the window ends (" + to + ") before it starts (" + from + ")");
        }
        return new SuspectLine(
                number,
                score.setScale(4, RoundingMode.HALF_UP),
                bit("flag", fields[2]),
                fields[3].strip(),
                window,
                from,
                to,
                bit("complete", fields[7]));
    }

    boolean toDate() {
        return window.equals(TO_DATE);
    }

    private static LocalDate date(String field, String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a date as yyyy-MM-dd: " + text);
        }
    }

    private static boolean bit(String field, String text) {
        return switch (text.strip()) {
            case "1" -> true;
            case "0" -> false;
            default -> throw new IllegalArgumentException(field + " is neither 0 nor 1: " + text);
        };
    }
}

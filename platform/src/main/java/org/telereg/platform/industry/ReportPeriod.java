package org.telereg.platform.industry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * A month or a quarter reported on, written {@code 2026-11} or {@code 2026-Q3}.
 *
 * @param frequency monthly or quarterly
 * @param starts the first day of the period
 */
public record ReportPeriod(Frequency frequency, LocalDate starts) {

    /** The period of this frequency that contains the day. */
    public static ReportPeriod containing(Frequency frequency, LocalDate day) {
        int firstMonth = (day.getMonthValue() - 1) / frequency.months() * frequency.months() + 1;
        return new ReportPeriod(frequency, LocalDate.of(day.getYear(), firstMonth, 1));
    }

    /**
     * Reads {@code 2026-11} (a month) or {@code 2026-Q3} (a quarter).
     *
     * @throws IllegalArgumentException when the text is neither
     */
    public static ReportPeriod parse(String code) {
        String text = code == null ? "" : code.strip();
        try {
            if (text.matches("\\d{4}-Q[1-4]")) {
                int quarter = text.charAt(6) - '0';
                return new ReportPeriod(
                        Frequency.QUARTERLY, LocalDate.of(Integer.parseInt(text.substring(0, 4)), quarter * 3 - 2, 1));
            }
            if (text.matches("\\d{4}-\\d{2}")) {
                return new ReportPeriod(Frequency.MONTHLY, LocalDate.parse(text + "-01"));
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal below
        }
        throw new IllegalArgumentException("not a period like 2026-11 or 2026-Q3: " + text);
    }

    public String code() {
        return frequency == Frequency.MONTHLY
                ? String.format("%d-%02d", starts.getYear(), starts.getMonthValue())
                : starts.getYear() + "-Q" + ((starts.getMonthValue() - 1) / 3 + 1);
    }

    /** The last day of the period. */
    public LocalDate ends() {
        return starts.plusMonths(frequency.months()).minusDays(1);
    }

    public ReportPeriod next() {
        return new ReportPeriod(frequency, starts.plusMonths(frequency.months()));
    }

    public ReportPeriod previous() {
        return new ReportPeriod(frequency, starts.minusMonths(frequency.months()));
    }

    /** The deadline: day {@code deadlineDay} of the month after the period (the month's last day at most). */
    public LocalDate dueOn(int deadlineDay) {
        LocalDate nextMonth = ends().plusDays(1);
        return nextMonth.withDayOfMonth(Math.min(deadlineDay, nextMonth.lengthOfMonth()));
    }

    @Override
    public String toString() {
        return code();
    }
}

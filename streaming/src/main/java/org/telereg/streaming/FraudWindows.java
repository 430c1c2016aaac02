package org.telereg.streaming;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * The calendar of the job: days, and periods of {@code periodDays} days counted from {@code anchor} (a period is
 * what one {@code telereg fraud-scan} of a month's files covers). A day closes — its timer fires, its features are
 * scored and its state goes — once the watermark passes its last millisecond plus the allowed lateness; a period
 * closes with its last day. Times are event times in seconds (or, for timers, milliseconds) of the local clock.
 */
final class FraudWindows implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final long DAY_MILLIS = 86_400_000L;

    private final long anchorDay;
    private final int periodDays;
    private final long latenessMillis;

    FraudWindows(LocalDate anchor, int periodDays, long latenessMillis) {
        if (periodDays < 1) {
            throw new IllegalArgumentException("a period must have at least 1 day: " + periodDays);
        }
        if (latenessMillis < 0) {
            throw new IllegalArgumentException("allowed lateness must not be negative: " + latenessMillis);
        }
        this.anchorDay = anchor.toEpochDay();
        this.periodDays = periodDays;
        this.latenessMillis = latenessMillis;
    }

    /** The calendar day (days since 1970-01-01) of an event time in seconds. */
    static long day(long seconds) {
        return Math.floorDiv(seconds, 86_400L);
    }

    /** First day of the period that holds {@code day}. */
    long periodStart(long day) {
        return anchorDay + Math.floorDiv(day - anchorDay, periodDays) * periodDays;
    }

    /** Last day of the period that starts on {@code periodStart}. */
    long periodEnd(long periodStart) {
        return periodStart + periodDays - 1;
    }

    /** When the day closes: the event time, in milliseconds, of its timer. */
    long dayCloses(long day) {
        return (day + 1) * DAY_MILLIS - 1 + latenessMillis;
    }

    /** The day whose timer fires at {@code timer} (the inverse of {@link #dayCloses}). */
    long dayOfTimer(long timer) {
        return Math.floorDiv(timer - latenessMillis + 1, DAY_MILLIS) - 1;
    }

    static String date(long day) {
        return LocalDate.ofEpochDay(day).toString();
    }
}

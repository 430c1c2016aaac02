package org.telereg.platform.calendar;

import java.time.LocalDate;

/**
 * A day that differs from the Monday-to-Friday week.
 *
 * @param name the holiday, e.g. 春节, or what the make-up day is for, e.g. 春节调休上班
 * @param source the announcement it comes from
 */
public record CalendarDay(LocalDate day, DayKind kind, String name, String source) {}

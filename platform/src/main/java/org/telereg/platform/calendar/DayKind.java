package org.telereg.platform.calendar;

/** How a listed day differs from the ordinary week. */
public enum DayKind {
    /** A public holiday or a day off in lieu (放假): no working day, whatever the weekday. */
    HOLIDAY,
    /** A weekend day worked to make up for a holiday (调休上班): a working day. */
    WORKDAY
}

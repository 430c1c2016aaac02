package org.telereg.platform.netsec;

/** A roster line as the form gives it; {@code organisation} is the unit's organisation code. */
public record NewDutyEntry(String organisation, String dutyDate, String shift, String personName, String personPhone) {}

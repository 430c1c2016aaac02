package org.telereg.platform.netsec;

import java.time.LocalDate;

/** A re-check of a listed App: the version checked and whether it was fixed. */
public record AppNoticeRecheck(LocalDate checkedOn, String version, boolean fixed, String note, String checkedBy) {}

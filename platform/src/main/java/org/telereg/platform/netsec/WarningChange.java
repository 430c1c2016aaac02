package org.telereg.platform.netsec;

import java.time.Instant;

/** An issue, update or lifting of a warning. */
public record WarningChange(String action, WarningColour colour, String note, String actor, Instant at) {}

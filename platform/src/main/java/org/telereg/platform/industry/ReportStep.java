package org.telereg.platform.industry;

import java.time.Instant;

/** One step of a report's timeline: who did what, when, and why (a return's reason). */
public record ReportStep(String action, String actor, Instant at, String note) {}

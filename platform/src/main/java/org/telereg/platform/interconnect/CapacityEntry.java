package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One step of a link's capacity history: the capacity from a day on. */
public record CapacityEntry(
        LocalDate effectiveOn, BigDecimal capacityGbps, String note, String recordedBy, Instant recordedAt) {}

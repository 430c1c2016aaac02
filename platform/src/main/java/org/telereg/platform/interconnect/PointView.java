package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A direct-connection point or exchange centre as lists and the API show it.
 *
 * @param links links at the point the reader may see
 * @param capacityGbps their capacity today, summed
 */
public record PointView(
        long id,
        String code,
        String name,
        PointKind kind,
        String divisionCode,
        String divisionName,
        String provinceCode,
        LocalDate openedOn,
        long links,
        BigDecimal capacityGbps) {}

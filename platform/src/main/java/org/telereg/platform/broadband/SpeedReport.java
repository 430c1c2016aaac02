package org.telereg.platform.broadband;

import java.util.List;

/**
 * The answer to a {@link SpeedQuery}.
 *
 * @param groups the statistics per group, ordered by province, city, operator, technology and period
 * @param withoutDownload measurements that matched but carry no download figure (NDT7 upload tests)
 */
public record SpeedReport(List<SpeedFigures> groups, long withoutDownload) {}

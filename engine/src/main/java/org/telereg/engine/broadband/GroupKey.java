package org.telereg.engine.broadband;

import java.util.Comparator;
import java.util.Objects;

/**
 * The group a measurement falls in; a dimension not grouped by is empty, as is an unknown one (a measurement
 * without a division has an empty province even when grouping by province).
 *
 * @param province two-digit province code
 * @param city four-digit city code
 * @param operator operator name
 * @param technology {@link Technology} name
 * @param period {@code 2024-05-01}, {@code 2024-05}, {@code 2024-Q2} or {@code 2024}
 */
public record GroupKey(String province, String city, String operator, String technology, String period)
        implements Comparable<GroupKey> {

    private static final Comparator<GroupKey> ORDER = Comparator.comparing(GroupKey::province)
            .thenComparing(GroupKey::city)
            .thenComparing(GroupKey::operator)
            .thenComparing(GroupKey::technology)
            .thenComparing(GroupKey::period);

    public GroupKey {
        Objects.requireNonNull(province, "province");
        Objects.requireNonNull(city, "city");
        Objects.requireNonNull(operator, "operator");
        Objects.requireNonNull(technology, "technology");
        Objects.requireNonNull(period, "period");
    }

    @Override
    public int compareTo(GroupKey other) {
        return ORDER.compare(this, other);
    }
}

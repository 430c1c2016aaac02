package org.telereg.platform.shared;

import java.util.List;

/**
 * What a bar or line chart plots: one label per category and one list of values per series, in
 * category order.
 */
public record ChartData(List<String> categories, List<Series> series) {

    public record Series(String name, List<Long> data) {}
}

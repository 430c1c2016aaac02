package org.telereg.platform.netsec;

import java.util.List;

/**
 * A company whose Apps had findings in two or more batches, or in two or more versions of one App,
 * with the evidence.
 *
 * @param batches the names of the batches with findings in its Apps
 * @param versions the App versions with findings, as {@code App名称 版本 (批次)}
 * @param rules the rules its Apps broke
 * @param acrossBatches whether the findings span two or more batches
 * @param acrossVersions whether one of its Apps had findings in two or more versions
 */
public record AppGraphOffender(
        String creditCode,
        String companyName,
        List<String> batches,
        List<String> versions,
        List<AppRule> rules,
        boolean acrossBatches,
        boolean acrossVersions) {

    public AppGraphOffender {
        batches = List.copyOf(batches);
        versions = List.copyOf(versions);
        rules = List.copyOf(rules);
    }
}

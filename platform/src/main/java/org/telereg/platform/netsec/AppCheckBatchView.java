package org.telereg.platform.netsec;

import java.time.LocalDate;

/**
 * A test batch as lists and the API show it.
 *
 * @param source the store or source the Apps were taken from
 * @param apps the Apps (versions) tested
 * @param appsWithFindings how many of them had at least one finding
 * @param findings the findings in all
 */
public record AppCheckBatchView(
        long id,
        String name,
        String lab,
        LocalDate periodFrom,
        LocalDate periodTo,
        String source,
        String createdBy,
        long apps,
        long appsWithFindings,
        long findings) {}

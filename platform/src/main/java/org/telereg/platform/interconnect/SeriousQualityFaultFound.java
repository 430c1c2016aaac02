package org.telereg.platform.interconnect;

import java.time.LocalDate;

/**
 * A link's tests of one month made a serious quality fault and a capacity-expansion task was opened
 * for its two operators; published once per link and month.
 */
public record SeriousQualityFaultFound(
        long taskId,
        long linkId,
        String pointCode,
        String provinceCode,
        String operatorA,
        String operatorB,
        String periodCode,
        int badTests,
        LocalDate dueOn) {}

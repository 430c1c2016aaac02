package org.telereg.platform.interconnect;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A capacity-expansion task (扩容任务) as lists, the detail page and the API show it.
 *
 * @param periodCode the month whose tests made the serious fault, e.g. {@code 2026-10}
 * @param badTests the bad tests of that month when the task opened
 * @param tests all tests of that month when the task opened
 * @param capacityBefore the link's capacity when the task opened
 * @param capacityAfter the capacity the operator recorded, null until then
 */
public record TaskView(
        long id,
        long linkId,
        String pointCode,
        String pointName,
        String provinceCode,
        String operatorA,
        String operatorAName,
        String operatorB,
        String operatorBName,
        String periodCode,
        int badTests,
        int tests,
        TaskStatus status,
        LocalDate openedOn,
        LocalDate dueOn,
        BigDecimal capacityBefore,
        BigDecimal capacityAfter,
        LocalDate expandedOn) {

    /** Days until the due date (negative once past). */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    public String pairLabel() {
        return operatorAName + " ⇄ " + operatorBName;
    }

    public boolean hasParty(String creditCode) {
        return operatorA.equals(creditCode) || operatorB.equals(creditCode);
    }
}

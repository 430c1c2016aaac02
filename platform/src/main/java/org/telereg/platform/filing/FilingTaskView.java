package org.telereg.platform.filing;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A supervision task: one finding to answer by a deadline.
 *
 * @param id the task's id
 * @param kind the finding
 * @param target the domain, IP or service number the finding is about
 * @param assignee who answers: the provider or the reviewing administration
 * @param providerCreditCode the access provider concerned
 * @param providerName its name
 * @param provinceCode the province that supervises the task
 * @param serviceNumber the filing concerned, or null
 * @param detail what the register or the resolver says instead
 * @param status where it stands
 * @param answer the answer given, or null
 * @param answerNote the answer's note
 * @param evidence the answer's evidence (a filing number, a link), or null
 * @param openedOn when the finding was first made
 * @param dueOn the deadline (working days from opening)
 * @param answeredOn when answered
 * @param closedOn when the officer confirmed the answer
 * @param lastSeenOn when a check last made the finding
 * @param resolution how the task was closed, null while it is not
 */
public record FilingTaskView(
        long id,
        HostingFindingKind kind,
        String target,
        HostingFindingKind.Assignee assignee,
        String providerCreditCode,
        String providerName,
        String provinceCode,
        String serviceNumber,
        String detail,
        FilingTaskStatus status,
        FilingTaskAnswer answer,
        String answerNote,
        String evidence,
        LocalDate openedOn,
        LocalDate dueOn,
        LocalDate answeredOn,
        LocalDate closedOn,
        LocalDate lastSeenOn,
        FilingTaskResolution resolution) {

    /** Calendar days until the deadline, negative when past it. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, dueOn);
    }

    /** The supervising province's name, or its code when it is not a province. */
    public String provinceName() {
        try {
            return new org.telereg.platform.shared.ProvinceCode(provinceCode).name();
        } catch (RuntimeException e) {
            return provinceCode;
        }
    }
}

package org.telereg.platform.filing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A provider under supervision, as the officers' overview lists it.
 *
 * @param creditCode the provider's unified social credit code
 * @param name its name
 * @param provinceCode the province that supervises it
 * @param asOf the date of its current hosted list
 * @param domains domain entries of the current list
 * @param ips IP entries of the current list
 * @param accuracy the accuracy of its last check run, null before the first
 * @param openTasks its tasks awaiting an answer (open or overdue)
 * @param overdueTasks its overdue tasks
 * @param listed whether it is on the watch list because of supervision findings
 */
public record HostedProviderView(
        String creditCode,
        String name,
        String provinceCode,
        LocalDate asOf,
        int domains,
        int ips,
        BigDecimal accuracy,
        int openTasks,
        int overdueTasks,
        boolean listed) {

    /** The supervising province's name, or its code when it is not a province. */
    public String provinceName() {
        try {
            return new org.telereg.platform.shared.ProvinceCode(provinceCode).name();
        } catch (RuntimeException e) {
            return provinceCode;
        }
    }
}

package org.telereg.platform.netsec;

import java.time.LocalDate;

/** Where an assurance plan stands on a day, from its dates. */
public enum AssuranceStatus {
    /** 未开始. */
    PLANNED,
    /** 保障中. */
    RUNNING,
    /** 已结束. */
    FINISHED;

    static AssuranceStatus on(LocalDate today, LocalDate startsOn, LocalDate endsOn) {
        if (today.isBefore(startsOn)) {
            return PLANNED;
        }
        return today.isAfter(endsOn) ? FINISHED : RUNNING;
    }
}

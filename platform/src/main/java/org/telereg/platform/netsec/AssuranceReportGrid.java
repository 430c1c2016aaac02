package org.telereg.platform.netsec;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily reports of a plan, unit by day, for the plan page: what is missing stands out.
 *
 * @param days the event's days
 * @param rows one per unit
 * @param missing how many reports are missing (days before today without a report)
 */
public record AssuranceReportGrid(List<LocalDate> days, List<Row> rows, int missing) {

    /** What a cell shows. */
    public enum Cell {
        /** 正常. */
        NORMAL,
        /** 有事件. */
        EVENTS,
        /** 缺报: the day has passed without a report. */
        MISSING,
        /** 今日待报. */
        DUE,
        /** 未到. */
        UPCOMING
    }

    public record Row(AssuranceUnit unit, List<Cell> cells) {

        public long missing() {
            return cells.stream().filter(c -> c == Cell.MISSING).count();
        }
    }

    public AssuranceReportGrid {
        days = List.copyOf(days);
        rows = List.copyOf(rows);
    }
}

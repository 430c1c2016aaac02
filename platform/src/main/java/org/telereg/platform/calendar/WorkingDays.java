package org.telereg.platform.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.telereg.platform.access.Actor;
import org.telereg.platform.access.Role;
import org.telereg.platform.audit.AuditTrail;
import org.telereg.platform.shared.FieldProblems;

/**
 * Working days as the law counts them: Monday to Friday, less public holidays, plus the weekend days
 * made working days. Deadlines "within N working days" of every module are computed here.
 *
 * <p>The listed days are few (about forty a year) and read on every deadline, so they are kept in
 * memory: reloaded after each change here, and every few minutes for changes made by another instance.
 */
@Service
public class WorkingDays {

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private volatile Map<LocalDate, DayKind> listed = Map.of();

    WorkingDays(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Whether people work on this day. */
    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = days().get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /**
     * The day on which {@code count} working days after {@code start} have passed: "within 5 working
     * days of receipt" ends on {@code plus(receipt, 5)}. The start day itself does not count.
     */
    public LocalDate plus(LocalDate start, int count) {
        if (count < 0) {
            throw new IllegalArgumentException("working days must not be negative: " + count);
        }
        LocalDate day = start;
        for (int passed = 0; passed < count; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                passed++;
            }
        }
        return day;
    }

    /**
     * Working days after {@code from} up to and including {@code to}; negative when {@code to} is
     * earlier (the days overdue, counted the same way).
     */
    public int between(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -between(to, from);
        }
        int count = 0;
        for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
            if (isWorkingDay(day)) {
                count++;
            }
        }
        return count;
    }

    /**
     * Whether the year's holiday arrangement is loaded; a deadline that runs into a year without one
     * counts weekends only and should say so.
     */
    public boolean knows(int year) {
        return days().entrySet().stream()
                .anyMatch(e -> e.getKey().getYear() == year && e.getValue() == DayKind.HOLIDAY);
    }

    /** The listed days of a year, in date order. */
    @Transactional(readOnly = true)
    public List<CalendarDay> year(int year) {
        return jdbc.sql(
                        "select * from calendar_day where calendar_date >= :from and calendar_date < :to order by calendar_date")
                .param("from", LocalDate.of(year, 1, 1))
                .param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new CalendarDay(
                        rs.getDate("calendar_date").toLocalDate(),
                        DayKind.valueOf(rs.getString("kind")),
                        rs.getString("name"),
                        rs.getString("source")))
                .list();
    }

    /**
     * Lists a day as a holiday or a make-up working day, replacing what was listed for it; only the
     * ministry's administrators keep the calendar.
     *
     * @throws org.telereg.platform.shared.RejectedInputException naming the refused fields
     */
    @Transactional
    public CalendarDay list(Actor actor, String day, String kind, String name, String source) {
        requireKeeper(actor);
        FieldProblems problems = new FieldProblems();
        LocalDate date = problems.date("day", day, true);
        DayKind dayKind = problems.choice("kind", kind, DayKind.class);
        String dayName = problems.text("name", name, 100);
        String daySource = problems.optionalText("source", source, 300);
        problems.throwIfAny();
        Optional<CalendarDay> before = find(date);
        jdbc.sql("delete from calendar_day where calendar_date = :day")
                .param("day", date)
                .update();
        jdbc.sql("insert into calendar_day (calendar_date, kind, name, source) values (:day, :kind, :name, :source)")
                .param("day", date)
                .param("kind", dayKind.name())
                .param("name", dayName)
                .param("source", daySource)
                .update();
        CalendarDay after = new CalendarDay(date, dayKind, dayName, daySource);
        audit.record("calendar", "CalendarDay", date.toString(), "updated", before.orElse(null), after);
        reloadAfterCommit();
        return after;
    }

    /** Takes a day off the list: it becomes an ordinary weekday or weekend day again. */
    @Transactional
    public void unlist(Actor actor, LocalDate day) {
        requireKeeper(actor);
        Optional<CalendarDay> before = find(day);
        if (before.isEmpty()) {
            return;
        }
        jdbc.sql("delete from calendar_day where calendar_date = :day")
                .param("day", day)
                .update();
        audit.record("calendar", "CalendarDay", day.toString(), "deleted", before.get(), null);
        reloadAfterCommit();
    }

    /** Whether the actor keeps the calendar. */
    public static boolean keeps(Actor actor) {
        return actor.role() == Role.MINISTRY_ADMIN;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void reload() {
        Map<LocalDate, DayKind> loaded = new HashMap<>();
        jdbc.sql("select calendar_date, kind from calendar_day").query(rs -> {
            loaded.put(rs.getDate(1).toLocalDate(), DayKind.valueOf(rs.getString(2)));
        });
        listed = Map.copyOf(loaded);
    }

    private Map<LocalDate, DayKind> days() {
        Map<LocalDate, DayKind> days = listed;
        if (days.isEmpty()) {
            reload();
            days = listed;
        }
        return days;
    }

    private Optional<CalendarDay> find(LocalDate day) {
        return year(day.getYear()).stream().filter(d -> d.day().equals(day)).findFirst();
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reload();
                }
            });
        } else {
            reload();
        }
    }

    private static void requireKeeper(Actor actor) {
        if (!keeps(actor)) {
            throw new AccessDeniedException("role " + actor.role() + " may not change the working-day calendar");
        }
    }
}

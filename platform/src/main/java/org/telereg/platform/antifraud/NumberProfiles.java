package org.telereg.platform.antifraud;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Date;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.telereg.engine.fraud.DayActivity;
import org.telereg.engine.fraud.FeatureSettings;
import org.telereg.engine.fraud.NumberActivity;
import org.telereg.engine.fraud.SharedDevice;
import org.telereg.platform.access.DataScope;
import org.telereg.platform.appeals.AppealDesk;
import org.telereg.platform.spam.ReportDesk;

/**
 * The number pages of suspects: what each flagged number did day by day and which handsets it
 * shared, kept per scanned batch, joined with the reports and appeals other modules hold about it.
 */
@Service
public class NumberProfiles {

    /** Other users kept per shared handset: enough to see a SIM box, not a dump of a popular IMEI. */
    static final int OTHERS_PER_HANDSET = 50;

    private static final int REPORTS_SHOWN = 20;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final ReportDesk reportDesk;
    private final AppealDesk appealDesk;

    NumberProfiles(JdbcClient jdbc, JdbcTemplate batches, ReportDesk reportDesk, AppealDesk appealDesk) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.reportDesk = reportDesk;
        this.appealDesk = appealDesk;
    }

    /** Reads the batch's calls file again for the flagged numbers and keeps their days and shared handsets. */
    @Transactional
    void record(long batchId, Path calls, Collection<String> flagged, FeatureSettings settings) throws IOException {
        NumberActivity activity = NumberActivity.read(calls, flagged, settings);
        List<Object[]> days = new ArrayList<>();
        List<Object[]> devices = new ArrayList<>();
        for (String number : flagged) {
            for (DayActivity d : activity.days(number)) {
                days.add(new Object[] {
                    batchId,
                    number,
                    Date.valueOf(d.day()),
                    d.outgoing(),
                    d.incoming(),
                    d.forwarded(),
                    d.distinctCallees(),
                    d.connected(),
                    d.shortCalls(),
                    d.nightCalls(),
                    d.connectedSeconds()
                });
            }
            for (SharedDevice device : activity.sharedDevices(number)) {
                device.otherSubscribers().stream()
                        .limit(OTHERS_PER_HANDSET)
                        .forEach(other -> devices.add(new Object[] {batchId, number, device.imei(), other}));
            }
        }
        batches.batchUpdate("""
                insert into antifraud_number_day (batch_id, number, call_day, outgoing, incoming, forwarded,
                    distinct_callees, connected, short_calls, night_calls, connected_seconds)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", days);
        batches.batchUpdate(
                "insert into antifraud_shared_device (batch_id, number, imei, other_number) values (?, ?, ?, ?)",
                devices);
    }

    /** The page of a case the caller has already been allowed to read. */
    @Transactional(readOnly = true)
    public NumberProfile of(DataScope scope, FraudCaseView fraudCase) {
        String number = fraudCase.number();
        // A day two batches both covered is shown once, from the later batch.
        List<NumberProfile.Day> days = jdbc.sql("""
                        select d.* from antifraud_number_day d
                        where d.number = :number and d.batch_id = (
                            select max(e.batch_id) from antifraud_number_day e
                            where e.number = d.number and e.call_day = d.call_day)
                        order by d.call_day""")
                .param("number", number)
                .query((rs, n) -> {
                    int outgoing = rs.getInt("outgoing");
                    int connected = rs.getInt("connected");
                    return new NumberProfile.Day(
                            rs.getDate("call_day").toLocalDate(),
                            outgoing,
                            rs.getInt("incoming"),
                            rs.getInt("distinct_callees"),
                            connected,
                            rs.getInt("short_calls"),
                            rs.getInt("night_calls"),
                            outgoing == 0 ? null : (double) connected / outgoing);
                })
                .list();
        List<NumberProfile.RelatedNumber> related = jdbc.sql("""
                        select distinct s.imei, s.other_number, c.id, c.status
                        from antifraud_shared_device s left join antifraud_case c on c.number = s.other_number
                        where s.number = :number
                        order by s.imei, s.other_number""")
                .param("number", number)
                .query((rs, n) -> new NumberProfile.RelatedNumber(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, Long.class),
                        rs.getString(4) == null ? null : CaseStatus.valueOf(rs.getString(4))))
                .list();
        return new NumberProfile(
                days,
                related,
                reportDesk.against(scope, number, REPORTS_SHOWN),
                appealDesk.byComplainant(scope, number, REPORTS_SHOWN));
    }
}

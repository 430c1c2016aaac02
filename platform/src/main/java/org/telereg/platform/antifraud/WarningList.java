package org.telereg.platform.antifraud;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The 12381 early-warning list: when a number is confirmed as fraud, every number it held a
 * connected call with in the operators' uploaded call records is listed as a likely victim.
 */
@Service
public class WarningList {

    private final JdbcClient jdbc;
    private final Clock clock;

    WarningList(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** One likely victim to warn. */
    public record Warning(
            long seq, String number, String fraudNumber, int calls, String lastCall, OffsetDateTime listedAt) {}

    @ApplicationModuleListener
    void on(FraudNumberConfirmed confirmed) {
        listVictims(confirmed.caseId(), confirmed.number());
    }

    /** Reads every scanned batch for connected calls with the fraud number and lists the other party. */
    @Transactional
    public int listVictims(long caseId, String fraudNumber) {
        Map<String, int[]> calls = new TreeMap<>();
        Map<String, String> lastCall = new TreeMap<>();
        for (String path : jdbc.sql("select stored_path from antifraud_batch where status = 'SCANNED' order by id")
                .query(String.class)
                .list()) {
            scan(Path.of(path), fraudNumber, calls, lastCall);
        }
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        int listed = 0;
        for (Map.Entry<String, int[]> victim : calls.entrySet()) {
            listed += jdbc.sql("""
                    insert into antifraud_warning (number, fraud_number, case_id, calls, last_call, listed_at)
                    select :number, :fraud, :case, :calls, :last, :at
                    where not exists (select 1 from antifraud_warning where number = :number and case_id = :case)""")
                    .param("number", victim.getKey())
                    .param("fraud", fraudNumber)
                    .param("case", caseId)
                    .param("calls", victim.getValue()[0])
                    .param("last", lastCall.get(victim.getKey()))
                    .param("at", now)
                    .update();
        }
        return listed;
    }

    /** Warnings after the cursor, oldest first, for the operators' 12381 senders. */
    @Transactional(readOnly = true)
    public List<Warning> after(long cursor, int limit) {
        return jdbc.sql("select * from antifraud_warning where seq > :cursor order by seq limit :limit")
                .param("cursor", cursor)
                .param("limit", Math.min(Math.max(limit, 1), 1000))
                .query((rs, n) -> new Warning(
                        rs.getLong("seq"),
                        rs.getString("number"),
                        rs.getString("fraud_number"),
                        rs.getInt("calls"),
                        rs.getString("last_call"),
                        rs.getObject("listed_at", OffsetDateTime.class)))
                .list();
    }

    /**
     * Collects connected calls (duration above zero) between the fraud number and anyone else. The
     * engine validated these files when they were scanned, so a malformed line here is skipped.
     */
    private static void scan(Path file, String fraudNumber, Map<String, int[]> calls, Map<String, String> lastCall) {
        if (!Files.isReadable(file)) {
            return;
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(file), StandardCharsets.UTF_8))) {
            String header = reader.readLine();
            if (header == null) {
                return;
            }
            List<String> columns = Arrays.asList(header.replace("\uFEFF", "").split(",", -1));
            int phone = columns.indexOf("phone_no_m");
            int opposite = columns.indexOf("opposite_no_m");
            int duration = columns.indexOf("call_dur");
            int start = columns.indexOf("start_datetime");
            if (phone < 0 || opposite < 0 || duration < 0) {
                return;
            }
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.contains(fraudNumber)) {
                    continue;
                }
                String[] fields = line.split(",", -1);
                if (fields.length != columns.size() || !isConnected(fields[duration])) {
                    continue;
                }
                String other = fields[phone].equals(fraudNumber)
                        ? fields[opposite]
                        : fields[opposite].equals(fraudNumber) ? fields[phone] : null;
                if (other != null && !other.isBlank()) {
                    calls.computeIfAbsent(other, k -> new int[1])[0]++;
                    if (start >= 0) {
                        lastCall.merge(other, fields[start], (a, b) -> a.compareTo(b) >= 0 ? a : b);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    private static boolean isConnected(String duration) {
        try {
            return Double.parseDouble(duration.strip()) > 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file));
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b ? new GZIPInputStream(in) : in;
    }
}

package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.telereg.engine.fraud.CdrGenerator;
import org.telereg.engine.fraud.FraudScanCommand;
import org.telereg.engine.fraud.GeneratedCdrs;
import org.telereg.engine.fraud.GeneratorSettings;

/**
 * Generated calls and SMS from 2020-03-01 and what {@code telereg fraud-scan} makes of them: the reference the
 * job's answers are held to. The calls file gets a call in the first and the last second of the days, so that
 * the batch scan's window (first to last record) is the job's calendar period.
 */
record ScannedCdrs(Path calls, Path sms, Map<String, String> suspects, Map<String, String> features) {

    static ScannedCdrs generate(Path dir, long seed, int subscribers, int days) throws IOException {
        GeneratedCdrs cdrs =
                new CdrGenerator(GeneratorSettings.of(seed, subscribers).withDays(days)).writeTo(dir);
        appendCall(cdrs.calls(), "19900000000", "2020-03-01 00:00:00");
        appendCall(cdrs.calls(), "19900000000", "2020-03-%02d 23:59:59".formatted(days));
        Path scanned = dir.resolve("suspects.csv");
        Path features = dir.resolve("features.csv");
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(log, true, StandardCharsets.UTF_8);
        int exit = FraudScanCommand.run(
                List.of(
                        "--calls", cdrs.calls().toString(),
                        "--sms", cdrs.sms().toString(),
                        "--out", scanned.toString(),
                        "--features", features.toString()),
                print,
                print);
        assertThat(exit).as(log.toString(StandardCharsets.UTF_8)).isZero();
        return new ScannedCdrs(cdrs.calls(), cdrs.sms(), rows(scanned), rows(features));
    }

    /** The batch scan's lines of the flagged subscribers, by number. */
    Map<String, String> flagged() {
        Map<String, String> flagged = new TreeMap<>();
        suspects.forEach((number, line) -> {
            if (line.split(",", -1)[2].equals("1")) {
                flagged.put(number, line);
            }
        });
        return flagged;
    }

    String callsHeader() throws IOException {
        return lines(calls).get(0);
    }

    String smsHeader() throws IOException {
        return lines(sms).get(0);
    }

    static List<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8);
    }

    /** The data lines of a file, without its header. */
    static List<String> records(Path file) throws IOException {
        List<String> lines = lines(file);
        return new ArrayList<>(lines.subList(1, lines.size()));
    }

    private static void appendCall(Path calls, String subscriber, String time) throws IOException {
        List<String> values = new ArrayList<>();
        for (String column : lines(calls).get(0).split(",")) {
            values.add(
                    switch (column.strip()) {
                        case "phone_no_m" -> subscriber;
                        case "opposite_no_m" -> "19900000001";
                        case "calltype_id" -> "2";
                        case "start_datetime" -> time;
                        case "call_dur" -> "30";
                        default -> "";
                    });
        }
        Files.writeString(calls, String.join(",", values) + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    /** The data rows of a CSV by their first field. */
    private static Map<String, String> rows(Path csv) throws IOException {
        Map<String, String> rows = new TreeMap<>();
        List<String> lines = lines(csv);
        for (String line : lines.subList(1, lines.size())) {
            rows.put(line.substring(0, line.indexOf(',')), line);
        }
        return rows;
    }
}

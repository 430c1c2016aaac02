package org.telereg.streaming;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.telereg.engine.fraud.CdrRowParser;

/**
 * What the fraud job reads, writes and keeps, from its command line ({@link #parse}).
 *
 * @param bootstrapServers Kafka brokers, {@code host:port[,host:port…]}
 * @param callsTopic topic of call lines (CSV, no header, columns as {@code callsHeader}); null when {@code
 *     callsFiles} replays files instead
 * @param smsTopic topic of SMS lines; null for none
 * @param callsFiles calls files or directories to replay (each file starts with its header); null with a topic
 * @param smsFiles SMS files to replay; null for none
 * @param suspectsTopic topic the verdicts go to ({@link ScoredWindow#toCsv()}, keyed by number)
 * @param rejectedTopic topic bad and late records go to ({@link Rejected#toCsv()})
 * @param callsHeader the order of the calls columns, a calls-file header
 * @param smsHeader the order of the SMS columns
 * @param groupId Kafka consumer group of the sources
 * @param bounded whether the Kafka sources stop at the offsets that are the latest when the job starts (a replay)
 * @param model model file, null for the engine's shipped model
 * @param periodDays days in a period (the window of {@code to_date} verdicts)
 * @param periodAnchor a day on which a period starts
 * @param outOfOrderness how far behind the newest record a record may come without making the watermark wait
 * @param allowedLateness how long a day stays open after the watermark passes its end
 * @param idleness after how long without records a parse task marks its output idle, so that it stops holding
 *     the watermark back
 * @param parallelism default parallelism, 0 for the cluster's
 * @param stateBackend {@code hashmap} (heap) or {@code rocksdb}
 * @param checkpointDir checkpoint storage, e.g. {@code s3://bucket/telereg/checkpoints} or {@code file:///…}; null
 *     for the cluster's
 * @param checkpointInterval time between checkpoints; suspects become visible to {@code read_committed} consumers
 *     at each
 * @param allVerdicts whether to write every verdict, not only flagged ones
 * @param transactionalIdPrefix prefix of the Kafka transactions of the suspects sink; unique per job on a cluster
 */
public record FraudJobSettings(
        String bootstrapServers,
        String callsTopic,
        String smsTopic,
        List<Path> callsFiles,
        List<Path> smsFiles,
        String suspectsTopic,
        String rejectedTopic,
        String callsHeader,
        String smsHeader,
        String groupId,
        boolean bounded,
        Path model,
        int periodDays,
        LocalDate periodAnchor,
        Duration outOfOrderness,
        Duration allowedLateness,
        Duration idleness,
        int parallelism,
        String stateBackend,
        String checkpointDir,
        Duration checkpointInterval,
        boolean allVerdicts,
        String transactionalIdPrefix) {

    static final String USAGE = """
            usage: flink run -c org.telereg.streaming.FraudJob telereg-streaming-job.jar
                     --bootstrap-servers HOST:PORT  (--calls-topic T | --calls-files PATH[,PATH…])
                     [--sms-topic T | --sms-files PATH[,PATH…]] [--suspects-topic T] [--rejected-topic T]
                     [--calls-header COLUMNS] [--sms-header COLUMNS] [--group-id G] [--bounded]
                     [--model FILE] [--period-days N] [--period-anchor yyyy-MM-dd]
                     [--out-of-orderness DURATION] [--allowed-lateness DURATION] [--idleness DURATION]
                     [--parallelism N] [--state-backend hashmap|rocksdb] [--checkpoint-dir URI]
                     [--checkpoint-interval DURATION] [--all-verdicts] [--transactional-id-prefix P]
            durations as ISO-8601 (PT2H) or a number with ms, s, m, h or d (2h)""";

    public FraudJobSettings {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("--bootstrap-servers is required (the suspects go to Kafka)");
        }
        if ((callsTopic == null) == (callsFiles == null)) {
            throw new IllegalArgumentException("give either --calls-topic or --calls-files");
        }
        if (smsTopic != null && smsFiles != null) {
            throw new IllegalArgumentException("give --sms-topic or --sms-files, not both");
        }
        if (!stateBackend.equals("hashmap") && !stateBackend.equals("rocksdb")) {
            throw new IllegalArgumentException("--state-backend must be hashmap or rocksdb: " + stateBackend);
        }
        if (parallelism < 0 || periodDays < 1) {
            throw new IllegalArgumentException("--parallelism must be 0 or more and --period-days 1 or more");
        }
    }

    /** Reads the command line; throws {@link IllegalArgumentException} with the problem for a bad one. */
    public static FraudJobSettings parse(List<String> args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String name = args.get(i);
            if (!name.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument '" + name + "'");
            }
            boolean flag = name.equals("--bounded") || name.equals("--all-verdicts");
            if (!flag && i + 1 >= args.size()) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name.substring(2), flag ? "true" : args.get(++i));
        }
        FraudJobSettings settings = new FraudJobSettings(
                options.remove("bootstrap-servers"),
                options.remove("calls-topic"),
                options.remove("sms-topic"),
                paths(options.remove("calls-files")),
                paths(options.remove("sms-files")),
                options.getOrDefault("suspects-topic", "telereg.fraud.suspects"),
                options.getOrDefault("rejected-topic", "telereg.fraud.rejected"),
                options.getOrDefault("calls-header", CdrRowParser.callsHeader()),
                options.getOrDefault("sms-header", CdrRowParser.smsHeader()),
                options.getOrDefault("group-id", "telereg-fraud"),
                Boolean.parseBoolean(options.getOrDefault("bounded", "false")),
                options.containsKey("model") ? Path.of(options.get("model")) : null,
                Integer.parseInt(options.getOrDefault("period-days", "30")),
                date(options.getOrDefault("period-anchor", "2020-01-01")),
                duration(options.getOrDefault("out-of-orderness", "5m")),
                duration(options.getOrDefault("allowed-lateness", "2h")),
                duration(options.getOrDefault("idleness", "1m")),
                Integer.parseInt(options.getOrDefault("parallelism", "0")),
                options.getOrDefault("state-backend", "rocksdb"),
                options.get("checkpoint-dir"),
                duration(options.getOrDefault("checkpoint-interval", "1m")),
                Boolean.parseBoolean(options.getOrDefault("all-verdicts", "false")),
                options.getOrDefault("transactional-id-prefix", "telereg-fraud"));
        List<String> known = List.of(
                "suspects-topic",
                "rejected-topic",
                "calls-header",
                "sms-header",
                "group-id",
                "bounded",
                "model",
                "period-days",
                "period-anchor",
                "out-of-orderness",
                "allowed-lateness",
                "idleness",
                "parallelism",
                "state-backend",
                "checkpoint-dir",
                "checkpoint-interval",
                "all-verdicts",
                "transactional-id-prefix");
        List<String> unknown = new ArrayList<>(options.keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown option --" + String.join(", --", unknown));
        }
        return settings;
    }

    /** Whether the job reads SMS records (and so the model may use the SMS features). */
    boolean withSms() {
        return smsTopic != null || smsFiles != null;
    }

    FraudWindows windows() {
        return new FraudWindows(periodAnchor, periodDays, allowedLateness.toMillis());
    }

    private static List<Path> paths(String list) {
        if (list == null) {
            return null;
        }
        List<Path> paths = new ArrayList<>();
        for (String path : list.split(",")) {
            paths.add(Path.of(path.strip()));
        }
        return paths;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a date as yyyy-MM-dd: " + text);
        }
    }

    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("p")) {
                return Duration.parse(text.strip());
            }
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
            }
            long amount = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(amount);
                case 'm' -> Duration.ofMinutes(amount);
                case 'h' -> Duration.ofHours(amount);
                case 'd' -> Duration.ofDays(amount);
                default -> throw new IllegalArgumentException();
            };
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a duration (PT2H, 500ms, 90s, 5m, 2h, 1d): " + text);
        }
    }
}

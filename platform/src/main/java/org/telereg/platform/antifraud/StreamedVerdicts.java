package org.telereg.platform.antifraud;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Verdicts of the streaming fraud job (the suspects topic) taken into the suspects list: a flagged {@code
 * to_date} verdict registers its number exactly as a flagged row of a call-record scan does, once per verdict
 * however often the topic delivers it; a line that is not a verdict is kept in a list of rejected lines.
 */
@Service
public class StreamedVerdicts {

    private static final Logger log = LoggerFactory.getLogger(StreamedVerdicts.class);
    // Digit runs as long as a subscriber number, masked in rejected lines as lists mask numbers.
    private static final Pattern NUMBER = Pattern.compile("\\d{7,}");
    private static final int LINE_KEPT = 2000;
    private static final int PROBLEM_KEPT = 500;

    private final JdbcClient jdbc;
    private final FraudDisposal disposal;
    private final SuspectsTopicSettings settings;
    private final Clock clock;

    StreamedVerdicts(JdbcClient jdbc, FraudDisposal disposal, SuspectsTopicSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.disposal = disposal;
        this.settings = settings;
        this.clock = clock;
    }

    /** What became of one line of the topic. */
    enum Outcome {
        /** A flagged {@code to_date} verdict seen for the first time: its number is a suspect. */
        IMPORTED,
        /** The same verdict again (a redelivery after a restart): nothing changes. */
        DUPLICATE,
        /** A {@code day} verdict: not a suspect by itself (docs/streaming.md says why). */
        DAY_IGNORED,
        /** A verdict below the model's threshold (the job's {@code --all-verdicts}). */
        NOT_FLAGGED,
        /** Not a verdict: kept in the rejected lines. */
        REJECTED
    }

    /**
     * A line of the topic that is not a verdict.
     *
     * @param partition the topic's partition
     * @param offset its offset there
     * @param problem what is wrong with it
     * @param line the line as received, cut to 2,000 characters
     */
    public record RejectedLine(
            String topic, int partition, long offset, String problem, String line, Instant receivedAt) {

        /** The line with every run of seven or more digits masked, as lists show numbers. */
        public String maskedLine() {
            return line == null
                    ? ""
                    : NUMBER.matcher(line).replaceAll(m -> {
                        String digits = m.group();
                        return digits.substring(0, 3)
                                + "*".repeat(digits.length() - 7)
                                + digits.substring(digits.length() - 4);
                    });
        }
    }

    /**
     * What the platform took from the topic so far.
     *
     * @param consuming whether the platform reads the topic ({@code telereg.antifraud.kafka.enabled})
     * @param topic the topic it reads
     * @param imported the verdicts that registered a suspect
     * @param rejectedLines how many lines were rejected
     * @param latestRejected the latest of them, newest first
     */
    public record TopicStatus(
            boolean consuming, String topic, long imported, long rejectedLines, List<RejectedLine> latestRejected) {}

    /**
     * Takes one line of the topic: registers the suspect of a new flagged {@code to_date} verdict, or keeps the
     * line among the rejected ones. Idempotent: the same verdict or the same rejected record twice changes nothing.
     */
    @Transactional
    Outcome take(String topic, int partition, long offset, String line) {
        SuspectLine verdict;
        try {
            verdict = SuspectLine.parse(line);
        } catch (IllegalArgumentException e) {
            reject(topic, partition, offset, e.getMessage(), line);
            return Outcome.REJECTED;
        }
        if (!verdict.flagged()) {
            return Outcome.NOT_FLAGGED;
        }
        if (!verdict.toDate()) {
            return Outcome.DAY_IGNORED;
        }
        // The job keys verdicts by number, so one number's verdicts are in one partition, read by one consumer:
        // insert-if-absent does not race. Should it, the primary key refuses the second and the poll is re-read.
        int inserted = jdbc.sql("""
                        insert into antifraud_streamed_verdict
                            (number, window_kind, from_day, to_day, score, reasons, complete, source, received_at)
                        select :number, :window, :from, :to, :score, :reasons, :complete, :source, :at
                        where not exists (select 1 from antifraud_streamed_verdict where number = :number
                            and window_kind = :window and from_day = :from and to_day = :to)""")
                .param("number", verdict.number())
                .param("window", verdict.window())
                .param("from", verdict.from())
                .param("to", verdict.to())
                .param("score", verdict.score())
                .param("reasons", verdict.reasons())
                .param("complete", verdict.complete())
                .param("source", cut(topic + "-" + partition + "@" + offset, 300))
                .param("at", now())
                .update();
        if (inserted == 0) {
            return Outcome.DUPLICATE;
        }
        // The stream covers every operator's records, so it names none; an existing case keeps its operator.
        disposal.registerSuspect(new NewSuspect(verdict.number(), null, null, verdict.score(), verdict.reasons()));
        return Outcome.IMPORTED;
    }

    /** The topic's figures and its latest rejected lines, for the ministry's dashboard. */
    @Transactional(readOnly = true)
    public TopicStatus status(int latest) {
        long imported = jdbc.sql("select count(*) from antifraud_streamed_verdict")
                .query(Long.class)
                .single();
        long rejected = jdbc.sql("select count(*) from antifraud_topic_rejected")
                .query(Long.class)
                .single();
        List<RejectedLine> lines = jdbc.sql("select * from antifraud_topic_rejected order by id desc limit :limit")
                .param("limit", latest)
                .query((rs, n) -> new RejectedLine(
                        rs.getString("topic"),
                        rs.getInt("kafka_partition"),
                        rs.getLong("kafka_offset"),
                        rs.getString("problem"),
                        rs.getString("line"),
                        rs.getObject("received_at", OffsetDateTime.class).toInstant()))
                .list();
        return new TopicStatus(settings.enabled(), settings.topic(), imported, rejected, lines);
    }

    private void reject(String topic, int partition, long offset, String problem, String line) {
        log.warn(
                "suspects topic {}, partition {}, offset {}: not a verdict ({}): {}",
                topic,
                partition,
                offset,
                problem,
                cut(line, 200));
        jdbc.sql("""
                        insert into antifraud_topic_rejected
                            (topic, kafka_partition, kafka_offset, problem, line, received_at)
                        select :topic, :partition, :offset, :problem, :line, :at
                        where not exists (select 1 from antifraud_topic_rejected where topic = :topic
                            and kafka_partition = :partition and kafka_offset = :offset)""")
                .param("topic", cut(topic, 255))
                .param("partition", partition)
                .param("offset", offset)
                .param("problem", cut(problem, PROBLEM_KEPT))
                .param("line", cut(line, LINE_KEPT))
                .param("at", now())
                .update();
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static String cut(String text, int length) {
        return text == null ? null : text.substring(0, Math.min(text.length(), length));
    }
}

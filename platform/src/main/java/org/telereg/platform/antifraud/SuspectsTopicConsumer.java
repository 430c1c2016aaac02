package org.telereg.platform.antifraud;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Reads the streaming job's suspects topic on a thread of its own and hands each line to {@link
 * StreamedVerdicts}; exists only with {@code telereg.antifraud.kafka.enabled=true}. Offsets are committed after
 * the lines of a poll are stored, so a restart reads again from the last commit (at least once) and the import's
 * idempotence makes that exactly one registration per verdict. A broker that is down, at start or later, and a
 * database that fails are waited out: the consumer connects again after {@code retry-interval} and reads on
 * from the last committed offset.
 */
@Component
@ConditionalOnProperty(prefix = "telereg.antifraud.kafka", name = "enabled", havingValue = "true")
class SuspectsTopicConsumer implements SmartLifecycle {

    static final String THREAD = "suspects-topic";
    static final String METRIC = "telereg.antifraud.suspects.topic.records";

    private static final Logger log = LoggerFactory.getLogger(SuspectsTopicConsumer.class);
    // Long enough for a broker that just came up to hand out partitions, short enough to tell someone waiting.
    private static final Duration UNASSIGNED_WARNING = Duration.ofSeconds(30);

    private final StreamedVerdicts verdicts;
    private final SuspectsTopicSettings settings;
    private final Map<StreamedVerdicts.Outcome, Counter> counters = new EnumMap<>(StreamedVerdicts.Outcome.class);

    private volatile boolean running;
    private volatile KafkaConsumer<String, String> consumer;
    private volatile CountDownLatch stopped = new CountDownLatch(1);
    private Thread thread;

    SuspectsTopicConsumer(StreamedVerdicts verdicts, SuspectsTopicSettings settings, MeterRegistry meters) {
        this.verdicts = verdicts;
        this.settings = settings;
        for (StreamedVerdicts.Outcome outcome : StreamedVerdicts.Outcome.values()) {
            counters.put(
                    outcome,
                    Counter.builder(METRIC)
                            .description("Lines of the suspects topic, by what became of them")
                            .tag("topic", settings.topic())
                            .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                            .register(meters));
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        stopped = new CountDownLatch(1);
        thread = new Thread(this::run, THREAD);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        stopped.countDown();
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            // The one thread-safe method of a consumer: makes a blocked poll or commit throw WakeupException.
            current.wakeup();
        }
        try {
            thread.join(Duration.ofSeconds(15).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        log.info(
                "Reading fraud suspects from topic {} at {} as group {}",
                settings.topic(),
                settings.bootstrapServers(),
                settings.groupId());
        while (running) {
            try {
                consume();
            } catch (WakeupException e) {
                // stop() woke a poll or commit: the loop ends.
            } catch (RuntimeException e) {
                if (running) {
                    log.warn(
                            "Suspects topic {}: {}; connecting again in {} and reading on from the last committed"
                                    + " offset",
                            settings.topic(),
                            e.toString(),
                            settings.retryInterval());
                }
            }
            pause(settings.retryInterval());
        }
        log.info("Stopped reading fraud suspects from topic {}", settings.topic());
    }

    private void consume() {
        KafkaConsumer<String, String> kafka = new KafkaConsumer<>(properties());
        consumer = kafka;
        try {
            if (!running) {
                return;
            }
            kafka.subscribe(List.of(settings.topic()), new Assignments());
            long waitingSince = System.nanoTime();
            boolean warned = false;
            while (running) {
                ConsumerRecords<String, String> records = kafka.poll(settings.pollInterval());
                if (!warned
                        && kafka.assignment().isEmpty()
                        && System.nanoTime() - waitingSince > UNASSIGNED_WARNING.toNanos()) {
                    warned = true;
                    log.warn(
                            "Suspects topic {}: no partition assigned after {}; is a broker up at {} and the topic"
                                    + " created?",
                            settings.topic(),
                            UNASSIGNED_WARNING,
                            settings.bootstrapServers());
                }
                if (records.isEmpty()) {
                    continue;
                }
                Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
                for (ConsumerRecord<String, String> record : records) {
                    StreamedVerdicts.Outcome outcome =
                            verdicts.take(record.topic(), record.partition(), record.offset(), record.value());
                    counters.get(outcome).increment();
                    next.put(
                            new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                // Only now that every line of the poll is stored: a failure before this reads them again.
                kafka.commitSync(next);
            }
        } finally {
            consumer = null;
            kafka.close(CloseOptions.timeout(Duration.ofSeconds(5)));
        }
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers());
        properties.put(ConsumerConfig.GROUP_ID_CONFIG, settings.groupId());
        properties.put(ConsumerConfig.CLIENT_ID_CONFIG, "telereg-platform-suspects");
        // The job writes in transactions committed with its checkpoints; only committed verdicts count.
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        // A new group takes every verdict still on the topic; the import makes that harmless.
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        properties.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        properties.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        return properties;
    }

    private void pause(Duration duration) {
        try {
            stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private final class Assignments implements ConsumerRebalanceListener {

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            if (!partitions.isEmpty()) {
                log.info("Suspects topic: reading partitions {}", partitions);
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {}
    }
}

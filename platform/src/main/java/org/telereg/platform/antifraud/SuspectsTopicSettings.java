package org.telereg.platform.antifraud;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Reading the streaming job's suspects topic ({@code telereg.antifraud.kafka.*}); docs/streaming.md.
 *
 * @param enabled whether the platform reads the topic at all; off by default, so that the embedded platform
 *     starts no Kafka client
 * @param bootstrapServers the Kafka brokers, {@code host:port} separated by commas
 * @param topic the job's {@code --suspects-topic}
 * @param groupId the consumer group whose committed offsets say how far the platform has read; a new group
 *     starts at the topic's earliest verdict
 * @param pollInterval how long one poll waits for verdicts before it returns empty
 * @param retryInterval how long to wait before connecting again after the broker or the database failed
 */
@ConfigurationProperties("telereg.antifraud.kafka")
record SuspectsTopicSettings(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("localhost:9092") String bootstrapServers,
        @DefaultValue("telereg.fraud.suspects") String topic,
        @DefaultValue("telereg-platform") String groupId,
        @DefaultValue("1s") Duration pollInterval,
        @DefaultValue("10s") Duration retryInterval) {}

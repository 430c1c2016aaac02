package org.telereg.streaming;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.AbstractDeserializationSchema;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.fs.Path;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.telereg.engine.fraud.CdrFormatException;
import org.telereg.engine.fraud.FraudModel;

/**
 * The anti-fraud engine as a Flink job: call (and SMS) lines in, verdicts on subscribers out. The job parses
 * each line with the engine's parser, gathers the records in batches per bucket of subscribers (or of IMEIs, to
 * find handsets shared between subscribers), keeps the engine's feature accumulators per subscriber, day and period
 * in keyed state and scores them with the engine's model when a day closes in event time. docs/streaming.md
 * explains running it.
 *
 * <p>The job takes its sources and sinks in the constructor, so that tests run it against collections and the
 * command line ({@link #main}) against Kafka topics or replayed files.
 */
public final class FraudJob {

    private final Source<byte[], ?, ?> calls;
    private final Source<byte[], ?, ?> sms;
    private final Sink<ScoredWindow> suspects;
    private final Sink<Rejected> rejected;
    private final FraudJobSettings settings;
    private final String modelText;

    /**
     * @param calls lines of calls as UTF-8 bytes (headers of replayed files are skipped)
     * @param sms lines of SMS as UTF-8 bytes, or null to read none
     * @param suspects where verdicts go
     * @param rejected where bad and late records go
     * @param model the model that scores, with the feature settings it was trained with
     */
    public FraudJob(
            Source<byte[], ?, ?> calls,
            Source<byte[], ?, ?> sms,
            Sink<ScoredWindow> suspects,
            Sink<Rejected> rejected,
            FraudJobSettings settings,
            FraudModel model) {
        this.calls = calls;
        this.sms = sms;
        this.suspects = suspects;
        this.rejected = rejected;
        this.settings = settings;
        this.modelText = model.format();
    }

    /** Runs the job described by the command line (see {@link FraudJobSettings#USAGE}). */
    public static void main(String[] args) throws Exception {
        FraudJobSettings settings;
        try {
            settings = FraudJobSettings.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("fraud job: " + e.getMessage());
            System.err.println(FraudJobSettings.USAGE);
            System.exit(2);
            return;
        }
        FraudModel model = settings.model() == null ? FraudModel.standard() : FraudModel.read(settings.model());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration(settings));
        of(settings, model).execute(env);
    }

    /** The job with the sources and sinks its settings name: Kafka topics or replayed files in, Kafka out. */
    public static FraudJob of(FraudJobSettings settings, FraudModel model) {
        Source<byte[], ?, ?> calls = settings.callsTopic() != null
                ? kafkaLines(settings, settings.callsTopic())
                : fileLines(settings.callsFiles());
        Source<byte[], ?, ?> sms = settings.smsTopic() != null
                ? kafkaLines(settings, settings.smsTopic())
                : settings.smsFiles() != null ? fileLines(settings.smsFiles()) : null;
        return new FraudJob(calls, sms, suspectsSink(settings), rejectedSink(settings), settings, model);
    }

    /**
     * The Flink configuration the settings ask for: parallelism, state backend (incremental checkpoints with
     * RocksDB), checkpoint storage, restarts, and no Kryo (every type of the job has a serializer of its own).
     */
    public static Configuration configuration(FraudJobSettings settings) {
        Configuration config = new Configuration();
        config.setString("state.backend.type", settings.stateBackend());
        config.setString("execution.checkpointing.incremental", "true");
        config.setString(
                "execution.checkpointing.interval",
                settings.checkpointInterval().toMillis() + " ms");
        config.setString("execution.checkpointing.mode", "EXACTLY_ONCE");
        if (settings.checkpointDir() != null) {
            config.setString("execution.checkpointing.dir", settings.checkpointDir());
        }
        config.setString("restart-strategy.type", "exponential-delay");
        config.setString("pipeline.generic-types", "false");
        if (settings.parallelism() > 0) {
            config.setString("parallelism.default", Integer.toString(settings.parallelism()));
        }
        return config;
    }

    /** Wires the job into {@code env} and runs it. */
    public JobExecutionResult execute(StreamExecutionEnvironment env) throws Exception {
        build(env);
        return env.execute("telereg fraud");
    }

    /**
     * Subscribers are spread over this many buckets, the keys of the subscriber stage: enough to spread them over
     * any parallelism up to Flink's default maximum (128 key groups, 8 buckets each), few enough that a bucket's batch
     * between two watermarks holds many records.
     */
    static final int BUCKETS = 1024;

    /** Wires the job's named operators into {@code env}. */
    public void build(StreamExecutionEnvironment env) {
        env.enableCheckpointing(settings.checkpointInterval().toMillis());
        // Every function passes on new records and changes none it receives, so chained operators need no copies.
        env.getConfig().enableObjectReuse();
        FraudWindows windows = settings.windows();
        SingleOutputStreamOperator<CdrBatch> callBatches = parsed(env, calls, "calls", settings.callsHeader());
        DataStream<CdrBatch> batches = callBatches;
        DataStream<Rejected> rejects = callBatches.getSideOutput(ParseBlocks.REJECTED);
        if (sms != null) {
            SingleOutputStreamOperator<CdrBatch> smsBatches = parsed(env, sms, "sms", settings.smsHeader());
            batches = batches.union(smsBatches);
            rejects = rejects.union(smsBatches.getSideOutput(ParseBlocks.REJECTED));
        }
        DataStream<CdrBatch> sharedImeis = callBatches
                .getSideOutput(ParseBlocks.IMEI_USES)
                .keyBy(CdrBatch::bucket, Types.INT)
                .process(new ImeiSharing(windows))
                .name("shared-imeis")
                .uid("shared-imeis")
                .map(notice -> CdrBatch.of(notice, BUCKETS))
                .returns(CdrBatchSerializer.TYPE)
                .name("shared-imei-batches")
                .uid("shared-imei-batches");
        SingleOutputStreamOperator<ScoredWindow> scored = batches.union(sharedImeis)
                .keyBy(CdrBatch::bucket, Types.INT)
                .process(new SubscriberWindows(modelText, windows, settings.withSms(), settings.allVerdicts()))
                .name("score-subscribers")
                .uid("score-subscribers");
        scored.sinkTo(suspects).name("suspects").uid("suspects");
        rejects.union(scored.getSideOutput(SubscriberWindows.LATE))
                .sinkTo(rejected)
                .name("rejected")
                .uid("rejected");
    }

    /**
     * One input's blocks of lines read into batches ({@link ParseBlocks}), with the input's own event time: taken
     * before the inputs meet, since a union orders nothing, and a watermark taken after it could run ahead of the
     * slower input and make its records late. Each parallel instance reads its Kafka partitions in order;
     * {@code --out-of-orderness} covers the disorder within them.
     */
    private SingleOutputStreamOperator<CdrBatch> parsed(
            StreamExecutionEnvironment env, Source<byte[], ?, ?> source, String input, String header) {
        ParseBlocks parse;
        try {
            parse = new ParseBlocks(
                    input, header, BUCKETS, settings.windows(), settings.outOfOrderness(), settings.idleness());
        } catch (CdrFormatException e) {
            throw new IllegalArgumentException("--" + input + "-header: " + e.getMessage(), e);
        }
        return env.fromSource(source, WatermarkStrategy.noWatermarks(), input + "-lines")
                .uid(input + "-lines")
                .transform("parse-" + input, CdrBatchSerializer.TYPE, parse)
                .uid("parse-" + input);
    }

    /**
     * Lines of a topic, one or more per record value (separated by {@code \n}), as the value's bytes, from the group's committed offsets (the
     * earliest for a new group).
     */
    static KafkaSource<byte[]> kafkaLines(FraudJobSettings settings, String topic) {
        KafkaSourceBuilder<byte[]> builder = KafkaSource.<byte[]>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(topic)
                .setGroupId(settings.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setValueOnlyDeserializer(new RecordValue())
                // Only committed lines of transactional producers.
                .setProperty("isolation.level", "read_committed");
        if (settings.bounded()) {
            builder.setBounded(OffsetsInitializer.latest());
        }
        return builder.build();
    }

    /** Lines of files or directories in blocks of bytes ({@link ByteBlocks}), each file read from its header on. */
    public static FileSource<byte[]> fileLines(List<java.nio.file.Path> files) {
        Path[] paths =
                files.stream().map(file -> Path.fromLocalFile(file.toFile())).toArray(Path[]::new);
        return FileSource.forRecordStreamFormat(new ByteBlocks(), paths).build();
    }

    /** The suspects topic, written in Kafka transactions committed with each checkpoint. */
    static KafkaSink<ScoredWindow> suspectsSink(FraudJobSettings settings) {
        return KafkaSink.<ScoredWindow>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.<ScoredWindow>builder()
                        .setTopic(settings.suspectsTopic())
                        .setKeySerializationSchema(new SubscriberKey())
                        .setValueSerializationSchema(new ScoredWindowCsv())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(settings.transactionalIdPrefix())
                // Within the broker's transaction.max.timeout.ms (15 minutes by default), and well above the
                // checkpoint interval, so that a transaction outlives a slow checkpoint.
                .setProperty("transaction.timeout.ms", "900000")
                .build();
    }

    /** The rejected topic: at least once, since a report of a bad record twice after a restart harms no one. */
    static KafkaSink<Rejected> rejectedSink(FraudJobSettings settings) {
        return KafkaSink.<Rejected>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(KafkaRecordSerializationSchema.<Rejected>builder()
                        .setTopic(settings.rejectedTopic())
                        .setValueSerializationSchema(new RejectedCsv())
                        .build())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .build();
    }

    // Classes rather than lambdas: the Kafka sink reads their type parameter for its lineage information.

    /** The suspects topic's key: the subscriber's number, so that one subscriber's verdicts share a partition. */
    static final class SubscriberKey implements SerializationSchema<ScoredWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(ScoredWindow verdict) {
            return verdict.subscriber().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The suspects topic's value: {@link ScoredWindow#toCsv()}. */
    static final class ScoredWindowCsv implements SerializationSchema<ScoredWindow> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(ScoredWindow verdict) {
            return verdict.toCsv().getBytes(StandardCharsets.UTF_8);
        }
    }

    /** A Kafka record's value as it is: the UTF-8 bytes of one line or more. */
    static final class RecordValue extends AbstractDeserializationSchema<byte[]> {
        private static final long serialVersionUID = 1L;

        RecordValue() {
            super(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO);
        }

        @Override
        public byte[] deserialize(byte[] message) {
            return message;
        }
    }

    /** The rejected topic's value: {@link Rejected#toCsv()}. */
    static final class RejectedCsv implements SerializationSchema<Rejected> {
        private static final long serialVersionUID = 1L;

        @Override
        public byte[] serialize(Rejected record) {
            return record.toCsv().getBytes(StandardCharsets.UTF_8);
        }
    }
}

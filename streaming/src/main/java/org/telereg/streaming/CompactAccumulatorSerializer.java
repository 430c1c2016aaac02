package org.telereg.streaming;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.telereg.engine.fraud.CompactFeatureAccumulator;

/**
 * Keyed state of {@link CompactFeatureAccumulator}s in the engine's own compact form ({@link CompactFeatureAccumulator#write}),
 * versioned by the engine, so that neither Kryo nor Flink's POJO analysis looks inside it.
 */
public final class CompactAccumulatorSerializer extends TypeSerializerSingleton<CompactFeatureAccumulator> {

    private static final long serialVersionUID = 1L;

    static final CompactAccumulatorSerializer INSTANCE = new CompactAccumulatorSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public CompactFeatureAccumulator createInstance() {
        return new CompactFeatureAccumulator();
    }

    @Override
    public CompactFeatureAccumulator copy(CompactFeatureAccumulator from) {
        return from.copy();
    }

    @Override
    public CompactFeatureAccumulator copy(CompactFeatureAccumulator from, CompactFeatureAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CompactFeatureAccumulator record, DataOutputView target) throws IOException {
        record.write(target);
    }

    @Override
    public CompactFeatureAccumulator deserialize(DataInputView source) throws IOException {
        return CompactFeatureAccumulator.read(source);
    }

    @Override
    public CompactFeatureAccumulator deserialize(CompactFeatureAccumulator reuse, DataInputView source)
            throws IOException {
        return CompactFeatureAccumulator.read(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        CompactFeatureAccumulator.read(source).write(target);
    }

    @Override
    public TypeSerializerSnapshot<CompactFeatureAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CompactFeatureAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

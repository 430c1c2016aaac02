package org.telereg.streaming;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.telereg.engine.fraud.FeatureAccumulator;

/**
 * Keyed state of {@link FeatureAccumulator}s in the engine's own compact form ({@link FeatureAccumulator#write}),
 * versioned by the engine, so that neither Kryo nor Flink's POJO analysis looks inside it.
 */
public final class FeatureAccumulatorSerializer extends TypeSerializerSingleton<FeatureAccumulator> {

    private static final long serialVersionUID = 1L;

    static final FeatureAccumulatorSerializer INSTANCE = new FeatureAccumulatorSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public FeatureAccumulator createInstance() {
        return new FeatureAccumulator();
    }

    @Override
    public FeatureAccumulator copy(FeatureAccumulator from) {
        return from.copy();
    }

    @Override
    public FeatureAccumulator copy(FeatureAccumulator from, FeatureAccumulator reuse) {
        return from.copy();
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(FeatureAccumulator record, DataOutputView target) throws IOException {
        record.write(target);
    }

    @Override
    public FeatureAccumulator deserialize(DataInputView source) throws IOException {
        return FeatureAccumulator.read(source);
    }

    @Override
    public FeatureAccumulator deserialize(FeatureAccumulator reuse, DataInputView source) throws IOException {
        return FeatureAccumulator.read(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        FeatureAccumulator.read(source).write(target);
    }

    @Override
    public TypeSerializerSnapshot<FeatureAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<FeatureAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}

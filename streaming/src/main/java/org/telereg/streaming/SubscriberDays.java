package org.telereg.streaming;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.telereg.engine.fraud.CompactFeatureAccumulator;

/**
 * One subscriber's open periods' engine accumulators, by the period's first day (days since 1970-01-01). A
 * subscriber has one or two open at a time, so they sit in short arrays searched in order, not in a map.
 */
final class SubscriberDays {

    private final Accumulators accumulators = new Accumulators();

    /** The accumulator of {@code day}, or null when the day has none. */
    CompactFeatureAccumulator get(long day) {
        return accumulators.get(day);
    }

    /** A new, empty accumulator for {@code day}. */
    CompactFeatureAccumulator open(long day) {
        return accumulators.put(day, new CompactFeatureAccumulator());
    }

    /** Takes the day's accumulator out, or null. */
    CompactFeatureAccumulator close(long day) {
        return accumulators.remove(day);
    }

    boolean isEmpty() {
        return accumulators.size == 0;
    }

    /** Accumulators by day number, in arrays of the few entries they hold. */
    private static final class Accumulators {
        long[] keys = new long[2];
        CompactFeatureAccumulator[] values = new CompactFeatureAccumulator[2];
        int size;

        CompactFeatureAccumulator get(long key) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    return values[i];
                }
            }
            return null;
        }

        CompactFeatureAccumulator put(long key, CompactFeatureAccumulator value) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size++] = value;
            return value;
        }

        CompactFeatureAccumulator remove(long key) {
            for (int i = 0; i < size; i++) {
                if (keys[i] == key) {
                    CompactFeatureAccumulator value = values[i];
                    size--;
                    keys[i] = keys[size];
                    values[i] = values[size];
                    values[size] = null;
                    return value;
                }
            }
            return null;
        }

        void write(DataOutputView out) throws IOException {
            out.writeInt(size);
            for (int i = 0; i < size; i++) {
                out.writeLong(keys[i]);
                values[i].write(out);
            }
        }

        void read(DataInputView in) throws IOException {
            for (int i = 0, n = in.readInt(); i < n; i++) {
                long key = in.readLong();
                put(key, CompactFeatureAccumulator.read(in));
            }
        }
    }

    /**
     * Keyed state of {@link SubscriberDays} in the engine accumulators' own compact form, so that neither Kryo nor
     * Flink's POJO analysis looks inside it.
     */
    static final class Serializer extends TypeSerializerSingleton<SubscriberDays> {

        private static final long serialVersionUID = 1L;

        static final Serializer INSTANCE = new Serializer();

        @Override
        public boolean isImmutableType() {
            return false;
        }

        @Override
        public SubscriberDays createInstance() {
            return new SubscriberDays();
        }

        @Override
        public SubscriberDays copy(SubscriberDays from) {
            SubscriberDays copy = new SubscriberDays();
            Accumulators accumulators = from.accumulators;
            for (int i = 0; i < accumulators.size; i++) {
                copy.accumulators.put(accumulators.keys[i], accumulators.values[i].copy());
            }
            return copy;
        }

        @Override
        public SubscriberDays copy(SubscriberDays from, SubscriberDays reuse) {
            return copy(from);
        }

        @Override
        public int getLength() {
            return -1;
        }

        @Override
        public void serialize(SubscriberDays record, DataOutputView target) throws IOException {
            record.accumulators.write(target);
        }

        @Override
        public SubscriberDays deserialize(DataInputView source) throws IOException {
            SubscriberDays read = new SubscriberDays();
            read.accumulators.read(source);
            return read;
        }

        @Override
        public SubscriberDays deserialize(SubscriberDays reuse, DataInputView source) throws IOException {
            return deserialize(source);
        }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            serialize(deserialize(source), target);
        }

        @Override
        public TypeSerializerSnapshot<SubscriberDays> snapshotConfiguration() {
            return new Snapshot();
        }
    }

    /** Restores the serializer from a checkpoint or savepoint. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<SubscriberDays> {
        public Snapshot() {
            super(() -> Serializer.INSTANCE);
        }
    }
}

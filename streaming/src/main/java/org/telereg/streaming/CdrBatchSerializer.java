package org.telereg.streaming;

import java.io.IOException;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link CdrBatch}es between tasks: per record a kind byte, the time, and numbers as their 8-byte keys (a token as
 * text after a 0 key); the batch's places once, records by index. A call of 11-digit numbers is about 45 bytes.
 */
final class CdrBatchSerializer extends TypeSerializerSingleton<CdrBatch> {

    private static final long serialVersionUID = 1L;

    static final CdrBatchSerializer INSTANCE = new CdrBatchSerializer();

    /** The stream type that names this serializer, so that Flink neither analyses nor Kryo-serializes a batch. */
    static final TypeInformation<CdrBatch> TYPE = new BatchType();

    @Override
    public boolean isImmutableType() {
        return true; // a batch is not changed once emitted, so chained operators may share it
    }

    @Override
    public CdrBatch createInstance() {
        return new CdrBatch(0, 0);
    }

    @Override
    public CdrBatch copy(CdrBatch from) {
        return from;
    }

    @Override
    public CdrBatch copy(CdrBatch from, CdrBatch reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(CdrBatch batch, DataOutputView out) throws IOException {
        out.writeInt(batch.bucket);
        out.writeInt(batch.size);
        out.writeInt(batch.placeCount);
        for (int i = 0; i < batch.placeCount; i++) {
            out.writeUTF(batch.cities[i]);
            out.writeUTF(batch.counties[i]);
        }
        for (int at = 0; at < batch.size; at++) {
            byte kind = batch.kind(at);
            out.writeByte(kind);
            out.writeLong(batch.time(at));
            writeNumber(out, batch.subscriberKey(at), batch.subscriberToken(at));
            if (kind >= CdrBatch.IMEI_SHARED) {
                writeNumber(out, batch.imei(at), batch.imeiToken(at));
                continue;
            }
            writeNumber(out, batch.counterpart(at), batch.counterpartToken(at));
            if (batch.isCall(at)) {
                out.writeInt(batch.duration(at));
                writeNumber(out, batch.imei(at), batch.imeiToken(at));
                out.writeInt(batch.place(at));
            }
        }
    }

    private static void writeNumber(DataOutputView out, long key, String text) throws IOException {
        out.writeLong(key);
        if (key == 0) {
            out.writeUTF(text);
        }
    }

    @Override
    public CdrBatch deserialize(DataInputView in) throws IOException {
        int bucket = in.readInt();
        int size = in.readInt();
        CdrBatch batch = new CdrBatch(bucket, size);
        int places = in.readInt();
        batch.cities = new String[places];
        batch.counties = new String[places];
        batch.placeCount = places;
        for (int i = 0; i < places; i++) {
            batch.cities[i] = in.readUTF();
            batch.counties[i] = in.readUTF();
        }
        for (int at = 0; at < size; at++) {
            byte kind = in.readByte();
            long time = in.readLong();
            long subscriber = in.readLong();
            String subscriberToken = subscriber == 0 ? in.readUTF() : null;
            if (kind >= CdrBatch.IMEI_SHARED) {
                long imei = in.readLong();
                batch.append(
                        kind, time, subscriber, subscriberToken, 0, null, 0, imei, imei == 0 ? in.readUTF() : null, -1);
                continue;
            }
            long counterpart = in.readLong();
            String counterpartToken = counterpart == 0 ? in.readUTF() : null;
            int duration = 0;
            long imei = CdrBatch.NONE;
            String imeiToken = null;
            int place = -1;
            if (kind <= 3) {
                duration = in.readInt();
                imei = in.readLong();
                imeiToken = imei == 0 ? in.readUTF() : null;
                place = in.readInt();
            }
            batch.append(
                    kind,
                    time,
                    subscriber,
                    subscriberToken,
                    counterpart,
                    counterpartToken,
                    duration,
                    imei,
                    imeiToken,
                    place);
        }
        return batch;
    }

    @Override
    public CdrBatch deserialize(CdrBatch reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<CdrBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer (batches are never in state, but Flink asks every serializer for a snapshot). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CdrBatch> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }

    private static final class BatchType extends TypeInformation<CdrBatch> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean isBasicType() {
            return false;
        }

        @Override
        public boolean isTupleType() {
            return false;
        }

        @Override
        public int getArity() {
            return 1;
        }

        @Override
        public int getTotalFields() {
            return 1;
        }

        @Override
        public Class<CdrBatch> getTypeClass() {
            return CdrBatch.class;
        }

        @Override
        public boolean isKeyType() {
            return false;
        }

        @Override
        public TypeSerializer<CdrBatch> createSerializer(SerializerConfig config) {
            return INSTANCE;
        }

        @Override
        public String toString() {
            return "CdrBatch";
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BatchType;
        }

        @Override
        public int hashCode() {
            return BatchType.class.hashCode();
        }

        @Override
        public boolean canEqual(Object other) {
            return other instanceof BatchType;
        }
    }
}

package org.telereg.streaming;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * {@link CdrBatch}es between tasks: per record a kind byte, the time, and numbers as their 8-byte keys (a token as
 * text after a 0 key); the batch's places once, records by index. A call of 11-digit numbers is about 45 bytes.
 *
 * <p>An instance reads for one task: it keeps the place names it has read ({@link PlaceNames}), so that every batch's
 * places are the same {@code String}s rather than new copies (the subscriber stage compares and hashes them per
 * record, and its accumulators keep them). {@link #duplicate} gives another instance.
 */
final class CdrBatchSerializer extends TypeSerializer<CdrBatch> {

    private static final long serialVersionUID = 1L;

    private transient PlaceNames placeNames;

    /** The stream type that names this serializer, so that Flink neither analyses nor Kryo-serializes a batch. */
    static final TypeInformation<CdrBatch> TYPE = new BatchType();

    @Override
    public TypeSerializer<CdrBatch> duplicate() {
        return new CdrBatchSerializer();
    }

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
        if (places > 0 && placeNames == null) {
            placeNames = new PlaceNames();
        }
        for (int i = 0; i < places; i++) {
            batch.cities[i] = placeNames.read(in);
            batch.counties[i] = placeNames.read(in);
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
    public boolean equals(Object other) {
        return other instanceof CdrBatchSerializer;
    }

    @Override
    public int hashCode() {
        return CdrBatchSerializer.class.hashCode();
    }

    @Override
    public TypeSerializerSnapshot<CdrBatch> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Restores the serializer (batches are never in state, but Flink asks every serializer for a snapshot). */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<CdrBatch> {
        public Snapshot() {
            super(CdrBatchSerializer::new);
        }
    }

    /**
     * Strings written with {@code writeUTF}, read once per distinct content: the same bytes give the same {@code
     * String}. Up to {@link #MAX} of them (a province's places are a few hundred); past that, strings are read anew.
     */
    static final class PlaceNames {
        static final int MAX = 4096;

        private byte[] buffer = new byte[66];
        private byte[][] keys = new byte[256][];
        private String[] names = new String[256];
        private int size;

        String read(DataInputView in) throws IOException {
            int length = in.readUnsignedShort();
            int bytes = 2 + length;
            if (buffer.length < bytes) {
                buffer = new byte[Math.max(bytes, 2 * buffer.length)];
            }
            buffer[0] = (byte) (length >>> 8);
            buffer[1] = (byte) length;
            in.readFully(buffer, 2, length);
            int mask = keys.length - 1;
            int slot = slot(buffer, bytes, mask);
            while (keys[slot] != null) {
                if (Arrays.equals(keys[slot], 0, keys[slot].length, buffer, 0, bytes)) {
                    return names[slot];
                }
                slot = (slot + 1) & mask;
            }
            String name = new DataInputDeserializer(buffer, 0, bytes).readUTF();
            if (size < MAX) {
                keys[slot] = Arrays.copyOf(buffer, bytes);
                names[slot] = name;
                if (++size * 2 > keys.length) {
                    grow();
                }
            }
            return name;
        }

        int size() {
            return size;
        }

        /** The first slot to look at for a string's length and bytes, {@code key[0, bytes)}. */
        private static int slot(byte[] key, int bytes, int mask) {
            int hash = 1;
            for (int i = 2; i < bytes; i++) {
                hash = 31 * hash + key[i];
            }
            return (hash * 0x9E3779B1 >>> 16) & mask;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            String[] oldNames = names;
            keys = new byte[2 * oldKeys.length][];
            names = new String[keys.length];
            int mask = keys.length - 1;
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != null) {
                    int slot = slot(oldKeys[i], oldKeys[i].length, mask);
                    while (keys[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    keys[slot] = oldKeys[i];
                    names[slot] = oldNames[i];
                }
            }
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
            return new CdrBatchSerializer();
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

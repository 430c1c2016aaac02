package org.telereg.streaming;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class CdrBatchSerializerTests {

    @Test
    void aBatchOfNumbersAndTokensReadsBackRecordByRecord() throws IOException {
        CdrBatch batch = new CdrBatch(7, 2);
        Batches.calls(
                batch,
                false,
                "13800000001,13900000002,1,2020-03-01 00:00:00,35,成都,锦江区,860000011112222",
                "a9f3c2,b77e01,2,2020-03-01 00:01:40,0,,,");
        Batches.sms(batch, "13800000001,c0ffee,1,2020-03-01 00:03:20");
        batch.add(new ImeiShared("a9f3c2", 1_583_021_100L, "imei-token"));
        Batches.calls(batch, false, "13800000001,10086,3,2020-03-01 00:06:40,12,成都,锦江区,860000011112222");

        CdrBatch read = roundTrip(batch);

        assertThat(read.bucket()).isEqualTo(7);
        assertThat(read.size).isEqualTo(5);
        assertThat(describe(read)).isEqualTo(describe(batch));
        assertThat(describe(read))
                .isEqualTo("13800000001 1 1583020800 35 13900000002 860000011112222 成都/锦江区\n"
                        + "a9f3c2 2 1583020900 0 b77e01 - -\n"
                        + "13800000001 4 1583021000 0 c0ffee - -\n"
                        + "a9f3c2 6 1583021100 0 - imei-token -\n"
                        + "13800000001 3 1583021200 12 10086 860000011112222 成都/锦江区\n");
    }

    private final CdrBatchSerializer serializer = new CdrBatchSerializer();

    private CdrBatch roundTrip(CdrBatch batch) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(256);
        serializer.serialize(batch, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    @Test
    void readsAPlaceNameOnceAndGivesItsStringToEveryLaterBatch() throws IOException {
        String line = "13800000001,13900000002,1,2020-03-01 00:00:00,35,成都,锦江区,860000011112222";
        CdrBatch first = new CdrBatch(7, 1);
        Batches.calls(first, false, line);
        CdrBatch second = new CdrBatch(7, 1);
        Batches.calls(second, false, line);

        CdrBatch one = roundTrip(first);
        CdrBatch other = roundTrip(second);
        assertThat(other.cities[other.place(0)]).isEqualTo("成都").isSameAs(one.cities[one.place(0)]);
        assertThat(other.counties[other.place(0)]).isEqualTo("锦江区").isSameAs(one.counties[one.place(0)]);
        // Another task's serializer reads its own.
        CdrBatchSerializer another = (CdrBatchSerializer) serializer.duplicate();
        DataOutputSerializer out = new DataOutputSerializer(256);
        another.serialize(second, out);
        CdrBatch elsewhere = another.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(elsewhere.cities[elsewhere.place(0)]).isEqualTo("成都").isNotSameAs(one.cities[one.place(0)]);
    }

    @Test
    void placeNamesReadBackWhateverTheirLengthAndHowManyThereAre() throws IOException {
        CdrBatchSerializer.PlaceNames names = new CdrBatchSerializer.PlaceNames();
        DataOutputSerializer out = new DataOutputSerializer(1 << 16);
        String longName = "县".repeat(300) + "\u0000é";
        int count = CdrBatchSerializer.PlaceNames.MAX + 100;
        for (int i = 0; i < count; i++) {
            out.writeUTF("区" + i);
        }
        out.writeUTF(longName);
        out.writeUTF("");
        out.writeUTF("区7");
        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        String seventh = null;
        for (int i = 0; i < count; i++) {
            String name = names.read(in);
            assertThat(name).isEqualTo("区" + i);
            if (i == 7) {
                seventh = name;
            }
        }
        assertThat(names.size()).isEqualTo(CdrBatchSerializer.PlaceNames.MAX);
        assertThat(names.read(in)).isEqualTo(longName);
        assertThat(names.read(in)).isEmpty();
        assertThat(names.read(in)).isSameAs(seventh);
        assertThat(in.available()).isZero();
    }

    /** Each record as the subscriber stage reads it: subscriber, kind, time, duration, counterpart, IMEI, place. */
    private static String describe(CdrBatch batch) {
        StringBuilder text = new StringBuilder();
        for (int at = 0; at < batch.size; at++) {
            int place = batch.place(at);
            boolean imeiRecord = batch.kind(at) >= CdrBatch.IMEI_SHARED;
            text.append(batch.subscriber(at))
                    .append(' ')
                    .append(batch.kind(at))
                    .append(' ')
                    .append(batch.time(at))
                    .append(' ')
                    .append(batch.duration(at))
                    .append(' ')
                    .append(imeiRecord ? "-" : batch.counterpartText(at))
                    .append(' ')
                    .append(batch.imei(at) == CdrBatch.NONE ? "-" : batch.imeiText(at))
                    .append(' ')
                    .append(place < 0 ? "-" : batch.cities[place] + "/" + batch.counties[place])
                    .append('\n');
        }
        return text.toString();
    }
}

package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PairBucketsTests {

    @ParameterizedTest
    @ValueSource(longs = {0, 50_000, Long.MAX_VALUE})
    void addsUpTheCountsOfEachSubscribersKeysAsAMapWould(long uncompactedBytes) {
        // Hours with outgoing calls: runs of calls added as they end, the same hour again when records come out of
        // order; merged whenever a bucket fills, past 50 KB, or only at the end.
        PairBuckets.Room room = new PairBuckets.Room();
        room.growUncompacted(uncompactedBytes);
        PairBuckets hours = new PairBuckets(room, 23);
        int subscribers = 2_000;
        Random random = new Random(5);
        Map<Integer, TreeMap<Long, Long>> expected = new HashMap<>();
        for (int run = 0; run < 200_000; run++) {
            int sub = random.nextInt(subscribers);
            long hour = 1_000_000 + random.nextInt(sub % 7 == 0 ? 3 : 24 * 30);
            long calls = 1 + random.nextInt(20);
            hours.add(sub, hour, calls);
            expected.computeIfAbsent(sub, s -> new TreeMap<>()).merge(hour, calls, Long::sum);
        }
        hours.finish(subscribers);
        for (int sub = 0; sub < subscribers; sub++) {
            TreeMap<Long, Long> counts = new TreeMap<>();
            long[] entries = hours.entries(sub);
            long previous = -1;
            for (int i = hours.start(sub); i < hours.end(sub); i++) {
                long hour = hours.key(entries[i]);
                assertThat(hour).as("hours of %d in order", sub).isGreaterThan(previous);
                counts.put(hour, hours.value(entries[i]));
                previous = hour;
            }
            assertThat(hours.count(sub)).isEqualTo(counts.size());
            assertThat(counts).as("hours of %d", sub).isEqualTo(expected.getOrDefault(sub, new TreeMap<>()));
        }
    }

    @Test
    void reservesOnlyWhatTheRoomHoldsAndCountsTheSameEitherWay() {
        PairBuckets.Room small = new PairBuckets.Room();
        small.growUncompacted(8 * 1_000);
        PairBuckets.Room large = new PairBuckets.Room();
        large.growUncompacted(8 * 1_000_000);
        PairBuckets unreserved = new PairBuckets(small, 2);
        PairBuckets reserved = new PairBuckets(large, 2);
        unreserved.reserve(100_000);
        reserved.reserve(100_000);
        assertThat(small.footprint()).as("nothing reserved past the room").isLessThan(large.footprint());
        assertThat(large.footprint()).isGreaterThanOrEqualTo(8L * 100_000);
        Random random = new Random(9);
        for (int call = 0; call < 150_000; call++) {
            int sub = random.nextInt(500);
            long key = random.nextInt(300);
            unreserved.add(sub, key, 1);
            reserved.add(sub, key, 1);
        }
        unreserved.finish(500);
        reserved.finish(500);
        for (int sub = 0; sub < 500; sub++) {
            assertThat(reserved.count(sub)).isEqualTo(unreserved.count(sub));
            for (int i = 0; i < reserved.count(sub); i++) {
                assertThat(reserved.entries(sub)[reserved.start(sub) + i])
                        .isEqualTo(unreserved.entries(sub)[unreserved.start(sub) + i]);
            }
        }
    }

    @Test
    void stopsACountAtTheLargestItsBitsHold() {
        PairBuckets contacts = new PairBuckets(new PairBuckets.Room(), 2);
        for (int call = 0; call < 10; call++) {
            contacts.add(300, 42, 1);
        }
        contacts.add(300, 43, 1);
        contacts.add(301, 42, 1);
        contacts.finish(302);

        long[] entries = contacts.entries(300);
        assertThat(contacts.count(300)).isEqualTo(2);
        assertThat(contacts.value(entries[contacts.start(300)])).isEqualTo(3);
        assertThat(contacts.value(entries[contacts.start(300) + 1])).isEqualTo(1);
        assertThat(contacts.count(301)).isEqualTo(1);
        assertThat(contacts.count(299)).isZero();
    }
}

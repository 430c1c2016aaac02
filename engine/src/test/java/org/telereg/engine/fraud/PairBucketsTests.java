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

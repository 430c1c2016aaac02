package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ContactListsTests {

    @ParameterizedTest
    @ValueSource(longs = {0, 100_000, Long.MAX_VALUE})
    void countsContactsOfMassDiallersAsASetWould(long uncompactedBytes) {
        // Compacted whenever a bucket fills, past 100 KB of entries, or only at the end: the same sets either way.
        Random random = new Random(7);
        int subscribers = 6;
        PairBuckets.Room room = new PairBuckets.Room();
        room.growUncompacted(uncompactedBytes);
        ContactLists lists = new ContactLists(room);
        Map<Long, Integer>[] called = newMaps(subscribers);
        Set<Long>[] callers = newSets(subscribers);
        for (int call = 0; call < 60_000; call++) {
            int sub = random.nextInt(subscribers);
            // Subscriber 0 dials few numbers; the others dial from ranges of 100 to 100,000 numbers, 11 digits or
            // tokens.
            int range = sub == 0 ? 3 : (int) Math.pow(10, 1 + sub);
            long number = random.nextInt(4) == 0
                    ? RecordBatch.TOKEN | random.nextInt(range)
                    : ((11L << 57) | (13_800_000_000L + random.nextInt(range)));
            if (random.nextBoolean()) {
                lists.called(sub, number);
                called[sub].merge(number, 1, Integer::sum);
            } else {
                lists.calledBy(sub, number);
                callers[sub].add(number);
            }
        }
        lists.finish(subscribers);
        for (int sub = 0; sub < subscribers; sub++) {
            Map<Long, Integer> out = called[sub];
            assertThat(lists.distinctCallees(sub)).as("callees of %d", sub).isEqualTo(out.size());
            assertThat(lists.distinctCallers(sub)).as("callers of %d", sub).isEqualTo(callers[sub].size());
            assertThat(lists.repeatCallees(sub))
                    .as("repeated callees of %d", sub)
                    .isEqualTo(out.values().stream().filter(n -> n > 1).count());
            Set<Long> both = new HashSet<>(out.keySet());
            both.retainAll(callers[sub]);
            assertThat(lists.callbackCallees(sub)).as("callbacks of %d", sub).isEqualTo(both.size());
            // The numbers among the callees, in value order (all have eleven digits).
            long[] expected = out.keySet().stream()
                    .mapToLong(RecordBatch::number)
                    .filter(value -> value >= 0)
                    .sorted()
                    .toArray();
            assertThat(numericCallees(lists, sub))
                    .as("numbers called by %d", sub)
                    .isEqualTo(expected);
        }
    }

    @Test
    void keepsThousandsOfSubscribersApartInTheirBuckets() {
        // Subscribers of many sizes share each bucket (3,000 over 256), and one of them calls 1.1 million numbers.
        Random random = new Random(11);
        int subscribers = 3_000;
        ContactLists lists = new ContactLists(new PairBuckets.Room());
        Set<Long>[] called = newSets(subscribers);
        Set<Long>[] callers = newSets(subscribers);
        for (int call = 0; call < 400_000; call++) {
            int sub = random.nextInt(subscribers);
            long number = (11L << 57) | (13_800_000_000L + random.nextInt(1 + sub * 10));
            callOrBeCalled(random, lists, sub, number, called, callers);
        }
        for (long n = 0; n < 1_100_000; n++) {
            long number = (11L << 57) | (15_000_000_000L + n);
            lists.called(0, number);
            called[0].add(number);
        }
        lists.finish(subscribers);
        for (int sub = 0; sub < subscribers; sub++) {
            assertThat(lists.distinctCallees(sub)).as("callees of %d", sub).isEqualTo(called[sub].size());
            assertThat(lists.distinctCallers(sub)).as("callers of %d", sub).isEqualTo(callers[sub].size());
            Set<Long> both = new HashSet<>(called[sub]);
            both.retainAll(callers[sub]);
            assertThat(lists.callbackCallees(sub)).as("callbacks of %d", sub).isEqualTo(both.size());
            assertThat(numericCallees(lists, sub))
                    .as("callees of %d", sub)
                    .isEqualTo(called[sub].stream()
                            .mapToLong(RecordBatch::number)
                            .sorted()
                            .toArray());
        }
    }

    @Test
    void tellsApartNumbersOfEveryLengthLeadingZerosTokensAndLongNumbers() {
        // Up to twelve digits a counterpart is coded by its length and value, tokens by their id, longer numbers
        // through an index: "7", "07" and "007" are three callees, and every key comes back as it went in.
        List<Long> keys = new ArrayList<>();
        for (int digits = 1; digits <= 17; digits++) {
            long largest = (long) Math.pow(10, digits) - 1;
            for (long value : new long[] {0, 7, largest / 3, largest}) {
                keys.add(RecordBatch.key(digitsOf(value, digits), 0, digits));
            }
        }
        keys.add(RecordBatch.TOKEN);
        keys.add(RecordBatch.TOKEN | Integer.MAX_VALUE);
        int subscribers = 700;
        ContactLists lists = new ContactLists(new PairBuckets.Room());
        Random random = new Random(3);
        Set<Long>[] called = newSets(subscribers);
        Set<Long>[] callers = newSets(subscribers);
        for (int call = 0; call < 50_000; call++) {
            int sub = random.nextInt(subscribers);
            long key = keys.get(random.nextInt(keys.size()));
            callOrBeCalled(random, lists, sub, key, called, callers);
        }
        lists.finish(subscribers);
        for (int sub = 0; sub < subscribers; sub++) {
            assertThat(lists.distinctCallees(sub)).as("callees of %d", sub).isEqualTo(called[sub].size());
            // Numbers come back as their values: "7" and "07" both as 7.
            long[] numbers = numericCallees(lists, sub);
            Arrays.sort(numbers);
            assertThat(numbers)
                    .as("numbers called by %d", sub)
                    .isEqualTo(called[sub].stream()
                            .mapToLong(RecordBatch::number)
                            .filter(value -> value >= 0)
                            .sorted()
                            .toArray());
            assertThat(lists.distinctCallers(sub)).as("callers of %d", sub).isEqualTo(callers[sub].size());
            Set<Long> both = new HashSet<>(called[sub]);
            both.retainAll(callers[sub]);
            assertThat(lists.callbackCallees(sub)).as("callbacks of %d", sub).isEqualTo(both.size());
        }
        assertThat(new HashSet<>(keys)).hasSize(keys.size());
    }

    /** A call from {@code sub} to {@code key} or from {@code key} to {@code sub}, at random, also kept in the sets. */
    private static void callOrBeCalled(
            Random random, ContactLists lists, int sub, long key, Set<Long>[] called, Set<Long>[] callers) {
        if (random.nextBoolean()) {
            lists.called(sub, key);
            called[sub].add(key);
        } else {
            lists.calledBy(sub, key);
            callers[sub].add(key);
        }
    }

    private static long[] numericCallees(ContactLists lists, int sub) {
        long[] numbers = new long[lists.distinctCallees(sub)];
        return Arrays.copyOf(numbers, lists.numericCallees(sub, numbers));
    }

    private static byte[] digitsOf(long value, int digits) {
        return String.format("%0" + digits + "d", value).getBytes(StandardCharsets.US_ASCII);
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, Integer>[] newMaps(int n) {
        Map<Long, Integer>[] maps = new Map[n];
        for (int i = 0; i < n; i++) {
            maps[i] = new HashMap<>();
        }
        return maps;
    }

    @SuppressWarnings("unchecked")
    private static Set<Long>[] newSets(int n) {
        Set<Long>[] sets = new Set[n];
        for (int i = 0; i < n; i++) {
            sets[i] = new HashSet<>();
        }
        return sets;
    }
}

package org.telereg.engine.fraud;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactListsTests {

    @Test
    void countsContactsOfMassDiallersAsASetWould() {
        // Lists of thousands of entries are sorted by the radix sort when they fill up, short ones by Arrays.sort.
        Random random = new Random(7);
        int subscribers = 6;
        ContactLists lists = new ContactLists();
        lists.allocate(subscribers);
        Map<Long, Integer>[] called = newMaps(subscribers);
        Set<Long>[] callers = newSets(subscribers);
        for (int call = 0; call < 60_000; call++) {
            int sub = random.nextInt(subscribers);
            // Subscriber 0 dials few numbers; the others dial from ranges of 100 to 100,000 numbers, 11 digits or
            // tokens (negative entries once shifted).
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
        lists.finish();
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
            for (int i = 0; i < lists.distinctCallees(sub); i++) {
                long callee = lists.callee(sub, i);
                assertThat(out).containsKey(callee);
                if (i > 0) {
                    assertThat(callee << 1)
                            .as("callees of %d in order", sub)
                            .isGreaterThan(lists.callee(sub, i - 1) << 1);
                }
            }
        }
    }

    @Test
    void keepsThousandsOfListsApartAsTheyGrowAndMoveThroughTheSharedChunks() {
        // Lists of many lengths grow side by side: regions they outgrow are taken by other lists, chunks fill and
        // new ones start; one list outgrows every chunk and gets an array of its own.
        Random random = new Random(11);
        int subscribers = 3_000;
        ContactLists lists = new ContactLists();
        lists.allocate(subscribers);
        Set<Long>[] called = newSets(subscribers);
        Set<Long>[] callers = newSets(subscribers);
        for (int call = 0; call < 400_000; call++) {
            int sub = random.nextInt(subscribers);
            long number = (11L << 57) | (13_800_000_000L + random.nextInt(1 + sub * 10));
            if (random.nextBoolean()) {
                lists.called(sub, number);
                called[sub].add(number);
            } else {
                lists.calledBy(sub, number);
                callers[sub].add(number);
            }
        }
        for (long n = 0; n < 1_100_000; n++) {
            long number = (11L << 57) | (15_000_000_000L + n);
            lists.called(0, number);
            called[0].add(number);
        }
        lists.finish();
        for (int sub = 0; sub < subscribers; sub++) {
            assertThat(lists.distinctCallees(sub)).as("callees of %d", sub).isEqualTo(called[sub].size());
            assertThat(lists.distinctCallers(sub)).as("callers of %d", sub).isEqualTo(callers[sub].size());
            Set<Long> both = new HashSet<>(called[sub]);
            both.retainAll(callers[sub]);
            assertThat(lists.callbackCallees(sub)).as("callbacks of %d", sub).isEqualTo(both.size());
            Set<Long> listed = new HashSet<>();
            for (int i = 0; i < lists.distinctCallees(sub); i++) {
                listed.add(lists.callee(sub, i));
            }
            assertThat(listed).as("callees of %d", sub).isEqualTo(called[sub]);
        }
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

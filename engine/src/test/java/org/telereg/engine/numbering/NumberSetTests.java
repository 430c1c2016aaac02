package org.telereg.engine.numbering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NumberSetTests {

    private static final Carrier[] OPERATORS = {
        Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM, Carrier.CHINA_TELECOM, Carrier.CHINA_BROADNET
    };

    /** The 7-digit prefixes whose block an operator holds, as {@link PhoneNumbers#lookup} tells. */
    private static final int[] ALLOCATED = allocated();

    private final PhoneNumbers reference = PhoneNumbers.standard();

    /**
     * Random members and ports under a few hundred prefixes, some so crowded that their containers are bitmaps,
     * checked number by number against a HashSet and a HashMap, members, their neighbours and random misses.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 3L, 20261202L})
    void answersAsAHashSetAndAMapOfPortsDoOnRandomNumbers(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] prefixes = allocatedPrefixes(random, 300);
        Set<Long> members = new HashSet<>();
        Map<Long, Carrier> ports = new HashMap<>();
        NumberSet.Builder builder = NumberSet.builder();
        for (int prefix : prefixes) {
            // From empty to completely full: both kinds of container and the threshold between them.
            int perPrefix = switch (random.nextInt(5)) {
                case 0 -> random.nextInt(4);
                case 1 -> random.nextInt(600, 650);
                case 2 -> random.nextInt(2_000, 10_001);
                default -> random.nextInt(300);
            };
            for (int i = 0; i < perPrefix; i++) {
                long number = prefix * 10_000L + random.nextInt(10_000);
                if (random.nextInt(20) == 0 && !ports.containsKey(number)) {
                    Carrier to = OPERATORS[random.nextInt(OPERATORS.length)];
                    builder.port(number, to);
                    ports.put(number, to);
                } else {
                    builder.add(number);
                }
                members.add(number);
            }
        }
        NumberSet set = builder.build();

        assertThat(set.size()).as("size, seed %d", seed).isEqualTo(members.size());
        long expectedPorted = ports.entrySet().stream()
                .filter(port -> port.getValue() != holder(port.getKey()))
                .count();
        assertThat(set.portedCount()).as("ported, seed %d", seed).isEqualTo(expectedPorted);
        for (int prefix : prefixes) {
            for (int i = 0; i < 50; i++) {
                assertAnswersLikeReference(set, prefix * 10_000L + random.nextInt(10_000), members, ports, seed);
            }
        }
        for (long member : members) {
            assertAnswersLikeReference(set, member, members, ports, seed);
            assertAnswersLikeReference(set, member - 1, members, ports, seed);
            assertAnswersLikeReference(set, member + 1, members, ports, seed);
        }
        long[] queries = new long[100_000];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = i % 2 == 0
                    ? 10_000_000_000L + random.nextLong(10_000_000_000L)
                    : prefixes[random.nextInt(prefixes.length)] * 10_000L + random.nextInt(10_000);
            assertAnswersLikeReference(set, queries[i], members, ports, seed);
        }
        Carrier[] carriers = new Carrier[queries.length];
        set.carriers(queries, carriers);
        for (int i = 0; i < queries.length; i++) {
            Carrier expected = members.contains(queries[i]) ? ports.getOrDefault(queries[i], holder(queries[i])) : null;
            if (carriers[i] != expected) {
                assertThat(carriers[i])
                        .as("bulk carrier(%d), seed %d", queries[i], seed)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void bulkAnswersAgreeWithSingleAnswers() {
        SplittableRandom random = new SplittableRandom(7);
        long[] numbers = randomNumbers(random, allocatedPrefixes(random, 50), 20_000);
        NumberSet.Builder builder = NumberSet.builder().addAll(Arrays.copyOf(numbers, 10_000));
        for (int i = 0; i < 500; i++) {
            builder.port(numbers[i], Carrier.CHINA_BROADNET);
        }
        for (long number = 13_800_130_000L; number < 13_800_140_000L; number += 2) {
            builder.add(number);
        }
        builder.port(13_800_130_002L, Carrier.CHINA_TELECOM);
        NumberSet set = builder.build();
        long[] queries = Arrays.copyOf(numbers, numbers.length + 1_000 + 10);
        for (int i = 0; i < 1_000; i++) {
            queries[numbers.length + i] = 13_800_130_000L + random.nextInt(10_000);
        }
        long[] edges = {
            0,
            -1,
            Long.MIN_VALUE,
            9_999_999_999L,
            20_000_000_000L,
            19_999_999_999L,
            10_000_000_000L,
            13_800_130_002L,
            13_800_130_003L,
            13_800_139_998L
        };
        System.arraycopy(edges, 0, queries, numbers.length + 1_000, edges.length);

        boolean[] members = new boolean[queries.length];
        Carrier[] carriers = new Carrier[queries.length];
        int memberCount = set.contains(queries, members);
        int carrierCount = set.carriers(queries, carriers);

        int expected = 0;
        for (int i = 0; i < queries.length; i++) {
            long number = queries[i];
            if (members[i] != set.contains(number) || carriers[i] != set.carrier(number)) {
                assertThat(members[i]).as("contains %d", number).isEqualTo(set.contains(number));
                assertThat(carriers[i]).as("carrier of %d", number).isEqualTo(set.carrier(number));
            }
            expected += set.contains(number) ? 1 : 0;
        }
        assertThat(memberCount).isEqualTo(expected).isEqualTo(carrierCount).isGreaterThan(9_500);
        assertThat(carriers[queries.length - 3]).isEqualTo(Carrier.CHINA_TELECOM);
        assertThat(carriers[queries.length - 1]).isEqualTo(Carrier.CHINA_MOBILE);
    }

    @Test
    void anEmptySetHasNoMembers() {
        NumberSet set = NumberSet.of();

        assertThat(set.size()).isZero();
        assertThat(set.contains(13_800_138_000L)).isFalse();
        assertThat(set.carrier(13_800_138_000L)).isNull();
        assertThat(set.contains(10_000_000_000L)).isFalse();
        assertThat(set.contains(19_999_999_999L)).isFalse();
    }

    @Test
    void holdsTheFirstAndLastNumbersOfThePrefixRange() {
        NumberSet set = NumberSet.of(10_000_000_000L, 19_999_999_999L, 10_000_009_999L, 10_000_010_000L);

        assertThat(set.contains(10_000_000_000L)).isTrue();
        assertThat(set.contains(19_999_999_999L)).isTrue();
        assertThat(set.contains(10_000_009_999L)).isTrue();
        assertThat(set.contains(10_000_010_000L)).isTrue();
        assertThat(set.contains(10_000_000_001L)).isFalse();
        assertThat(set.contains(10_000_009_998L)).isFalse();
        assertThat(set.contains(10_000_010_001L)).isFalse();
        assertThat(set.contains(19_999_999_998L)).isFalse();
        assertThat(set.size()).isEqualTo(4);
        // No operator holds 100xxxx, so the number is a member served by no known operator.
        assertThat(set.carrier(10_000_000_000L)).isEqualTo(Carrier.UNKNOWN);
    }

    @Test
    void countsARepeatedNumberOnce() {
        NumberSet set = NumberSet.of(13_800_138_000L, 13_800_138_000L, 13_800_138_001L, 13_800_138_000L);

        assertThat(set.size()).isEqualTo(2);
        assertThat(set.contains(13_800_138_000L)).isTrue();
        assertThat(set.contains(13_800_138_001L)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(longs = {9_999_999_999L, 20_000_000_000L, 0L, -13_800_138_000L, 1_380_013_800L, 86_13_800_138_000L})
    void refusesNumbersThatAreNotElevenDigitMobileNumbers(long number) {
        assertThatThrownBy(() -> NumberSet.of(13_800_138_000L, number))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Number " + number + " is not an eleven-digit mobile number");
        assertThatThrownBy(() -> NumberSet.builder().port(number, Carrier.CHINA_UNICOM))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(String.valueOf(number));
    }

    @Test
    void answersNoForQueriesThatAreNotMobileNumbers() {
        NumberSet set = NumberSet.of(10_000_000_000L, 19_999_999_999L);

        assertThat(set.contains(9_999_999_999L)).isFalse();
        assertThat(set.contains(20_000_000_000L)).isFalse();
        assertThat(set.contains(Long.MIN_VALUE)).isFalse();
        assertThat(set.contains(Long.MAX_VALUE)).isFalse();
        assertThat(set.carrier(-1L)).isNull();
    }

    @Test
    void aPortedNumberIsServedByItsNewOperatorAndItsNeighboursByTheBlockHolder() {
        NumberSet set = NumberSet.builder()
                .add(13_800_138_000L)
                .add(13_800_138_002L)
                .port(13_800_138_001L, Carrier.CHINA_TELECOM)
                .port(18_600_000_000L, Carrier.CHINA_MOBILE)
                .build();

        assertThat(set.carrier(13_800_138_001L)).isEqualTo(Carrier.CHINA_TELECOM);
        assertThat(set.carrier(13_800_138_000L)).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(set.carrier(13_800_138_002L)).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(set.carrier(18_600_000_000L)).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(reference.lookup("18600000000").carrier()).isEqualTo(Carrier.CHINA_UNICOM);
        assertThat(set.contains(13_800_138_001L)).isTrue();
        assertThat(set.carrier(13_800_138_003L)).isNull();
        assertThat(set.portedCount()).isEqualTo(2);
    }

    @Test
    void aNumberPortedBackToItsBlockHolderIsNotCountedAsPorted() {
        NumberSet set =
                NumberSet.builder().port(13_800_138_001L, Carrier.CHINA_MOBILE).build();

        assertThat(set.carrier(13_800_138_001L)).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(set.portedCount()).isZero();
        assertThat(set.size()).isEqualTo(1);
    }

    @Test
    void keepsPortsInACrowdedPrefix() {
        NumberSet.Builder builder = NumberSet.builder();
        for (long number = 13_800_130_000L; number < 13_800_140_000L; number += 2) {
            builder.add(number);
        }
        builder.port(13_800_135_000L, Carrier.CHINA_UNICOM).port(13_800_139_999L, Carrier.CHINA_BROADNET);
        NumberSet set = builder.build();

        assertThat(set.size()).isEqualTo(5_001);
        assertThat(set.carrier(13_800_135_000L)).isEqualTo(Carrier.CHINA_UNICOM);
        assertThat(set.carrier(13_800_139_999L)).isEqualTo(Carrier.CHINA_BROADNET);
        assertThat(set.carrier(13_800_135_002L)).isEqualTo(Carrier.CHINA_MOBILE);
        assertThat(set.carrier(13_800_135_001L)).isNull();
        assertThat(set.contains(13_800_139_998L)).isTrue();
        assertThat(set.contains(13_800_139_997L)).isFalse();
    }

    @Test
    void refusesAPortToNoOperatorAndAPortToTwoOperators() {
        assertThatThrownBy(() -> NumberSet.builder().port(13_800_138_000L, Carrier.UNKNOWN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("13800138000");
        NumberSet.Builder builder = NumberSet.builder()
                .port(13_800_138_000L, Carrier.CHINA_UNICOM)
                .port(13_800_138_000L, Carrier.CHINA_TELECOM);
        assertThatThrownBy(builder::build)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Number 13800138000 is ported both to");
    }

    @Test
    void refusesAPortOutOfABlockNoOperatorHoldsUntilItsHolderIsNamed() {
        assertThatThrownBy(() -> NumberSet.builder()
                        .port(12_012_345_678L, Carrier.CHINA_UNICOM)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no operator holds its block 1201234");

        NumberSet set = NumberSet.builder()
                .holder("120", Carrier.CHINA_TELECOM)
                .port(12_012_345_678L, Carrier.CHINA_UNICOM)
                .add(12_012_345_679L)
                .build();
        assertThat(set.carrier(12_012_345_678L)).isEqualTo(Carrier.CHINA_UNICOM);
        assertThat(set.carrier(12_012_345_679L)).isEqualTo(Carrier.CHINA_TELECOM);
    }

    @Test
    void aNamedBlockHolderReplacesTheReferenceTables() {
        NumberSet set = NumberSet.builder()
                .holder("1380013", Carrier.CHINA_BROADNET)
                .add(13_800_138_000L)
                .add(13_800_148_000L)
                .build();

        assertThat(set.carrier(13_800_138_000L)).isEqualTo(Carrier.CHINA_BROADNET);
        assertThat(set.carrier(13_800_148_000L)).isEqualTo(Carrier.CHINA_MOBILE);
        assertThatThrownBy(() -> NumberSet.builder().holder("13a", Carrier.CHINA_MOBILE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Block prefix 13a");
    }

    @Test
    void aFullPrefixCostsABitmapOfTenThousandBits() {
        long empty = NumberSet.of().sizeInBytes();
        NumberSet.Builder builder = NumberSet.builder();
        for (long number = 13_800_130_000L; number < 13_800_140_000L; number++) {
            builder.add(number);
        }
        NumberSet full = builder.build();

        assertThat(full.sizeInBytes() - empty).isEqualTo(10_000 / 8);
        assertThat(NumberSet.of(13_800_138_000L, 13_800_138_001L).sizeInBytes() - empty)
                .isEqualTo(4);
    }

    @Test
    void tenMillionRandomNumbersOnAllocatedSegmentsTakeAtMostTwoAndAHalfBytesEach() {
        SplittableRandom random = new SplittableRandom(10_000_000);
        long[] numbers = randomNumbers(random, allocatedPrefixes(random, Integer.MAX_VALUE), 10_000_000);
        NumberSet.Builder builder = NumberSet.builder().addAll(numbers);
        for (int i = 0; i < 100_000; i++) {
            builder.port(numbers[i], OPERATORS[i & 3]);
        }
        NumberSet set = builder.build();

        assertThat((double) set.sizeInBytes() / set.size()).isLessThanOrEqualTo(2.5);
        assertThat(set.size()).isGreaterThan(9_900_000);
    }

    @Test
    void aWrittenSetReadsBackWithTheSameAnswers() throws IOException {
        SplittableRandom random = new SplittableRandom(11);
        int[] prefixes = allocatedPrefixes(random, 40);
        long[] numbers = randomNumbers(random, prefixes, 50_000);
        NumberSet.Builder builder = NumberSet.builder().addAll(numbers);
        for (long number = 13_900_000_000L; number < 13_900_010_000L; number += 3) {
            builder.add(number);
        }
        builder.port(numbers[0], Carrier.CHINA_BROADNET).port(13_900_000_003L, Carrier.CHINA_TELECOM);
        NumberSet original = builder.build();

        NumberSet copy = NumberSet.readFrom(new ByteArrayInputStream(bytesOf(original)));

        assertThat(copy.size()).isEqualTo(original.size());
        assertThat(copy.portedCount()).isEqualTo(original.portedCount());
        assertThat(copy.sizeInBytes()).isEqualTo(original.sizeInBytes());
        long[] queries = randomNumbers(random, prefixes, 100_000);
        for (long number : queries) {
            assertThat(copy.carrier(number)).as("number %d", number).isEqualTo(original.carrier(number));
        }
        assertThat(copy.carrier(13_900_000_003L)).isEqualTo(Carrier.CHINA_TELECOM);
        assertThat(copy.carrier(numbers[0])).isEqualTo(Carrier.CHINA_BROADNET);
    }

    @Test
    void refusesATruncatedOrForeignOrDamagedStream() throws IOException {
        byte[] written = bytesOf(NumberSet.of(13_800_138_000L, 13_800_138_005L, 18_600_000_000L));

        assertThatThrownBy(() -> NumberSet.readFrom(new ByteArrayInputStream(Arrays.copyOf(written, 1_000))))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> NumberSet.readFrom(
                        new ByteArrayInputStream("PK\u0003\u0004 not a set".getBytes(StandardCharsets.US_ASCII))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("Not a TeleReg number set");
        byte[] unordered = written.clone();
        // The stream ends with the three entries and a padding char; put 138 0013 8005 ahead of 138 0013 8000.
        int entries = unordered.length - 4 * 2;
        byte first0 = unordered[entries];
        byte first1 = unordered[entries + 1];
        unordered[entries] = unordered[entries + 2];
        unordered[entries + 1] = unordered[entries + 3];
        unordered[entries + 2] = first0;
        unordered[entries + 3] = first1;
        assertThatThrownBy(() -> NumberSet.readFrom(new ByteArrayInputStream(unordered)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not in order");
    }

    private static void assertAnswersLikeReference(
            NumberSet set, long number, Set<Long> members, Map<Long, Carrier> ports, long seed) {
        boolean member = members.contains(number);
        Carrier expected = member ? ports.getOrDefault(number, holder(number)) : null;
        // Checked by hand first: an AssertJ assertion for each of a million answers would dominate the run.
        if (set.contains(number) != member || set.carrier(number) != expected) {
            assertThat(set.contains(number))
                    .as("contains(%d), seed %d", number, seed)
                    .isEqualTo(member);
            assertThat(set.carrier(number))
                    .as("carrier(%d), seed %d", number, seed)
                    .isEqualTo(expected);
        }
    }

    private static Carrier holder(long number) {
        return PhoneNumbers.standard().lookup(Long.toString(number)).carrier();
    }

    private static byte[] bytesOf(NumberSet set) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        set.writeTo(out);
        return out.toByteArray();
    }

    private static int[] allocated() {
        int[] prefixes = new int[NumberSet.PREFIXES];
        int n = 0;
        for (int prefix = 1_000_000; prefix < 2_000_000; prefix++) {
            if (PhoneNumbers.standard().lookup(prefix + "0000").carrier() != Carrier.UNKNOWN) {
                prefixes[n++] = prefix;
            }
        }
        return Arrays.copyOf(prefixes, n);
    }

    /** Up to {@code limit} distinct 7-digit prefixes that an operator holds, in random order. */
    private static int[] allocatedPrefixes(SplittableRandom random, int limit) {
        int[] prefixes = ALLOCATED.clone();
        int n = prefixes.length;
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = prefixes[i];
            prefixes[i] = prefixes[j];
            prefixes[j] = swap;
        }
        return Arrays.copyOf(prefixes, Math.min(n, limit));
    }

    private static long[] randomNumbers(SplittableRandom random, int[] prefixes, int count) {
        long[] numbers = new long[count];
        for (int i = 0; i < count; i++) {
            numbers[i] = prefixes[random.nextInt(prefixes.length)] * 10_000L + random.nextInt(10_000);
        }
        return numbers;
    }
}

package org.telereg.engine.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainIndexTests {

    private final DomainIndex index = DomainIndex.builder()
            .add("example.com", 1)
            .add("shop.example.com", 2)
            .add("例子.中国", 3)
            .add("gov.cn", 4)
            .add("beijing.gov.cn", 5)
            .build();

    @ParameterizedTest
    @CsvSource({
        "example.com, 1",
        "www.example.com, 1",
        "a.b.c.example.com, 1",
        "shop.example.com, 2",
        "www.shop.example.com, 2",
        "shopexample.com, -1",
        "shop.example.co, -1",
        "www.gov.cn, 4",
        "www.beijing.gov.cn, 5",
        "beijinggov.cn, -1",
        "cn.example, -1",
    })
    void answersTheMostSpecificFiledDomainCoveringTheHost(String host, int expected) {
        assertThat(index.lookup(host)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "WWW.Example.COM, 1",
        "www.example.com., 1",
        "' www.example.com ', 1",
        "Shop.EXAMPLE.com., 2",
        "例子.中国, 3",
        "www.例子.中国, 3",
        "www.例子。中国, 3",
        "www.例子.中国。, 3",
        "xn--fsqu00a.xn--fiqs8s, 3",
        "WWW.XN--FSQU00A.XN--FIQS8S, 3",
        "ＷＷＷ．ｅｘａｍｐｌｅ．ｃｏｍ, 1",
    })
    void readsCaseTrailingDotsAndInternationalisedNamesAsTheRegisterKeepsThem(String host, int expected) {
        assertThat(index.lookup(host)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({
        "Example.COM., example.com",
        "例子.中国, xn--fsqu00a.xn--fiqs8s",
        "中文.com, xn--fiq228c.com",
        "' www.a-b.cn ', www.a-b.cn",
        "123.com, 123.com",
    })
    void normalisesToLowerCasePunycodeWithoutTheTrailingDot(String host, String normalised) {
        assertThat(DomainIndex.normalise(host)).isEqualTo(normalised);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                ".",
                "..",
                "com",
                "localhost",
                "example..com",
                ".example.com",
                "example.com..",
                "-example.com",
                "example-.com",
                "exa_mple.com",
                "exa mple.com",
                "example.com/path",
                "http://example.com",
                "user@example.com",
                "example.com:80",
                "1.2.3.4",
                "192.168.1.1.",
                "例子",
                "*.example.com",
            })
    void refusesWhatIsNotAHostName(String host) {
        assertThatThrownBy(() -> index.lookup(host)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DomainIndex.normalise(host)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DomainIndex.builder().add(host, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesLabelsOver63AndNamesOver253Characters() {
        String label63 = "a".repeat(63);
        assertThat(index.lookup(label63 + ".example.com")).isEqualTo(1);
        assertThatThrownBy(() -> index.lookup("a" + label63 + ".example.com"))
                .isInstanceOf(IllegalArgumentException.class);
        String name253 = (label63 + ".").repeat(3) + "a".repeat(253 - 64 * 3 - 12) + ".example.com";
        assertThat(name253).hasSize(253);
        assertThat(index.lookup(name253)).isEqualTo(1);
        assertThat(index.lookup(name253 + ".")).isEqualTo(1);
        assertThatThrownBy(() -> index.lookup("a" + name253)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> index.lookup("x".repeat(100_000) + ".com"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> index.lookup(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DomainIndex.normalise(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void replacesTheValueOfADomainAddedAgainInAnySpelling() {
        DomainIndex replaced = DomainIndex.builder()
                .add("example.com", 1)
                .add("EXAMPLE.com.", 2)
                .add("例子.中国", 3)
                .add("xn--fsqu00a.xn--fiqs8s", 4)
                .build();

        assertThat(replaced.size()).isEqualTo(2);
        assertThat(replaced.lookup("www.example.com")).isEqualTo(2);
        assertThat(replaced.lookup("例子.中国")).isEqualTo(4);
    }

    @Test
    void answersNoneWhenEmpty() {
        DomainIndex empty = DomainIndex.builder().build();

        assertThat(empty.size()).isZero();
        assertThat(empty.lookup("www.example.com")).isEqualTo(DomainIndex.NONE);
    }

    /**
     * Random names under a few shared parents, filed and looked up in random case, checked against a
     * HashMap asked for the name and then each parent in turn.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 20261202L})
    void answersAsAMapOfNamesAskedParentByParentOnRandomNames(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        String[] parents = {"com", "cn", "com.cn", "gov.cn", "net", "xn--fiqs8s"};
        String[] labels = new String[300];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = randomLabel(random);
        }
        Map<String, Integer> reference = new HashMap<>();
        DomainIndex.Builder builder = DomainIndex.builder();
        for (int value = 0; value < 5_000; value++) {
            String name = randomName(random, labels, parents);
            builder.add(randomCase(random, name), value);
            reference.put(name, value);
        }
        DomainIndex randomIndex = builder.build();

        assertThat(randomIndex.size()).isEqualTo(reference.size());
        for (int n = 0; n < 30_000; n++) {
            String host = randomName(random, labels, parents);
            int expected = DomainIndex.NONE;
            for (String name = host; name.indexOf('.') >= 0; name = name.substring(name.indexOf('.') + 1)) {
                Integer found = reference.get(name);
                if (found != null) {
                    expected = found;
                    break;
                }
            }
            String asked = randomCase(random, host) + (random.nextInt(5) == 0 ? "." : "");
            assertThat(randomIndex.lookup(asked)).as("seed %d, %s", seed, asked).isEqualTo(expected);
        }
    }

    /**
     * Random strings over letters, digits, dots, hyphens, upper case, space, underscore and Chinese: the
     * allocation-free path for plain names and the punycode path agree on what is a host name and on the
     * answer, because a lookup answers as looking up the name normalise gives.
     */
    @Test
    void looksUpEveryStringAsItsNormalisedName() {
        SplittableRandom random = new SplittableRandom(5);
        String alphabet = "ab.-.A9 _例。";
        int valid = 0;
        for (int n = 0; n < 30_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String host = text.toString();
            String normalised;
            try {
                normalised = DomainIndex.normalise(host);
            } catch (IllegalArgumentException e) {
                assertThatThrownBy(() -> index.lookup(host)).as(host).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            valid++;
            assertThat(index.lookup(host)).as(host).isEqualTo(index.lookup(normalised));
            assertThat(DomainIndex.normalise(normalised)).as(host).isEqualTo(normalised);
        }
        assertThat(valid).isGreaterThan(300);
    }

    private static String randomName(SplittableRandom random, String[] labels, String[] parents) {
        StringBuilder name = new StringBuilder();
        int depth = random.nextInt(1, 4);
        for (int i = 0; i < depth; i++) {
            // Few distinct labels, so that names share parents and filed names nest.
            name.append(labels[random.nextInt(i == 0 ? labels.length : 10)]).append('.');
        }
        return name.append(parents[random.nextInt(parents.length)]).toString();
    }

    private static String randomLabel(SplittableRandom random) {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789-";
        int length = random.nextInt(1, 12);
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < length; i++) {
            boolean edge = i == 0 || i == length - 1;
            label.append(alphabet.charAt(random.nextInt(alphabet.length() - (edge ? 1 : 0))));
        }
        return label.toString();
    }

    private static String randomCase(SplittableRandom random, String name) {
        return random.nextBoolean() ? name : name.toUpperCase(Locale.ROOT);
    }
}

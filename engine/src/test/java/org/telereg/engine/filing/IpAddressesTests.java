package org.telereg.engine.filing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpAddressesTests {

    @ParameterizedTest
    @CsvSource({
        "0.0.0.0, 0.0.0.0",
        "255.255.255.255, 255.255.255.255",
        "192.0.2.1, 192.0.2.1",
        "' 10.20.30.40 ', 10.20.30.40",
        "::, ::",
        "::1, ::1",
        "1::, 1::",
        "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
        "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
        "2001:0db8:0000:0000:0000:ff00:0042:8329, 2001:db8::ff00:42:8329",
        "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
        "1:0:0:0:0:0:0:0, 1::",
        "0:0:0:0:0:0:0:1, ::1",
        "2001:db8::0:1, 2001:db8::1",
        "[2001:db8::1], 2001:db8::1",
        "fe80::1%eth0, fe80::1",
        "[fe80::1%25eth0], fe80::1",
        "::1.2.3.4, ::102:304",
        "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
        "1:2:3:4:5:6:1.2.3.4, 1:2:3:4:5:6:102:304",
        "::ffff:192.0.2.1, 192.0.2.1",
        "::FFFF:c000:0201, 192.0.2.1",
        "0:0:0:0:0:ffff:10.0.0.1, 10.0.0.1",
        "240e:0:0:0:0:0:0:0, 240e::",
    })
    void readsAndWritesEveryTextForm(String text, String canonical) {
        assertThat(IpAddresses.normalise(text)).isEqualTo(canonical);
    }

    @Test
    void writesTheFirstOfEquallyLongZeroRunsAsDoubleColonAndNeverASingleZeroGroup() {
        assertThat(IpAddresses.normalise("1:0:0:2:0:0:3:4")).isEqualTo("1::2:0:0:3:4");
        assertThat(IpAddresses.normalise("1:0:0:2:0:0:0:4")).isEqualTo("1:0:0:2::4");
        assertThat(IpAddresses.normalise("1:0:2:3:4:5:6:7")).isEqualTo("1:0:2:3:4:5:6:7");
    }

    @Test
    void readsAMappedAddressAsItsIpv4Address() {
        assertThat(IpAddresses.parse("::ffff:10.1.2.3")).containsExactly(10, 1, 2, 3);
        assertThat(IpAddresses.parse("::ffff:10.1.2.3")).hasSize(4);
        assertThat(IpAddresses.parseIpv4Int("::ffff:255.0.0.1")).isEqualTo(0xFF000001);
        // IPv4-compatible (::a.b.c.d) and NAT64 addresses are IPv6 addresses, not IPv4.
        assertThat(IpAddresses.parse("::10.1.2.3")).hasSize(16);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                " ",
                "1.2.3",
                "1.2.3.4.5",
                "1.2.3.",
                ".1.2.3",
                "1..2.3",
                "256.1.1.1",
                "1.2.3.999",
                "01.2.3.4",
                "1.2.3.00",
                "1.2.3.012",
                "0x1.2.3.4",
                "1.2.3.4 5",
                "-1.2.3.4",
                "+1.2.3.4",
                "1.2.3.4/24",
                "１.２.３.４",
                "1.2.3.٤",
                "[1.2.3.4]",
                "4294967295",
                "example.com",
                ":",
                ":::",
                "1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:8:9",
                "1::2::3",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:",
                "::1:",
                "1:::2",
                "12345::1",
                "g::1",
                "１::1",
                "1:2:3:4:5:6:7:1.2.3.4",
                "1.2.3.4::",
                "::1.2.3.4:1",
                "::256.1.1.1",
                "::01.1.1.1",
                "fe80::1%",
                "[::1",
                "::1]",
                "1.2.3.4%eth0",
            })
    void refusesWhatIsNotAnAddress(String text) {
        assertThatThrownBy(() -> IpAddresses.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text);
    }

    @Test
    void refusesNull() {
        assertThatThrownBy(() -> IpAddresses.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnIpv6AddressWhereIpv4IsAsked() {
        assertThatThrownBy(() -> IpAddresses.parseIpv4Int("2001:db8::1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPv4");
    }

    @Test
    void formatsOnlyFourOrSixteenBytes() {
        assertThatThrownBy(() -> IpAddresses.format(new byte[5])).isInstanceOf(IllegalArgumentException.class);
    }

    /**
     * Random addresses written in random legal forms (upper case, full groups, compressed, embedded
     * quad) read back as the JDK reads them, and format as RFC 5952 says.
     */
    @ParameterizedTest
    @ValueSource(longs = {1L, 2L, 20261202L})
    void readsRandomAddressesAsTheJdkDoes(long seed) throws Exception {
        SplittableRandom random = new SplittableRandom(seed);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[16];
            for (int g = 0; g < 8; g++) {
                // Many zero groups, so that runs of every length and position occur.
                int group = random.nextInt(3) == 0 ? random.nextInt(0x10000) : 0;
                bytes[2 * g] = (byte) (group >>> 8);
                bytes[2 * g + 1] = (byte) group;
            }
            String text = spell(bytes, random);
            byte[] expected = InetAddress.getByName(text).getAddress();
            byte[] parsed = IpAddresses.parse(text);
            assertThat(parsed).as(text).isEqualTo(expected);
            if (parsed.length == 16) {
                assertThat(IpAddresses.format(parsed)).as(text).isEqualTo(rfc5952(bytes));
            }
        }
    }

    @Test
    void readsEveryIpv4FormatItWrites() {
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 100_000; n++) {
            int address = random.nextInt();
            String text = IpAddresses.format(IpAddresses.toBytes(address));
            assertThat(IpAddresses.parseIpv4Int(text)).as(text).isEqualTo(address);
        }
    }

    /**
     * Random strings over the characters addresses are made of never break the parser: each is refused
     * with an IllegalArgumentException or read, and what is read formats to text that reads back the same.
     */
    @Test
    void refusesOrRoundTripsRandomGarbage() {
        SplittableRandom random = new SplittableRandom(11);
        String alphabet = "0123456789abcdefABCDEF.:%[] x１";
        int read = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(1, 20);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = IpAddresses.parseOrNull(text.toString());
            if (bytes != null) {
                read++;
                assertThat(IpAddresses.parse(IpAddresses.format(bytes)))
                        .as(text.toString())
                        .isEqualTo(bytes);
            } else {
                assertThatThrownBy(() -> IpAddresses.parse(text.toString()))
                        .isInstanceOf(IllegalArgumentException.class);
            }
        }
        assertThat(read).isPositive();
    }

    private static String spell(byte[] bytes, SplittableRandom random) {
        int[] groups = new int[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = ((bytes[2 * g] & 0xff) << 8) | (bytes[2 * g + 1] & 0xff);
        }
        boolean quad = random.nextInt(4) == 0;
        int groupCount = quad ? 6 : 8;
        String[] parts = new String[groupCount];
        for (int g = 0; g < groupCount; g++) {
            String hex = Integer.toHexString(groups[g]);
            if (random.nextBoolean()) {
                hex = "0".repeat(4 - hex.length()) + hex;
            }
            parts[g] = random.nextBoolean() ? hex.toUpperCase() : hex;
        }
        // Compress a random run of zero groups, if there is one.
        int start = -1;
        int end = -1;
        int from = random.nextInt(groupCount);
        if (groups[from] == 0) {
            start = from;
            end = from;
            while (end + 1 < groupCount && groups[end + 1] == 0) {
                end++;
            }
        }
        StringBuilder text = new StringBuilder();
        for (int g = 0; g < groupCount; g++) {
            if (g == start) {
                text.append("::");
                g = end;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(parts[g]);
        }
        if (quad) {
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(bytes[12] & 0xff).append('.').append(bytes[13] & 0xff).append('.');
            text.append(bytes[14] & 0xff).append('.').append(bytes[15] & 0xff);
        }
        return text.toString();
    }

    /** RFC 5952 written the slow way: try every run of zero groups, keep the first longest. */
    private static String rfc5952(byte[] bytes) {
        String[] groups = new String[8];
        for (int g = 0; g < 8; g++) {
            groups[g] = Integer.toHexString(((bytes[2 * g] & 0xff) << 8) | (bytes[2 * g + 1] & 0xff));
        }
        int bestStart = -1;
        int bestLength = 0;
        for (int s = 0; s < 8; s++) {
            int length = 0;
            while (s + length < 8 && groups[s + length].equals("0")) {
                length++;
            }
            if (length >= 2 && length > bestLength) {
                bestStart = s;
                bestLength = length;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLength, 8));
        return head + "::" + tail;
    }
}

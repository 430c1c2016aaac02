package org.telereg.engine.filing;

/**
 * IP address literals as bytes: four for IPv4, sixteen for IPv6. Parsing never consults DNS; an
 * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is read as its IPv4 address.
 *
 * <p>IPv4 is the strict dotted quad: four decimal parts 0–255, no leading zeros (a leading zero is
 * octal to some parsers, so {@code 010.0.0.1} is refused rather than guessed at), no shortened forms
 * such as {@code 10.1}. IPv6 is any RFC 4291 text form: full, {@code ::}-compressed, with an embedded
 * dotted quad at the end, optionally in brackets and with a zone id ({@code fe80::1%eth0}, the zone is
 * dropped). Only ASCII digits and letters count: full-width digits are refused. Surrounding white
 * space is ignored.
 */
public final class IpAddresses {

    private IpAddresses() {}

    /**
     * The address's bytes.
     *
     * @throws IllegalArgumentException naming the text when it is not an IPv4 or IPv6 literal
     */
    public static byte[] parse(String text) {
        byte[] bytes = parseOrNull(text);
        if (bytes == null) {
            throw new IllegalArgumentException(text == null ? "IP address is empty" : "not an IP address: " + text);
        }
        return bytes;
    }

    /** The IPv4 address as an int, or throws when the text is not an IPv4 literal. */
    public static int parseIpv4Int(String text) {
        byte[] bytes = parse(text);
        if (bytes.length != 4) {
            throw new IllegalArgumentException("not an IPv4 address: " + text);
        }
        return toInt(bytes);
    }

    /** The canonical text: dotted quad, or RFC 5952 IPv6 (lower case, the longest zero run as ::). */
    public static String format(byte[] bytes) {
        if (bytes.length == 4) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + "." + (bytes[3] & 0xff);
        }
        if (bytes.length != 16) {
            throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + bytes.length);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 8; i++) {
            groups[i] = ((bytes[2 * i] & 0xff) << 8) | (bytes[2 * i + 1] & 0xff);
        }
        // RFC 5952 4.2: the longest run of two or more zero groups becomes ::, the first on a tie.
        int bestStart = -1;
        int bestLength = 1;
        for (int i = 0; i < 8; ) {
            if (groups[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder text = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (!text.isEmpty() && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(groups[i]));
        }
        return text.toString();
    }

    /** The canonical text of a literal, e.g. {@code 2001:DB8:0:0::1} → {@code 2001:db8::1}. */
    public static String normalise(String text) {
        return format(parse(text));
    }

    /** The address's bytes, or null when the text is not an IP literal; as {@link #parse}. */
    public static byte[] parseOrNull(String text) {
        if (text == null) {
            return null;
        }
        int from = 0;
        int to = text.length();
        while (from < to && Character.isWhitespace(text.charAt(from))) {
            from++;
        }
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
            to--;
        }
        boolean bracketed = to - from >= 2 && text.charAt(from) == '[' && text.charAt(to - 1) == ']';
        if (bracketed) {
            from++;
            to--;
        }
        if (indexOf(text, ':', from, to) < 0) {
            long v4 = bracketed ? -1 : ipv4(text, from, to);
            return v4 < 0 ? null : toBytes((int) v4);
        }
        byte[] bytes = ipv6(text, from, to);
        if (bytes != null && isIpv4Mapped(bytes)) {
            return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
        }
        return bytes;
    }

    /**
     * The strict dotted quad in {@code text[from, to)} as an unsigned value, or -1. Allocation free:
     * the hot path of every lookup from text.
     */
    static long ipv4(CharSequence text, int from, int to) {
        int address = 0;
        int parts = 0;
        int i = from;
        while (true) {
            if (i >= to) {
                return -1;
            }
            int first = text.charAt(i) - '0';
            if (first < 0 || first > 9) {
                return -1;
            }
            int part = first;
            i++;
            int digits = 1;
            while (i < to) {
                int digit = text.charAt(i) - '0';
                if (digit < 0 || digit > 9) {
                    break;
                }
                // A leading zero would be octal to some parsers: refuse it rather than guess.
                if (first == 0 || ++digits > 3) {
                    return -1;
                }
                part = part * 10 + digit;
                i++;
            }
            if (part > 255) {
                return -1;
            }
            address = (address << 8) | part;
            if (++parts == 4) {
                return i == to ? address & 0xFFFFFFFFL : -1;
            }
            if (i >= to || text.charAt(i) != '.') {
                return -1;
            }
            i++;
        }
    }

    /** The sixteen bytes of the IPv6 literal in {@code text[from, to)}, or null. */
    static byte[] ipv6(CharSequence text, int from, int to) {
        int zone = indexOf(text, '%', from, to);
        if (zone >= 0) {
            if (zone == to - 1) {
                return null;
            }
            to = zone;
        }
        int[] groups = new int[8];
        int count = 0;
        int gap = -1;
        int i = from;
        if (to - i >= 2 && text.charAt(i) == ':' && text.charAt(i + 1) == ':') {
            gap = 0;
            i += 2;
        } else if (i < to && text.charAt(i) == ':') {
            return null;
        }
        while (i < to) {
            int start = i;
            int group = 0;
            int digits = 0;
            int digit;
            while (i < to && digits <= 4 && (digit = hexDigit(text.charAt(i))) >= 0) {
                group = (group << 4) | digit;
                digits++;
                i++;
            }
            if (i < to && text.charAt(i) == '.') {
                // An embedded dotted quad is the last 32 bits and ends the literal.
                long v4 = count <= 6 ? ipv4(text, start, to) : -1;
                if (v4 < 0) {
                    return null;
                }
                groups[count++] = (int) (v4 >>> 16);
                groups[count++] = (int) (v4 & 0xffff);
                break;
            }
            if (digits == 0 || digits > 4 || count == 8) {
                return null;
            }
            groups[count++] = group;
            if (i == to) {
                break;
            }
            if (text.charAt(i) != ':') {
                return null;
            }
            i++;
            if (i < to && text.charAt(i) == ':') {
                if (gap >= 0) {
                    return null;
                }
                gap = count;
                i++;
            } else if (i == to) {
                return null;
            }
        }
        if (gap < 0 ? count != 8 : count > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        int tail = gap < 0 ? 0 : count - gap;
        for (int g = 0; g < count; g++) {
            int at = gap >= 0 && g >= gap ? 8 - tail + (g - gap) : g;
            bytes[2 * at] = (byte) (groups[g] >>> 8);
            bytes[2 * at + 1] = (byte) groups[g];
        }
        return bytes;
    }

    static int toInt(byte[] bytes) {
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    static byte[] toBytes(int address) {
        return new byte[] {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
    }

    /** Bytes {@code from, from + 8} of the address as one big-endian long. */
    static long toLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = (value << 8) | (bytes[i] & 0xff);
        }
        return value;
    }

    static boolean isIpv4Mapped(byte[] bytes) {
        if (bytes.length != 16) {
            return false;
        }
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int indexOf(CharSequence text, char c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (text.charAt(i) == c) {
                return i;
            }
        }
        return -1;
    }
}

package org.telereg.engine.filing;

/**
 * IP address literals as bytes: four for IPv4, sixteen for IPv6. Parsing never consults DNS; an
 * IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is read as its IPv4 address.
 */
public final class IpAddresses {

    private IpAddresses() {}

    /**
     * The address's bytes.
     *
     * @throws IllegalArgumentException naming the text when it is not an IPv4 or IPv6 literal
     */
    public static byte[] parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("IP address is empty");
        }
        String address = text.strip();
        if (address.startsWith("[") && address.endsWith("]")) {
            address = address.substring(1, address.length() - 1);
        }
        byte[] bytes = address.indexOf(':') >= 0 ? parseIpv6(address) : parseIpv4(address);
        if (bytes == null) {
            throw new IllegalArgumentException("not an IP address: " + text);
        }
        if (bytes.length == 16 && isIpv4Mapped(bytes)) {
            return new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]};
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
        StringBuilder text = new StringBuilder();
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

    static int toInt(byte[] bytes) {
        return ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8) | (bytes[3] & 0xff);
    }

    private static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
    }

    private static byte[] parseIpv4(String text) {
        byte[] bytes = new byte[4];
        int part = 0;
        int value = -1;
        int digits = 0;
        for (int i = 0; i <= text.length(); i++) {
            char c = i == text.length() ? '.' : text.charAt(i);
            if (c >= '0' && c <= '9') {
                // A leading zero would be octal to some parsers: refuse it rather than guess.
                if (digits == 1 && value == 0) {
                    return null;
                }
                value = (value < 0 ? 0 : value * 10) + (c - '0');
                if (++digits > 3 || value > 255) {
                    return null;
                }
            } else if (c == '.') {
                if (value < 0 || part == 4) {
                    return null;
                }
                bytes[part++] = (byte) value;
                value = -1;
                digits = 0;
            } else {
                return null;
            }
        }
        return part == 4 ? bytes : null;
    }

    private static byte[] parseIpv6(String text) {
        int percent = text.indexOf('%');
        if (percent >= 0) {
            text = text.substring(0, percent);
        }
        int doubleColon = text.indexOf("::");
        if (doubleColon >= 0 && text.indexOf("::", doubleColon + 1) >= 0) {
            return null;
        }
        String head = doubleColon >= 0 ? text.substring(0, doubleColon) : text;
        String tail = doubleColon >= 0 ? text.substring(doubleColon + 2) : "";
        int[] headGroups = groups(head);
        int[] tailGroups = groups(tail);
        if (headGroups == null || tailGroups == null) {
            return null;
        }
        int total = headGroups.length + tailGroups.length;
        if (doubleColon < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < headGroups.length; i++) {
            bytes[2 * i] = (byte) (headGroups[i] >>> 8);
            bytes[2 * i + 1] = (byte) headGroups[i];
        }
        for (int i = 0; i < tailGroups.length; i++) {
            int at = 8 - tailGroups.length + i;
            bytes[2 * at] = (byte) (tailGroups[i] >>> 8);
            bytes[2 * at + 1] = (byte) tailGroups[i];
        }
        return bytes;
    }

    /** The 16-bit groups of one side of an IPv6 literal; a trailing dotted quad counts as two. */
    private static int[] groups(String side) {
        if (side.isEmpty()) {
            return new int[0];
        }
        String[] parts = side.split(":", -1);
        int count = parts.length;
        boolean quad = parts[count - 1].indexOf('.') >= 0;
        int[] groups = new int[quad ? count + 1 : count];
        for (int i = 0; i < count; i++) {
            String part = parts[i];
            if (quad && i == count - 1) {
                byte[] v4 = parseIpv4(part);
                if (v4 == null) {
                    return null;
                }
                groups[i] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
                groups[i + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
                continue;
            }
            if (part.isEmpty() || part.length() > 4) {
                return null;
            }
            int value = 0;
            for (int k = 0; k < part.length(); k++) {
                int digit = Character.digit(part.charAt(k), 16);
                if (digit < 0) {
                    return null;
                }
                value = value * 16 + digit;
            }
            groups[i] = value;
        }
        return groups;
    }
}

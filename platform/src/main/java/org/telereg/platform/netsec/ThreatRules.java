package org.telereg.platform.netsec;

import java.util.Locale;
import org.telereg.engine.filing.DomainIndex;
import org.telereg.engine.filing.IpAddresses;

/**
 * How each kind of indicator is written on the list, so that one indicator is one entry however a
 * source spelled it. Every method throws {@link IllegalArgumentException} with the message key's last
 * part ({@code netsec.threat.invalid.<reason>}) when the text is not an indicator of its kind.
 */
final class ThreatRules {

    /** The longest URL kept. */
    static final int MAX_URL = 2000;

    /** The widest IPv4 block accepted: anything wider would block a large part of the internet. */
    static final int MIN_PREFIX_V4 = 8;

    /** The widest IPv6 block accepted. */
    static final int MIN_PREFIX_V6 = 16;

    private ThreatRules() {}

    static String normalise(ThreatKind kind, String text) {
        String value = text.strip();
        return switch (kind) {
            case DOMAIN -> domain(value);
            case IP -> ip(value);
            case CIDR -> cidr(value);
            case URL -> url(value);
            case APP_HASH -> hash(value);
        };
    }

    static String domain(String text) {
        String name;
        try {
            name = DomainIndex.normalise(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("domain");
        }
        if (name.indexOf('.') < 0) {
            throw new IllegalArgumentException("domain");
        }
        return name;
    }

    static String ip(String text) {
        try {
            return IpAddresses.normalise(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("ip");
        }
    }

    static String cidr(String text) {
        int slash = text.indexOf('/');
        if (slash < 0 || slash != text.lastIndexOf('/')) {
            throw new IllegalArgumentException("cidr");
        }
        byte[] network;
        try {
            network = IpAddresses.parse(text.substring(0, slash));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cidr");
        }
        String length = text.substring(slash + 1);
        if (!length.matches("[0-9]{1,3}")) {
            throw new IllegalArgumentException("cidr");
        }
        int prefix = Integer.parseInt(length);
        int bits = network.length * 8;
        if (prefix > bits) {
            throw new IllegalArgumentException("cidr");
        }
        if (prefix < (network.length == 4 ? MIN_PREFIX_V4 : MIN_PREFIX_V6)) {
            throw new IllegalArgumentException("cidrTooWide");
        }
        for (int bit = prefix; bit < bits; bit++) {
            if ((network[bit / 8] & (0x80 >>> (bit % 8))) != 0) {
                throw new IllegalArgumentException("cidrHostBits");
            }
        }
        return IpAddresses.format(network) + "/" + prefix;
    }

    /** The block's network address bytes and prefix length of a normalised CIDR. */
    static byte[] network(String cidr) {
        return IpAddresses.parse(cidr.substring(0, cidr.indexOf('/')));
    }

    static int prefix(String cidr) {
        return Integer.parseInt(cidr.substring(cidr.indexOf('/') + 1));
    }

    /** A URL with its scheme and host in lower case and without its fragment; the path is kept as sent. */
    static String url(String text) {
        if (text.length() > MAX_URL
                || text.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("url");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String scheme = lower.startsWith("https://") ? "https://" : lower.startsWith("http://") ? "http://" : null;
        if (scheme == null) {
            throw new IllegalArgumentException("url");
        }
        String rest = text.substring(scheme.length());
        int fragment = rest.indexOf('#');
        if (fragment >= 0) {
            rest = rest.substring(0, fragment);
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        String authority = rest.substring(0, end);
        if (authority.contains("@")) {
            // user:password@ hides the real host from a reader: refuse rather than guess.
            throw new IllegalArgumentException("url");
        }
        String host = authority;
        String port = "";
        if (authority.startsWith("[")) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("url");
            }
            host = authority.substring(0, close + 1);
            port = authority.substring(close + 1);
        } else if (authority.indexOf(':') >= 0) {
            host = authority.substring(0, authority.indexOf(':'));
            port = authority.substring(authority.indexOf(':'));
        }
        if (!port.isEmpty() && !port.matches(":[0-9]{1,5}")) {
            throw new IllegalArgumentException("url");
        }
        String normalHost;
        try {
            String address = IpAddresses.normalise(host);
            normalHost = address.indexOf(':') >= 0 ? "[" + address + "]" : address;
        } catch (IllegalArgumentException notAnAddress) {
            normalHost = domain(host);
        }
        return scheme + normalHost + port + rest.substring(end);
    }

    /** The host of a normalised URL: a domain, or an address without brackets. */
    static String host(String url) {
        String rest = url.substring(url.indexOf("://") + 3);
        if (rest.startsWith("[")) {
            return rest.substring(1, rest.indexOf(']'));
        }
        int end = rest.length();
        for (char c : new char[] {'/', '?', ':'}) {
            int at = rest.indexOf(c);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end);
    }

    static String hash(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (!lower.matches("[0-9a-f]+")) {
            throw new IllegalArgumentException("hashDigits");
        }
        if (lower.length() != 32 && lower.length() != 64) {
            throw new IllegalArgumentException("hashLength");
        }
        return lower;
    }
}

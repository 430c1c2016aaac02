package org.telereg.platform.filing;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which receiver URLs TeleReg will POST to. A webhook makes the platform send requests to an address
 * a subscriber chose, so without this check a subscriber could make it reach the regulator's own
 * internal systems (server-side request forgery). Only https to public addresses is accepted; loopback
 * and private addresses only when the settings allow them. The check runs when subscribing and again
 * before every delivery, because a name may resolve elsewhere later.
 */
final class WebhookAddresses {

    /** Why a URL was refused: the message key under {@code filing.webhook.invalid.}. */
    static final class Refused extends Exception {
        final String reason;

        Refused(String reason, String message) {
            super(message);
            this.reason = reason;
        }
    }

    private WebhookAddresses() {}

    static URI check(String url, WebhookSettings settings) throws Refused {
        URI uri;
        try {
            uri = new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new Refused("url", "not a URL: " + url);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute()
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw new Refused("url", "not an absolute URL with a host: " + url);
        }
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new Refused("scheme", "only https URLs are accepted: " + url);
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException | SecurityException e) {
            throw new Refused("unresolved", "the host does not resolve: " + uri.getHost());
        }
        boolean allLoopback = true;
        for (InetAddress address : addresses) {
            if (address.isLoopbackAddress()) {
                if (!settings.allowLoopback()) {
                    throw new Refused("address", "loopback addresses are refused: " + address.getHostAddress());
                }
            } else {
                allLoopback = false;
                if (internal(address) && !settings.allowPrivateAddresses()) {
                    throw new Refused("address", "internal addresses are refused: " + address.getHostAddress());
                }
            }
        }
        if (scheme.equals("http") && !(allLoopback && settings.allowLoopback())) {
            throw new Refused("scheme", "only https URLs are accepted: " + url);
        }
        return uri;
    }

    /** Private, link-local, shared (CGNAT), unspecified, multicast, benchmark and unique-local addresses. */
    static boolean internal(InetAddress address) {
        if (address.isAnyLocalAddress()
                || address.isLinkLocalAddress()
                || address.isSiteLocalAddress()
                || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int a = bytes[0] & 0xff;
            int b = bytes[1] & 0xff;
            return a == 0 || (a == 100 && b >= 64 && b < 128) || (a == 198 && (b == 18 || b == 19)) || a >= 240;
        }
        if (address instanceof Inet6Address) {
            // fc00::/7 unique local; ::ffff:0:0/96 would smuggle an IPv4 address past the checks above.
            boolean uniqueLocal = (bytes[0] & 0xfe) == 0xfc;
            boolean mapped = true;
            for (int i = 0; i < 10; i++) {
                mapped &= bytes[i] == 0;
            }
            mapped &= (bytes[10] & 0xff) == 0xff && (bytes[11] & 0xff) == 0xff;
            return uniqueLocal || mapped;
        }
        return true;
    }
}

package org.telereg.platform.filing;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * What one search box of the filing query asks for: a domain (or a pasted URL), a filing number, or
 * part of a sponsor's name.
 *
 * @param by which register field the text is looked up in
 * @param text the text as typed, stripped
 */
public record FilingQuery(By by, String text) {

    public enum By {
        DOMAIN,
        NUMBER,
        SPONSOR
    }

    private static final Pattern SCHEME = Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://");

    /**
     * Guesses what the text is: anything with {@code ICP} is a number (so a mistyped one is reported as
     * such), a single word with a dot is a domain or URL, the rest a sponsor's name.
     */
    public static FilingQuery detect(String text) {
        String stripped = text == null ? "" : text.strip();
        String upper = stripped.toUpperCase(Locale.ROOT);
        if (upper.contains("ICP") || upper.contains("ＩＣＰ")) {
            return new FilingQuery(By.NUMBER, stripped);
        }
        boolean oneWord = !stripped.isEmpty() && stripped.codePoints().noneMatch(Character::isWhitespace);
        if (oneWord && (stripped.contains(".") || stripped.contains("。"))) {
            return new FilingQuery(By.DOMAIN, stripped);
        }
        return new FilingQuery(By.SPONSOR, stripped);
    }

    /**
     * The host of a domain as typed or of a pasted URL: {@code https://www.Example.com:8443/a?b} gives
     * {@code www.Example.com}; ideographic full stops become dots.
     */
    public static String host(String text) {
        String host = SCHEME.matcher(text.strip()).replaceFirst("").replace('。', '.');
        int end = host.length();
        for (char stop : new char[] {'/', '?', '#'}) {
            int at = host.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        host = host.substring(0, end);
        int credentials = host.lastIndexOf('@');
        if (credentials >= 0) {
            host = host.substring(credentials + 1);
        }
        int port = host.lastIndexOf(':');
        if (port >= 0 && host.indexOf(':') == port) {
            host = host.substring(0, port);
        }
        return host;
    }
}

package org.telereg.engine.filing;

import java.net.IDN;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Filed domains, each carrying an int value, and the question an access provider's hosted list
 * asks of them: which filed domain covers this host name? {@code www.example.com} and
 * {@code a.b.example.com} are covered by a filing of {@code example.com}; the most specific filed
 * domain wins.
 */
public final class DomainIndex {

    /** What a lookup answers when no filed domain covers the host. */
    public static final int NONE = -1;

    private final Map<String, Integer> domains;

    private DomainIndex(Map<String, Integer> domains) {
        this.domains = domains;
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return domains.size();
    }

    /**
     * A host name as the register keeps it: lower case, without a trailing dot, internationalised
     * names in their ASCII (punycode) form.
     *
     * @throws IllegalArgumentException naming the text when it is not a host name
     */
    public static String normalise(String host) {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("domain is empty");
        }
        String text = host.strip();
        if (text.endsWith(".")) {
            text = text.substring(0, text.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a domain name: " + host, e);
        }
        if (ascii.isEmpty() || ascii.length() > 253 || ascii.indexOf('.') < 0) {
            throw new IllegalArgumentException("not a domain name: " + host);
        }
        return ascii;
    }

    /**
     * The value of the most specific filed domain equal to the host or a parent of it, or {@link #NONE}.
     *
     * @throws IllegalArgumentException when the text is not a host name
     */
    public int lookup(String host) {
        String name = normalise(host);
        while (true) {
            Integer found = domains.get(name);
            if (found != null) {
                return found;
            }
            int dot = name.indexOf('.');
            if (dot < 0) {
                return NONE;
            }
            name = name.substring(dot + 1);
        }
    }

    /** Collects filed domains; adding the same domain again replaces its value. */
    public static final class Builder {

        private final Map<String, Integer> domains = new HashMap<>();

        private Builder() {}

        /** @throws IllegalArgumentException naming the text when it is not a host name */
        public Builder add(String domain, int value) {
            domains.put(normalise(domain), value);
            return this;
        }

        public DomainIndex build() {
            return new DomainIndex(domains);
        }
    }
}

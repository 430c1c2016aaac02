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
 *
 * <p>A host name is valid when, after {@link #normalise}, it has at least two labels of 1–63 letters,
 * digits and inner hyphens, at most 253 characters, and a top-level label that is not all digits (so
 * an IPv4 address is not taken for a domain).
 *
 * <p>The filed names sit in an open-addressing table keyed by a 64-bit polynomial hash, verified
 * against the stored name on a hit. A lookup of a plain ASCII name (the usual case) neither
 * allocates nor copies: it walks the name once from the right, folding case as it goes, and the
 * running hash at each dot is the hash of that parent domain, probed as it passes. Other names
 * (中文域名, full-width characters) are converted to punycode first.
 */
public final class DomainIndex {

    /** What a lookup answers when no filed domain covers the host. */
    public static final int NONE = -1;

    /** What {@link #find} answers for text that is not a host name. */
    static final int INVALID = -2;

    private static final int MAX_LENGTH = 253;
    private static final int MAX_LABEL = 63;
    private static final long MULTIPLIER = 0x100000001B3L;

    private final String[] names;
    private final int[] values;
    // Two longs per slot, side by side so that a probe reads one cache line: the name's hash, and its
    // entry index + 1 (0 marks an empty slot).
    private final long[] slots;
    private final int mask;

    private DomainIndex(Map<String, Integer> domains) {
        int count = domains.size();
        this.names = new String[count];
        this.values = new int[count];
        int capacity = Integer.highestOneBit(Math.max(4, count) * 2) * 2;
        this.slots = new long[2 * capacity];
        this.mask = capacity - 1;
        int entry = 0;
        for (Map.Entry<String, Integer> domain : domains.entrySet()) {
            String name = domain.getKey();
            names[entry] = name;
            values[entry] = domain.getValue();
            long hash = 0;
            long power = 1;
            for (int i = name.length() - 1; i >= 0; i--) {
                hash += name.charAt(i) * power;
                power *= MULTIPLIER;
            }
            int slot = slot(hash);
            while (slots[2 * slot + 1] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[2 * slot] = hash;
            slots[2 * slot + 1] = ++entry;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public int size() {
        return names.length;
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
        if (isLdh(text)) {
            ascii = text.toLowerCase(Locale.ROOT);
        } else {
            try {
                ascii = IDN.toASCII(text, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("not a domain name: " + host, e);
            }
            // An ideographic full stop (。) at the end became a dot only now.
            if (ascii.endsWith(".")) {
                ascii = ascii.substring(0, ascii.length() - 1);
            }
        }
        if (!isLdh(ascii) || !isValid(ascii, ascii.length())) {
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
        int found = find(host);
        if (found == INVALID) {
            throw new IllegalArgumentException(host == null ? "domain is empty" : "not a domain name: " + host);
        }
        return found;
    }

    /** As {@link #lookup}, but {@link #INVALID} instead of an exception (exceptions are slow). */
    int find(String host) {
        if (host == null) {
            return INVALID;
        }
        int end = host.length();
        if (end > 0 && host.charAt(end - 1) == '.') {
            end--;
        }
        if (isLdh(host, end)) {
            return isValid(host, end) ? scan(host, end) : INVALID;
        }
        String name;
        try {
            name = normalise(host);
        } catch (IllegalArgumentException e) {
            return INVALID;
        }
        return scan(name, name.length());
    }

    /**
     * Walks a valid name right to left; at each dot left of the top-level label, the running hash is
     * that of the parent domain to its right. The last match found is the longest, the most specific.
     */
    private int scan(String name, int end) {
        int found = NONE;
        long hash = 0;
        long power = 1;
        boolean pastTopLevel = false;
        for (int i = end - 1; i >= -1; i--) {
            char c = i < 0 ? '.' : name.charAt(i);
            if (c == '.') {
                if (pastTopLevel) {
                    int entry = probe(hash, name, i + 1, end);
                    if (entry >= 0) {
                        found = values[entry];
                    }
                }
                pastTopLevel = true;
            } else if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            hash += c * power;
            power *= MULTIPLIER;
        }
        return found;
    }

    private int probe(long hash, String text, int from, int to) {
        int slot = slot(hash);
        int entry;
        while ((entry = (int) slots[2 * slot + 1]) != 0) {
            if (slots[2 * slot] == hash && sameName(names[entry - 1], text, from, to)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    private int slot(long hash) {
        long mixed = hash * 0x9E3779B97F4A7C15L;
        return (int) (mixed ^ (mixed >>> 32)) & mask;
    }

    private static boolean sameName(String stored, String text, int from, int to) {
        if (stored.length() != to - from) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                c += 'a' - 'A';
            }
            if (stored.charAt(i - from) != c) {
                return false;
            }
        }
        return true;
    }

    private static boolean isLdh(String text) {
        return isLdh(text, text.length());
    }

    /** Whether the text's first {@code end} characters are all ASCII letters, digits, hyphens and dots. */
    private static boolean isLdh(String text, int end) {
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    /** The label rules of the class comment, over the first {@code end} characters of an LDH text. */
    private static boolean isValid(String name, int end) {
        if (end > MAX_LENGTH) {
            return false;
        }
        int labels = 0;
        int labelStart = 0;
        boolean allDigits = true;
        for (int i = 0; i <= end; i++) {
            char c = i == end ? '.' : name.charAt(i);
            if (c != '.') {
                allDigits &= c >= '0' && c <= '9';
                continue;
            }
            int length = i - labelStart;
            if (length == 0 || length > MAX_LABEL || name.charAt(labelStart) == '-' || name.charAt(i - 1) == '-') {
                return false;
            }
            labels++;
            if (i == end && allDigits) {
                return false;
            }
            labelStart = i + 1;
            allDigits = true;
        }
        return labels >= 2;
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

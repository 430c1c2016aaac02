package org.telereg.engine.sms;

import java.util.Locale;

/** What a message is taken to be; also the category of a keyword group. */
public enum SmsCategory {
    /** An ordinary message: personal, a notice, or marketing the recipient asked for. */
    NORMAL,
    /** Unsolicited commercial advertising. */
    AD,
    /** Fraud: impersonation of authorities, banks, customer service or acquaintances, loan and credit scams. */
    FRAUD;

    private static final SmsCategory[] VALUES = values();

    /** The lower-case label used in files: {@code normal}, {@code ad} or {@code fraud}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The category with this label (case-insensitive); {@code ham} reads as normal and {@code spam} as ad. */
    public static SmsCategory ofLabel(String label) {
        String l = label.strip().toLowerCase(Locale.ROOT);
        switch (l) {
            case "normal", "ham":
                return NORMAL;
            case "ad", "spam":
                return AD;
            case "fraud":
                return FRAUD;
            default:
                throw new IllegalArgumentException("Unknown SMS category: " + label);
        }
    }

    static SmsCategory ofOrdinal(int ordinal) {
        return VALUES[ordinal];
    }
}

package org.telereg.platform.numbering;

/**
 * Why a number may not port; each has a message key {@code numbering.reason.<NAME>} in Chinese and
 * English, and every one that applies is reported at once.
 */
public enum Ineligibility {
    /** No block holds the number: it is not a number in service. */
    UNKNOWN_NUMBER,
    /** Data-only or IoT segment (14x). */
    IOT_NUMBER,
    /** Not registered under a real name at the current carrier. */
    NOT_REGISTERED,
    /** Suspended or cancelled at the current carrier. */
    NOT_NORMAL,
    /** Bills not settled. */
    ARREARS,
    /** A contract still in term and not released. */
    CONTRACT,
    /** Fewer days since activation than the rule asks. */
    RECENTLY_ACTIVATED,
    /** Fewer days since the last completed port than the rule asks. */
    RECENTLY_PORTED,
    /** A port of the number is already scheduled. */
    PORT_PENDING,
    /** The order's local network is not the number's home province. */
    OTHER_LOCAL_NETWORK,
    /** The recipient is the operator that already carries the number. */
    SAME_OPERATOR;

    /** The message key of the reason's text. */
    public String messageKey() {
        return "numbering.reason." + name();
    }
}

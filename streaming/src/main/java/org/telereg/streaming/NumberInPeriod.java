package org.telereg.streaming;

import org.telereg.engine.fraud.CompactFeatureAccumulator;

/**
 * A number (an IMEI or a subscriber) in a period, as the IMEI stage keeps it in state: its 64-bit key ({@link
 * CompactFeatureAccumulator#numberKey}), or for a token (key 0) its text. Compared and hashed as values, so that
 * no text is made for a number written as digits.
 *
 * @param period the period's first day (days since 1970-01-01)
 * @param key the number's key, 0 for a token
 * @param token the token's text when the key is 0, else null
 */
public record NumberInPeriod(long period, long key, String token) {

    /** The number as written. */
    String text() {
        return key != 0 ? CompactFeatureAccumulator.numberText(key) : token;
    }
}

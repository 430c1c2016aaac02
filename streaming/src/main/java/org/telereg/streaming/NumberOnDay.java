package org.telereg.streaming;

import org.telereg.engine.fraud.CompactFeatureAccumulator;

/**
 * A number (a subscriber or an IMEI) on a day, as the keyed stages key their map state: the number's 64-bit key
 * ({@link CompactFeatureAccumulator#numberKey}), or for a token (key 0) its text. Compared and hashed as values, so
 * that no text is made for a number written as digits.
 *
 * @param day days since 1970-01-01: a calendar day, or the first day of a period
 * @param key the number's key, 0 for a token
 * @param token the token's text when the key is 0, else null
 */
public record NumberOnDay(long day, long key, String token) {

    /** The number as written. */
    String text() {
        return key != 0 ? CompactFeatureAccumulator.numberText(key) : token;
    }
}

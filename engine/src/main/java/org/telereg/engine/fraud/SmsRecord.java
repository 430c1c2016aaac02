package org.telereg.engine.fraud;

/**
 * One message of the SMS file.
 *
 * @param subscriber {@code phone_no_m}
 * @param counterpart {@code opposite_no_m}
 * @param sent true for type 1 (sent), false for type 2 (received)
 * @param time {@code request_datetime}, seconds as in {@link CallRecord#time()}
 */
public record SmsRecord(String subscriber, String counterpart, boolean sent, long time) implements CdrRow {}

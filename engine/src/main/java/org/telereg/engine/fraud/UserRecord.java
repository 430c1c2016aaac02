package org.telereg.engine.fraud;

/**
 * One row of the users file.
 *
 * @param subscriber {@code phone_no_m}
 * @param city {@code city_name}, the home city; empty when not given
 * @param idcardCount {@code idcard_cnt}, 0 when empty
 */
public record UserRecord(String subscriber, String city, int idcardCount) implements CdrRow {}

package org.telereg.engine.fraud;

/**
 * One call of the calls file.
 *
 * @param subscriber {@code phone_no_m}, as written (digits or an anonymised token)
 * @param counterpart {@code opposite_no_m}; ignored for forwarded calls
 * @param type 1 outgoing, 2 incoming, 3 forwarded
 * @param time {@code start_datetime} in seconds since 1970-01-01, the local time read as if it were UTC so that
 *     days and hours are those of the local calendar
 * @param duration {@code call_dur} in whole seconds, 0 when the call did not connect
 * @param city {@code city_name}, empty when not given
 * @param county {@code county_name}, empty when not given
 * @param imei {@code imei_m}, empty when not given
 */
public record CallRecord(
        String subscriber,
        String counterpart,
        int type,
        long time,
        int duration,
        String city,
        String county,
        String imei)
        implements CdrRow {

    public CallRecord {
        if (subscriber.isEmpty() || counterpart.isEmpty()) {
            throw new IllegalArgumentException("a call needs a subscriber and a counterpart");
        }
        if (type < 1 || type > 3) {
            throw new IllegalArgumentException("call type must be 1, 2 or 3: " + type);
        }
        if (duration < 0) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
    }
}

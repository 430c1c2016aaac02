package org.telereg.streaming;

import org.telereg.engine.fraud.CallRecord;
import org.telereg.engine.fraud.SmsRecord;

/**
 * What the keyed functions receive: a call, a message, or the news that another subscriber used one of this
 * subscriber's IMEIs in the same period (exactly one of the three is set).
 *
 * @param subscriber the key
 * @param time event time, seconds since 1970-01-01 of the local clock (see {@link CallRecord#time()})
 */
public record SubscriberEvent(String subscriber, long time, CallRecord call, SmsRecord sms, String sharedImei) {

    static SubscriberEvent of(CallRecord call) {
        return new SubscriberEvent(call.subscriber(), call.time(), call, null, null);
    }

    static SubscriberEvent of(SmsRecord sms) {
        return new SubscriberEvent(sms.subscriber(), sms.time(), null, sms, null);
    }

    static SubscriberEvent imeiShared(String subscriber, long time, String imei) {
        return new SubscriberEvent(subscriber, time, null, null, imei);
    }

    /** The IMEI of a call that has one, else null. */
    String imei() {
        return call != null && !call.imei().isEmpty() ? call.imei() : null;
    }
}

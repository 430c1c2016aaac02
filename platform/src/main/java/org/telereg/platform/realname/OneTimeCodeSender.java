package org.telereg.platform.realname;

import org.telereg.platform.shared.PhoneNumber;

/**
 * Delivers a one-time code of 一证通查 to a phone. The demo logs it ({@link LoggingOneTimeCodeSender});
 * a production deployment provides its SMS gateway as a {@code @Primary} bean of this type.
 */
public interface OneTimeCodeSender {

    /** Sends the six-digit code to the phone; the code must not be logged or kept by the gateway's caller. */
    void send(PhoneNumber phone, String code);
}

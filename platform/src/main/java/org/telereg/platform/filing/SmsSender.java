package org.telereg.platform.filing;

/**
 * Sends the SMS check code to the sponsor's principal. The platform ships a logging implementation; a
 * deployment supplies one that talks to its SMS gateway.
 */
public interface SmsSender {

    /**
     * Sends one message.
     *
     * @param mobile the principal's mobile number in national form
     * @param text the whole message, code included
     */
    void send(String mobile, String text);
}

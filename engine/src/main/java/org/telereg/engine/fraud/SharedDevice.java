package org.telereg.engine.fraud;

import java.util.List;

/**
 * A handset (IMEI) that a subscriber shared with other subscribers: the trace of SIM boxes and of card farms.
 *
 * @param imei the handset's IMEI as written in the calls file
 * @param otherSubscribers the other subscribers seen with it, in order
 */
public record SharedDevice(String imei, List<String> otherSubscribers) {

    public SharedDevice {
        otherSubscribers = List.copyOf(otherSubscribers);
    }
}

package org.telereg.streaming;

/**
 * The news, from the IMEI stage ({@link ImeiSharing}) to the subscriber stage, that another subscriber used one of
 * this subscriber's IMEIs in the same period.
 *
 * @param subscriber the subscriber to tell, as written
 * @param time the time of the call that showed the sharing, in seconds of the local clock (see {@link
 *     org.telereg.engine.fraud.CallRecord#time()})
 * @param imei the IMEI, as written
 */
public record ImeiShared(String subscriber, long time, String imei) {}

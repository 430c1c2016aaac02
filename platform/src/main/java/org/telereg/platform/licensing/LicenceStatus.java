package org.telereg.platform.licensing;

/** A licence's standing; {@code EXPIRED} follows from the date, the others from decisions. */
public enum LicenceStatus {
    VALID,
    EXPIRED,
    /** 注销: ended at the holder's request or because the business stopped. */
    CANCELLED,
    /** 吊销: taken away as a penalty; the holder goes on the dishonest list. */
    REVOKED
}

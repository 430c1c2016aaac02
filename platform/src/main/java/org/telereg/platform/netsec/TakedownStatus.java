package org.telereg.platform.netsec;

/** A store takedown order's state: issued, confirmed by the stores, lifted after a passing re-check. */
public enum TakedownStatus {
    ISSUED,
    CONFIRMED,
    LIFTED
}

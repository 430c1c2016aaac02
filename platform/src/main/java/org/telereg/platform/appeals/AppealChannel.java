package org.telereg.platform.appeals;

/** How an appeal reached the administration. */
public enum AppealChannel {
    /** The public portal's form. */
    PORTAL,
    /** A call to 12300, entered by staff. */
    PHONE
}

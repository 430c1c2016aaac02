package org.telereg.platform.filing;

/** Why a site or App is on the blacklist. */
public enum BlacklistCategory {
    FRAUD,
    GAMBLING,
    PORNOGRAPHY,
    MALWARE,
    PHISHING,
    ILLEGAL_CONTENT,
    PRIVACY,
    UNFILED,
    OTHER
}

package org.telereg.platform.netsec;

/** Why an indicator is on the list. */
public enum ThreatCategory {
    MALWARE,
    PHISHING,
    FRAUD,
    BOTNET_C2,
    MINING,
    SPAM,
    OTHER
}

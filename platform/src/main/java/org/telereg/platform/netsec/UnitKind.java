package org.telereg.platform.netsec;

/** What a network unit is. */
public enum UnitKind {
    CORE_NETWORK,
    ACCESS_NETWORK,
    IDC,
    CLOUD,
    DNS,
    BUSINESS_SYSTEM,
    SUPPORT_SYSTEM
}

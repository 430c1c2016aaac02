package org.telereg.platform.netsec;

/** What a threat indicator names. */
public enum ThreatKind {
    /** A host name; a filing of the name or a parent of it matches. */
    DOMAIN,
    /** One IPv4 or IPv6 address. */
    IP,
    /** An address block, {@code 203.0.113.0/24}; host bits must be zero. */
    CIDR,
    /** An http or https URL; its host matches filings as a domain or an address does. */
    URL,
    /** An App package's MD5 (32 hex digits) or SHA-256 (64 hex digits). */
    APP_HASH
}

package org.telereg.platform.filing;

/** What a blacklist entry names: a website's domain, an App's identifier, or an IP address. */
public enum BlacklistKind {
    DOMAIN,
    APP,
    IP
}

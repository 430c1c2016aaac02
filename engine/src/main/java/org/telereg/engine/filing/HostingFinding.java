package org.telereg.engine.filing;

/**
 * One entry of an access provider's hosted list that breaks a filing rule.
 *
 * @param kind what is wrong
 * @param value the hosted domain or IP as the provider listed it
 * @param filing the index of the filing concerned (domain or IP range), or -1
 * @param otherParty the party the register names instead of this provider (the provider of a domain's
 *     filing, the user of an IP range), or -1
 */
public record HostingFinding(Kind kind, String value, int filing, int otherParty) {

    public enum Kind {
        UNFILED_DOMAIN,
        DOMAIN_FILED_WITH_OTHER_PROVIDER,
        INVALID_DOMAIN,
        UNFILED_IP,
        IP_FILED_BY_OTHER,
        INVALID_IP
    }
}

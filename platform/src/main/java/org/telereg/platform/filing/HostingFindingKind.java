package org.telereg.platform.filing;

/**
 * What a supervision check found. The first six come from the engine's hosted-list cross-check; the
 * others from the register, DNS and the stale-filing job. Each says who must act on it.
 */
public enum HostingFindingKind {
    /** A hosted domain no filing covers: the provider connects an unfiled site. */
    UNFILED_DOMAIN(Assignee.PROVIDER),
    /** A hosted domain filed through another access provider. */
    DOMAIN_FILED_WITH_OTHER_PROVIDER(Assignee.PROVIDER),
    /** A hosted-list entry that is not a domain name. */
    INVALID_DOMAIN(Assignee.PROVIDER),
    /** A hosted address no IP filing covers. */
    UNFILED_IP(Assignee.PROVIDER),
    /** A hosted address whose IP filing names neither this provider as user nor as allocating ISP. */
    IP_FILED_BY_OTHER(Assignee.PROVIDER),
    /** A hosted-list entry that is not an IP address. */
    INVALID_IP(Assignee.PROVIDER),
    /** A website filed through this provider that its hosted list does not hold. */
    FILED_NOT_HOSTED(Assignee.PROVIDER),
    /** A filed domain now resolves to addresses the filing does not list. */
    RESOLVES_OUTSIDE_FILED_IPS(Assignee.PROVIDER),
    /** A filed domain of an active website no longer resolves (a shell filing). */
    DOES_NOT_RESOLVE(Assignee.PROVINCE),
    /** A lapsed filing whose access was withdrawn long ago and that nobody cancelled or re-filed. */
    ACCESS_LAPSED(Assignee.PROVINCE);

    /** Who answers a task: the access provider, or the administration that reviews the filing. */
    public enum Assignee {
        PROVIDER,
        PROVINCE
    }

    private final Assignee assignee;

    HostingFindingKind(Assignee assignee) {
        this.assignee = assignee;
    }

    public Assignee assignee() {
        return assignee;
    }

    /** Whether the finding is about an entry of the hosted list (and so counts against accuracy). */
    public boolean hostedEntry() {
        return ordinal() <= INVALID_IP.ordinal();
    }
}

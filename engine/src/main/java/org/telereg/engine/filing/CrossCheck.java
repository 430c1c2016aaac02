package org.telereg.engine.filing;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * The register's side of an access provider's hosted lists: filed domains with the provider each was
 * filed through, and filed IP ranges with the unit using them and the ISP that allocated them. An
 * access provider's hosted domains and IPs are checked against it, and every entry that breaks a rule
 * is reported as a {@link HostingFinding}. Parties (providers, users, ISPs) and filings are the caller's
 * int indices; the check allocates only for the findings it reports (and to convert
 * internationalised domain names), and text that is not a domain or an address costs no exception.
 */
public final class CrossCheck {

    private final DomainIndex domains;
    private final int[] domainProvider;
    private final IpPrefixTable ranges;
    private final int[] rangeUser;
    private final int[] rangeIsp;

    private CrossCheck(Builder builder) {
        this.domains = builder.domains.build();
        this.domainProvider = Arrays.copyOf(builder.domainProvider, builder.domainCount);
        this.ranges = builder.ranges.build();
        this.rangeUser = Arrays.copyOf(builder.rangeUser, builder.rangeCount);
        this.rangeIsp = Arrays.copyOf(builder.rangeIsp, builder.rangeCount);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Checks the domains one provider hosts: a domain no filing covers is {@code UNFILED_DOMAIN}, one
     * filed through another provider is {@code DOMAIN_FILED_WITH_OTHER_PROVIDER}, text that is not a
     * domain is {@code INVALID_DOMAIN}. Findings arrive in the order of the list.
     */
    public void checkDomains(int provider, Iterable<String> hosted, Consumer<HostingFinding> findings) {
        for (String domain : hosted) {
            int filing = domains.find(domain);
            if (filing == DomainIndex.INVALID) {
                findings.accept(new HostingFinding(HostingFinding.Kind.INVALID_DOMAIN, domain, NONE, NONE));
            } else if (filing == DomainIndex.NONE) {
                findings.accept(new HostingFinding(HostingFinding.Kind.UNFILED_DOMAIN, domain, NONE, NONE));
            } else if (domainProvider[filing] != provider) {
                findings.accept(new HostingFinding(
                        HostingFinding.Kind.DOMAIN_FILED_WITH_OTHER_PROVIDER, domain, filing, domainProvider[filing]));
            }
        }
    }

    /**
     * Checks the IPs one provider hosts: an address no IP filing covers is {@code UNFILED_IP}, one whose
     * filing names neither this provider as user nor as allocating ISP is {@code IP_FILED_BY_OTHER},
     * text that is not an address is {@code INVALID_IP}.
     */
    public void checkIps(int provider, Iterable<String> hosted, Consumer<HostingFinding> findings) {
        for (String ip : hosted) {
            int filing = ranges.find(ip);
            if (filing == IpPrefixTable.INVALID) {
                findings.accept(new HostingFinding(HostingFinding.Kind.INVALID_IP, ip, NONE, NONE));
            } else if (filing == IpPrefixTable.NONE) {
                findings.accept(new HostingFinding(HostingFinding.Kind.UNFILED_IP, ip, NONE, NONE));
            } else if (rangeUser[filing] != provider && rangeIsp[filing] != provider) {
                findings.accept(
                        new HostingFinding(HostingFinding.Kind.IP_FILED_BY_OTHER, ip, filing, rangeUser[filing]));
            }
        }
    }

    private static final int NONE = -1;

    /** Collects the register; filings are numbered 0, 1, 2 … in the order added, per kind. */
    public static final class Builder {

        private final DomainIndex.Builder domains = DomainIndex.builder();
        private final IpPrefixTable.Builder ranges = IpPrefixTable.builder();
        private int[] domainProvider = new int[16];
        private int domainCount;
        private int[] rangeUser = new int[16];
        private int[] rangeIsp = new int[16];
        private int rangeCount;

        private Builder() {}

        /**
         * Adds a filed domain; returns its filing index, which findings report.
         *
         * @throws IllegalArgumentException when the text is not a domain name
         */
        public int filedDomain(String domain, int provider) {
            domains.add(domain, domainCount);
            if (domainCount == domainProvider.length) {
                domainProvider = Arrays.copyOf(domainProvider, domainCount * 2);
            }
            domainProvider[domainCount] = provider;
            return domainCount++;
        }

        /**
         * Adds a filed IP range; returns its filing index, which findings report.
         *
         * @throws IllegalArgumentException when an end is not an address or the range is reversed
         */
        public int filedIpRange(String first, String last, int user, int isp) {
            ranges.addRange(first, last, rangeCount);
            if (rangeCount == rangeUser.length) {
                rangeUser = Arrays.copyOf(rangeUser, rangeCount * 2);
                rangeIsp = Arrays.copyOf(rangeIsp, rangeCount * 2);
            }
            rangeUser[rangeCount] = user;
            rangeIsp[rangeCount] = isp;
            return rangeCount++;
        }

        public CrossCheck build() {
            return new CrossCheck(this);
        }
    }
}

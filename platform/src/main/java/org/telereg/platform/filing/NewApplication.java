package org.telereg.platform.filing;

import java.util.List;

/**
 * A filing application as the sponsor or the access provider types it, in the portal form, the
 * console form or the API body; every field is checked when it is submitted.
 *
 * @param kind NEW, CHANGE or CANCEL
 * @param filingNumber the subject number a CHANGE concerns, or the subject or service number a CANCEL concerns
 * @param changedOn for a CHANGE, the day the facts changed ({@code yyyy-MM-dd}): a change filed more
 *     than {@code telereg.filing.change-days} later is marked late
 * @param nature the sponsor's nature, e.g. ENTERPRISE or INDIVIDUAL
 * @param certificateType the sponsor's certificate type, e.g. CREDIT_CODE or RESIDENT_ID
 * @param cityCode the sponsor's city, GB/T 2260
 * @param countyCode the sponsor's county, GB/T 2260, within the city
 * @param relatedPersons the sponsor's shareholders and senior managers, one per line or ';'-separated:
 *     a domain registered to one of them may be filed
 * @param accessProvider the unified social credit code of the access provider
 * @param reason why a CANCEL is asked for
 */
public record NewApplication(
        String kind,
        String filingNumber,
        String changedOn,
        String nature,
        String sponsorName,
        String certificateType,
        String certificateNumber,
        String cityCode,
        String countyCode,
        String address,
        String principalName,
        String principalIdNumber,
        String principalPhone,
        String principalEmail,
        String relatedPersons,
        String accessProvider,
        String reason,
        List<NewService> services) {

    public NewApplication {
        services = services == null ? List.of() : List.copyOf(services);
    }

    /**
     * One service of an application.
     *
     * @param serviceNumber in a CHANGE, the filed service this replaces; blank for a new service
     * @param kind WEBSITE, APP, MINI_PROGRAM or QUICK_APP
     * @param domains a website's domains, one per line or separated by commas, ';' or blanks
     * @param homeUrl a website's home page, on one of its domains
     * @param appIdentifier an App's package name or bundle id, a mini-program's id
     * @param preApprovalItems one per line, the item and its approval document: {@code NEWS 国新网许字2026001号}
     * @param ips the addresses the service is reached at, separated like the domains
     */
    public record NewService(
            String serviceNumber,
            String kind,
            String name,
            String domains,
            String homeUrl,
            String appIdentifier,
            String preApprovalItems,
            String contentType,
            String responsibleName,
            String responsibleIdNumber,
            String responsiblePhone,
            String ips) {}
}

package org.telereg.platform.filing;

import java.time.LocalDate;
import java.util.List;

/**
 * A filed service as the console shows it to a signed-in user: the public entry, and the record's
 * other fields with every piece of personal data masked. The full values come only from
 * {@link RegisterQueries#reveal}, which is audited.
 *
 * @param entry what the public sees
 * @param sponsorName the sponsor's name as filed (an individual's masked unless revealed)
 * @param certificateType the sponsor's certificate type
 * @param certificateNumber the certificate number; an individual's ID number masked
 * @param address the sponsor's address
 * @param cityCode the sponsor's GB/T 2260 city code
 * @param countyCode the sponsor's GB/T 2260 county code
 * @param principalName the sponsor's responsible person, masked
 * @param principalIdNumber the principal's ID number, masked
 * @param principalPhone the principal's phone, masked
 * @param responsibleName the service's responsible person, masked
 * @param responsibleIdNumber the responsible person's ID number, masked
 * @param responsiblePhone the responsible person's phone, masked
 * @param accessProviderName the one access provider of the service
 * @param accessProviderCreditCode its unified social credit code
 * @param preApprovalItems the pre-approval items (前置审批) codes
 * @param addresses the IP addresses the service is reached at
 * @param accessWithdrawnOn when its access provider withdrew access, if it did
 * @param cancelledOn when it was cancelled, if it was
 * @param otherServices the subject's other services
 */
public record RegisterDetail(
        RegisterEntry entry,
        String sponsorName,
        String certificateType,
        String certificateNumber,
        String address,
        String cityCode,
        String countyCode,
        String principalName,
        String principalIdNumber,
        String principalPhone,
        String responsibleName,
        String responsibleIdNumber,
        String responsiblePhone,
        String accessProviderName,
        String accessProviderCreditCode,
        List<String> preApprovalItems,
        List<String> addresses,
        LocalDate accessWithdrawnOn,
        LocalDate cancelledOn,
        List<RegisterEntry> otherServices) {

    /**
     * The personal data of a filing in full, for an officer who must reach or verify the people;
     * every read is in the audit log.
     */
    public record Principals(
            String sponsorName,
            String certificateNumber,
            String principalName,
            String principalIdNumber,
            String principalPhone,
            String principalEmail,
            String responsibleName,
            String responsibleIdNumber,
            String responsiblePhone) {}
}

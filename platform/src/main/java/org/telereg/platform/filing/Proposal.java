package org.telereg.platform.filing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** An application after its rules were checked: what is stored and, once approved, written to the register. */
record Proposal(
        ApplicationKind kind,
        String provinceCode,
        Long subjectId,
        Long targetServiceId,
        SponsorNature nature,
        String sponsorName,
        CertificateType certificateType,
        String certificateNumber,
        String certificateHash,
        String cityCode,
        String countyCode,
        String address,
        String principalName,
        String principalIdNumber,
        String principalIdHash,
        String principalPhone,
        String principalEmail,
        List<String> relatedPersons,
        String providerCreditCode,
        String providerName,
        String reason,
        LocalDate factsChangedOn,
        List<ServiceProposal> services) {

    record ServiceProposal(
            Long targetServiceId,
            ServiceKind kind,
            String name,
            List<String> domains,
            String homeUrl,
            String appIdentifier,
            Map<PreApprovalItem, String> preApprovals,
            String contentType,
            String responsibleName,
            String responsibleIdNumber,
            String responsibleIdHash,
            String responsiblePhone,
            List<String> ips) {

        /** The items as stored: {@code NEWS:国新网许字2026001号;MEDICAL:…}. */
        String preApprovalText() {
            if (preApprovals.isEmpty()) {
                return null;
            }
            StringBuilder text = new StringBuilder();
            preApprovals.forEach((item, document) -> text.append(text.isEmpty() ? "" : ";")
                    .append(item)
                    .append(':')
                    .append(document));
            return text.toString();
        }
    }
}

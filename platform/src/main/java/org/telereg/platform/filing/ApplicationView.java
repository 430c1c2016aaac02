package org.telereg.platform.filing;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.telereg.platform.shared.PersonNames;

/**
 * A filing application as the console, the API and the portal show it. The full personal data is
 * here for the detail page, whose read is audited; lists and the portal use the masked accessors.
 *
 * @param workingDaysLeft while under review, working days until the review is due (negative when
 *     overdue); null otherwise
 * @param factsChangedOn for a CHANGE, the day the sponsor says the facts changed
 * @param lateChange whether the change was filed later than the configured days after the facts changed
 * @param resubmissions how often the application was corrected and submitted again after a return
 */
public record ApplicationView(
        long id,
        String trackingNumber,
        ApplicationKind kind,
        ApplicationChannel channel,
        ApplicationStatus status,
        String provinceCode,
        String subjectNumber,
        SponsorNature nature,
        String sponsorName,
        CertificateType certificateType,
        String certificateNumber,
        String cityCode,
        String countyCode,
        String address,
        String principalName,
        String principalIdNumber,
        String principalPhone,
        String principalEmail,
        String relatedPersons,
        String providerCreditCode,
        String providerName,
        String reason,
        Instant submittedAt,
        String verifiedBy,
        Instant verifiedAt,
        String checkItems,
        String photoHash,
        Instant smsExpiresAt,
        int smsAttempts,
        LocalDate reviewStartedOn,
        LocalDate reviewDueOn,
        Integer workingDaysLeft,
        String decidedBy,
        Instant decidedAt,
        String decisionReason,
        LocalDate factsChangedOn,
        boolean lateChange,
        int resubmissions,
        List<ServiceView> services) {

    /**
     * A proposed service and, once approved, its number.
     *
     * @param targetServiceNumber in a CHANGE, the filed service this one rewrites; null for a new service
     */
    public record ServiceView(
            long id,
            int position,
            ServiceKind kind,
            String name,
            List<String> domains,
            String homeUrl,
            String appIdentifier,
            String preApprovalItems,
            String contentType,
            String responsibleName,
            String responsibleIdNumber,
            String responsiblePhone,
            List<String> ips,
            String serviceNumber,
            String targetServiceNumber) {

        public String maskedResponsibleName() {
            return PersonNames.mask(responsibleName);
        }

        public String maskedResponsiblePhone() {
            return ApplicationView.maskPhone(responsiblePhone);
        }

        public String maskedResponsibleId() {
            return ApplicationView.maskId(responsibleIdNumber);
        }
    }

    public String maskedPrincipalName() {
        return PersonNames.mask(principalName);
    }

    public String maskedPrincipalPhone() {
        return maskPhone(principalPhone);
    }

    public String maskedPrincipalId() {
        return maskId(principalIdNumber);
    }

    /** An individual sponsor's name and certificate are personal data; an organisation's are not. */
    public String maskedSponsorName() {
        return nature == SponsorNature.INDIVIDUAL ? PersonNames.mask(sponsorName) : sponsorName;
    }

    public String maskedCertificateNumber() {
        return certificateType.personal() ? maskId(certificateNumber) : certificateNumber;
    }

    /** Whether the sponsor may correct and resubmit it on the portal, with the tracking number and its code. */
    public boolean correctableOnPortal() {
        return status == ApplicationStatus.RETURNED && channel == ApplicationChannel.PORTAL;
    }

    /** Whether the review is past its deadline. */
    public boolean overdue() {
        return workingDaysLeft != null && workingDaysLeft < 0;
    }

    /** The service names, for one line of a list. */
    public String serviceNames() {
        return String.join("、", services.stream().map(ServiceView::name).toList());
    }

    static String maskPhone(String phone) {
        if (phone == null || phone.length() < 7) {
            return phone == null ? "" : "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    static String maskId(String number) {
        if (number == null || number.length() < 8) {
            return number == null ? "" : "****";
        }
        return number.substring(0, 4) + "*".repeat(number.length() - 7) + number.substring(number.length() - 3);
    }
}

package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * An application as the console and the API show it. Investors and managers who are people appear
 * masked only.
 */
public record ApplicationView(
        long id,
        String trackingNumber,
        String applicantCreditCode,
        String applicantName,
        String legalRepresentative,
        String address,
        BigDecimal registeredCapital,
        List<String> coverage,
        String issuerCode,
        String issuerName,
        boolean basic,
        ApplicationStatus status,
        Instant submittedAt,
        LocalDate completenessDeadline,
        String correctionNotice,
        LocalDate correctionRequestedOn,
        Instant resubmittedAt,
        LocalDate acceptedOn,
        LocalDate decisionDeadline,
        LocalDate decidedOn,
        String decisionReason,
        String licenceNumber,
        boolean gateBlocked,
        Instant gateCheckedAt,
        List<AppliedKind> kinds,
        List<Party> parties,
        List<Attachment> attachments,
        List<GateHit> gateHits) {

    /** A kind applied for, with its scope. */
    public record AppliedKind(String code, String nameZh, String nameEn, String scope) {}

    /** An investor or manager; a person by masked name and ID number. */
    public record Party(
            String role,
            String kind,
            String creditCode,
            String idMasked,
            String displayName,
            BigDecimal sharePercent,
            boolean stateOwned,
            boolean foreignOwned,
            String position) {}

    public record Attachment(long id, String fileName, String mediaType, long sizeBytes, String sha256) {}

    /** A finding of the compliance gate kept with the application. */
    public record GateHit(
            String stage,
            String check,
            String severity,
            String partyRole,
            String partyName,
            String code,
            List<String> arguments,
            String evidence,
            String link,
            Instant checkedAt) {

        public Object[] argumentArray() {
            return arguments.toArray();
        }

        public boolean blocks() {
            return "BLOCK".equals(severity);
        }
    }

    /** The deadline that runs now: completeness before acceptance, the decision after. */
    public LocalDate currentDeadline() {
        return switch (status) {
            case SUBMITTED -> completenessDeadline;
            case ACCEPTED -> decisionDeadline;
            default -> null;
        };
    }

    /** Days until the running deadline (negative when overdue), or {@code null} when none runs. */
    public Long daysLeft(LocalDate today) {
        LocalDate deadline = currentDeadline();
        return deadline == null ? null : ChronoUnit.DAYS.between(today, deadline);
    }

    public boolean overdue(LocalDate today) {
        Long left = daysLeft(today);
        return left != null && left < 0;
    }

    /** Whether the one correction notice has been used. */
    public boolean correctionUsed() {
        return correctionRequestedOn != null;
    }
}

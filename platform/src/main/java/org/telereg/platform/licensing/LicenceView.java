package org.telereg.platform.licensing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** A licence as the console, the portal and the API show it. */
public record LicenceView(
        long id,
        String number,
        String holderCreditCode,
        String holderName,
        String legalRepresentative,
        String address,
        BigDecimal registeredCapital,
        String issuerCode,
        String issuerName,
        List<String> coverage,
        LocalDate issuedOn,
        LocalDate validUntil,
        LicenceStatus recordedStatus,
        LocalDate endedOn,
        String endReason,
        Long applicationId,
        List<ApplicationView.AppliedKind> kinds) {

    /** The standing on a day: a valid licence past its date has expired. */
    public LicenceStatus status(LocalDate today) {
        return recordedStatus == LicenceStatus.VALID && today.isAfter(validUntil)
                ? LicenceStatus.EXPIRED
                : recordedStatus;
    }

    public boolean inForce(LocalDate today) {
        return status(today) == LicenceStatus.VALID;
    }

    /** The first day renewal may be filed. */
    public LocalDate renewalOpensOn(int windowDays) {
        return validUntil.minusDays(windowDays);
    }

    public boolean renewable(LocalDate today, int windowDays) {
        return inForce(today) && !today.isBefore(renewalOpensOn(windowDays));
    }

    public long daysToExpiry(LocalDate today) {
        return ChronoUnit.DAYS.between(today, validUntil);
    }

    /** A change, renewal or end recorded on the licence. */
    public record Event(
            String kind,
            String field,
            String before,
            String after,
            String reason,
            LocalDate decidedOn,
            String actor,
            java.time.Instant recordedAt) {}
}

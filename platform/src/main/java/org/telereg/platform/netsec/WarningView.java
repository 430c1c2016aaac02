package org.telereg.platform.netsec;

import java.time.Instant;
import org.telereg.platform.shared.ProvinceCode;

/**
 * A warning as the console, the portal and the home page show it.
 *
 * @param regionCode the province it concerns, null for the whole country
 * @param publicNotice whether the portal shows it
 */
public record WarningView(
        long id,
        WarningColour colour,
        String title,
        String regionCode,
        String body,
        boolean publicNotice,
        WarningStatus status,
        Long incidentId,
        String issuedBy,
        String issuerOrganisation,
        Instant issuedAt,
        Instant updatedAt,
        String liftedBy,
        Instant liftedAt,
        String liftReason) {

    public boolean active() {
        return status == WarningStatus.ACTIVE;
    }

    /** The province's name, or null for the whole country. */
    public String regionName() {
        return regionCode == null ? null : ProvinceCode.of(regionCode).name();
    }
}

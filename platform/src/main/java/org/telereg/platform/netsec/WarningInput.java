package org.telereg.platform.netsec;

/**
 * A warning as typed into the form or posted: every field as text, checked by {@link Warnings}.
 *
 * @param colour a {@link WarningColour} name
 * @param regionCode a province code, or blank for the whole country (the ministry only)
 * @param publicNotice "true" (or "on", a checked box) to show it on the portal
 * @param incidentId the incident it concerns, optional
 */
public record WarningInput(
        String colour, String title, String regionCode, String body, String publicNotice, String incidentId) {

    public static WarningInput blank() {
        return new WarningInput(null, null, null, null, null, null);
    }
}

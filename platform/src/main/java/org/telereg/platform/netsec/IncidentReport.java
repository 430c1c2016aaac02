package org.telereg.platform.netsec;

import java.util.List;

/**
 * An incident report as typed into the form or posted to the API: every field as text, checked by
 * {@link Incidents#report}.
 *
 * @param type an {@link IncidentType} name
 * @param provinces the affected provinces' codes (two digits) or names
 * @param affectedCities how many cities (matters for an outage in one province); blank is one
 * @param affectedUsers how many users are affected, a whole number not below zero
 * @param companyCreditCode whose network or data is concerned; an operator's own when it reports
 * @param startedAt when it started, {@code yyyy-MM-ddTHH:mm} Beijing time
 * @param detectedAt when it was detected, not before it started
 * @param reportedAt when it was reported, not before it was detected nor in the future; blank is now
 * @param dataKinds for a leak: which personal data leaked (names, phone numbers…)
 */
public record IncidentReport(
        String type,
        String title,
        List<String> provinces,
        String affectedCities,
        String affectedUsers,
        String services,
        String companyCreditCode,
        String startedAt,
        String detectedAt,
        String reportedAt,
        String description,
        String dataKinds) {

    public IncidentReport {
        provinces = provinces == null ? List.of() : List.copyOf(provinces);
    }

    /** An empty form. */
    public static IncidentReport blank() {
        return new IncidentReport("OUTAGE", null, List.of(), null, null, null, null, null, null, null, null, null);
    }
}

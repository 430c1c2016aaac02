package org.telereg.platform.netsec;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.telereg.platform.shared.ProvinceCode;

/**
 * An incident as the console, the API and other modules see it.
 *
 * @param computedLevel the level the thresholds give, null when ungraded
 * @param level the level in force: the computed one, or an officer's override
 * @param overrideReason why the level was overridden, null when it was not
 */
public record IncidentView(
        long id,
        IncidentType type,
        String title,
        IncidentStatus status,
        IncidentLevel computedLevel,
        IncidentLevel level,
        String overrideReason,
        String overriddenBy,
        String reporterCode,
        String reporterName,
        String reporterCreditCode,
        String companyCreditCode,
        String companyName,
        List<String> provinces,
        int affectedCities,
        long affectedUsers,
        String services,
        String dataKinds,
        LocalDateTime startedAt,
        LocalDateTime detectedAt,
        LocalDateTime reportedAt,
        String description,
        Instant recordedAt,
        Instant closedAt,
        String closedBy) {

    public boolean overridden() {
        return overrideReason != null;
    }

    public boolean closed() {
        return status == IncidentStatus.CLOSED;
    }

    public boolean leak() {
        return type == IncidentType.DATA_LEAK;
    }

    /** The affected provinces' names, in code order. */
    public List<String> provinceNames() {
        return provinces.stream().map(p -> ProvinceCode.of(p).name()).toList();
    }
}

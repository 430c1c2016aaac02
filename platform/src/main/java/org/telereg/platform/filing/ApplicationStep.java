package org.telereg.platform.filing;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One step of an application's timeline: who did what when. A resubmission's note lists the fields the
 * correction changed, ';'-separated as the form names them ({@code sponsorName;services[1].domains}).
 */
public record ApplicationStep(String action, String actor, Instant at, String note) {

    /** The labels a changed field may have, each a key under {@code filing.app.field.}. */
    public static final Set<String> CHANGED_FIELD_LABELS = Set.of(
            "nature",
            "sponsorName",
            "certificateType",
            "certificateNumber",
            "cityCode",
            "countyCode",
            "address",
            "principalName",
            "principalIdNumber",
            "principalPhone",
            "principalEmail",
            "relatedPersons",
            "accessProvider",
            "changedOn",
            "services",
            "serviceKind",
            "serviceName",
            "domains",
            "homeUrl",
            "appIdentifier",
            "preApprovalItems",
            "contentType",
            "responsibleName",
            "responsibleIdNumber",
            "responsiblePhone",
            "ips");

    private static final Pattern SERVICE_FIELD = Pattern.compile("services\\[(\\d+)]\\.(\\w+)");

    /**
     * A field a correction changed: the service it belongs to (from 1; null for the sponsor's fields) and
     * the key of its label under {@code filing.app.field.}.
     */
    public record ChangedField(Integer service, String label) {}

    /** The fields a resubmission changed; empty for other steps. */
    public List<ChangedField> changedFields() {
        if (!"RESUBMITTED".equals(action) || note == null || note.isBlank()) {
            return List.of();
        }
        return Arrays.stream(note.split(";"))
                .map(field -> {
                    Matcher m = SERVICE_FIELD.matcher(field);
                    if (m.matches()) {
                        return new ChangedField(Integer.parseInt(m.group(1)) + 1, serviceLabel(m.group(2)));
                    }
                    return new ChangedField(null, field);
                })
                .toList();
    }

    private static String serviceLabel(String field) {
        return switch (field) {
            case "name" -> "serviceName";
            case "kind" -> "serviceKind";
            default -> field;
        };
    }
}

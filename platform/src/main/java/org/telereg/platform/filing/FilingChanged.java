package org.telereg.platform.filing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Published inside the transaction that changes the register: a subject and its services were
 * approved, changed, cancelled, or lapsed because access was withdrawn. The public change feed and
 * the webhook deliveries are built from these.
 *
 * @param change what happened
 * @param subjectNumber the subject's filing number, e.g. {@code 粤ICP备2026012345号}
 * @param serviceNumbers the services concerned, e.g. {@code 粤ICP备2026012345号-1}; empty when the
 *     change concerns the subject only
 * @param provinceCode the reviewing administration's province
 * @param sponsorName the sponsor's name after the change
 * @param at when the register changed
 */
public record FilingChanged(
        Change change,
        String subjectNumber,
        List<String> serviceNumbers,
        String provinceCode,
        String sponsorName,
        Instant at) {

    public enum Change {
        APPROVED,
        CHANGED,
        CANCELLED,
        LAPSED
    }

    public FilingChanged {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(subjectNumber, "subjectNumber");
        serviceNumbers = List.copyOf(serviceNumbers);
        Objects.requireNonNull(provinceCode, "provinceCode");
        Objects.requireNonNull(at, "at");
    }
}

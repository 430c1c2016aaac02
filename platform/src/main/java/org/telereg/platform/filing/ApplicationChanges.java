package org.telereg.platform.filing;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a correction changed in a returned application: the fields, named as the form names them
 * ({@code address}, {@code services[1].domains}), for the application's timeline. A service added or
 * removed is {@code services}.
 */
final class ApplicationChanges {

    private ApplicationChanges() {}

    static List<String> between(ApplicationView before, Proposal after) {
        List<String> changed = new ArrayList<>();
        compare(changed, "nature", before.nature(), after.nature());
        compare(changed, "sponsorName", before.sponsorName(), after.sponsorName());
        compare(changed, "certificateType", before.certificateType(), after.certificateType());
        compare(changed, "certificateNumber", before.certificateNumber(), after.certificateNumber());
        compare(changed, "cityCode", before.cityCode(), after.cityCode());
        compare(changed, "countyCode", before.countyCode(), after.countyCode());
        compare(changed, "address", before.address(), after.address());
        compare(changed, "principalName", before.principalName(), after.principalName());
        compare(changed, "principalIdNumber", before.principalIdNumber(), after.principalIdNumber());
        compare(changed, "principalPhone", before.principalPhone(), after.principalPhone());
        compare(changed, "principalEmail", before.principalEmail(), after.principalEmail());
        compare(
                changed,
                "relatedPersons",
                before.relatedPersons(),
                after.relatedPersons().isEmpty() ? null : String.join(";", after.relatedPersons()));
        compare(changed, "accessProvider", before.providerCreditCode(), after.providerCreditCode());
        compare(changed, "changedOn", before.factsChangedOn(), after.factsChangedOn());
        int common = Math.min(before.services().size(), after.services().size());
        for (int i = 0; i < common; i++) {
            ApplicationView.ServiceView was = before.services().get(i);
            Proposal.ServiceProposal now = after.services().get(i);
            String prefix = "services[" + i + "].";
            compare(changed, prefix + "kind", was.kind(), now.kind());
            compare(changed, prefix + "name", was.name(), now.name());
            compare(
                    changed,
                    prefix + "domains",
                    was.domains().stream().sorted().toList(),
                    now.domains().stream().sorted().toList());
            compare(changed, prefix + "homeUrl", was.homeUrl(), now.homeUrl());
            compare(changed, prefix + "appIdentifier", was.appIdentifier(), now.appIdentifier());
            compare(changed, prefix + "preApprovalItems", was.preApprovalItems(), now.preApprovalText());
            compare(changed, prefix + "contentType", was.contentType(), now.contentType());
            compare(changed, prefix + "responsibleName", was.responsibleName(), now.responsibleName());
            compare(changed, prefix + "responsibleIdNumber", was.responsibleIdNumber(), now.responsibleIdNumber());
            compare(changed, prefix + "responsiblePhone", was.responsiblePhone(), now.responsiblePhone());
            compare(
                    changed,
                    prefix + "ips",
                    was.ips().stream().sorted().toList(),
                    now.ips().stream().sorted().toList());
        }
        if (before.services().size() != after.services().size()) {
            changed.add("services");
        }
        return changed;
    }

    private static void compare(List<String> changed, String field, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            changed.add(field);
        }
    }
}

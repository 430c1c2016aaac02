package org.telereg.platform.filing;

import java.time.Instant;
import java.util.List;

/**
 * One change of the register as the public change feed and the webhooks publish it.
 *
 * @param id the change's place in the feed: the cursor to poll on from
 * @param change what happened
 * @param subjectNumber the subject's filing number
 * @param serviceNumbers the services concerned; empty when the change concerns the subject only
 * @param provinceCode the reviewing administration's province
 * @param sponsorName the sponsor's name; an individual's masked
 * @param at when the register changed
 */
public record ChangeFeedEntry(
        long id,
        FilingChanged.Change change,
        String subjectNumber,
        List<String> serviceNumbers,
        String provinceCode,
        String sponsorName,
        Instant at) {

    public ChangeFeedEntry {
        serviceNumbers = List.copyOf(serviceNumbers);
    }
}

package org.telereg.platform.filing;

import java.time.LocalDate;

/**
 * One entry of the illegal site and App blacklist (违法违规网站和App名单).
 *
 * @param id the entry's id
 * @param kind what the target is
 * @param target the domain (lower case, punycode), the App identifier as given, or the IP in canonical
 *     text
 * @param name the site's or App's name, or null
 * @param severity 1 block access and distribution, 2 suspend and order takedown, 3 warning
 * @param category why it is listed
 * @param reason the listing authority's reason
 * @param authorityCode {@code MIIT} or the listing administration's province code
 * @param listedOn when it was listed
 * @param status {@code ACTIVE} or {@code LIFTED}
 * @param liftedOn when it was lifted, or null
 * @param liftReason why, or null
 * @param filedNumber the service number of an active filing of the same domain or App, or null
 */
public record BlacklistEntry(
        long id,
        BlacklistKind kind,
        String target,
        String name,
        int severity,
        BlacklistCategory category,
        String reason,
        String authorityCode,
        LocalDate listedOn,
        String status,
        LocalDate liftedOn,
        String liftReason,
        String filedNumber) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }
}

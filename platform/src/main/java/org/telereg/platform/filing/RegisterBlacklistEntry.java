package org.telereg.platform.filing;

import java.time.LocalDate;

/**
 * A standing entry of the illegal site and App blacklist, as published.
 *
 * @param targetKind DOMAIN, APP or IP
 * @param target the domain, App identifier or IP address
 * @param name the site's or App's name, when known
 * @param severity 1 (block access and distribution) to 3 (warning)
 * @param category why it is listed, as a category code
 * @param reason the listing's reason as published
 * @param authorityCode MIIT or the listing province's code
 * @param listedOn when it was listed
 */
public record RegisterBlacklistEntry(
        String targetKind,
        String target,
        String name,
        int severity,
        String category,
        String reason,
        String authorityCode,
        LocalDate listedOn) {}

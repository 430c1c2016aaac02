package org.telereg.platform.filing;

/**
 * An entry to list, as typed into the form or read from one CSV line.
 *
 * @param kind one of {@link BlacklistKind}
 * @param target the domain (a URL is cut to its host), App identifier or IP address
 * @param name the site's or App's name, optional
 * @param severity 1, 2 or 3
 * @param category one of {@link BlacklistCategory}
 * @param reason why
 */
public record NewBlacklistEntry(
        String kind, String target, String name, String severity, String category, String reason) {

    public static NewBlacklistEntry empty() {
        return new NewBlacklistEntry("DOMAIN", null, null, "1", "FRAUD", null);
    }
}

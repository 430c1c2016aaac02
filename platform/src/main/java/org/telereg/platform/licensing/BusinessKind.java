package org.telereg.platform.licensing;

/**
 * A kind of business in the catalogue.
 *
 * @param code e.g. {@code B25}, {@code A12-4}
 * @param parentCode the group it belongs to, or {@code null}
 * @param nameZh its Chinese name
 * @param nameEn its English name
 * @param category basic or value-added
 * @param licenceClass the class a licence number shows (A1, A2, B1, B2)
 * @param applicable whether it can be applied for (a group heading cannot)
 * @param pilot whether it is licensed as a pilot
 * @param validityYears how long a licence for it is valid
 * @param foreignCapPercent the highest foreign share allowed
 * @param defaultScope the scope a licence carries unless the application says otherwise
 * @param introducedIn the catalogue version that introduced it
 * @param withdrawnIn the version that withdrew it, or {@code null}
 */
public record BusinessKind(
        String code,
        String parentCode,
        String nameZh,
        String nameEn,
        ServiceCategory category,
        String licenceClass,
        boolean applicable,
        boolean pilot,
        int validityYears,
        int foreignCapPercent,
        String defaultScope,
        String introducedIn,
        String withdrawnIn) {

    /** The name in the page's language: English when asked for, Chinese otherwise. */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}

package org.telereg.platform.entity;

/**
 * Filters of the company list; every field optional.
 *
 * @param text part of the name, the credit code or the legal representative
 * @param provinceCode one province
 * @param type one legal form
 */
public record CompanySearch(String text, String provinceCode, CompanyType type) {

    public static CompanySearch everything() {
        return new CompanySearch(null, null, null);
    }
}

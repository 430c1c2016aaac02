package org.telereg.platform.antifraud;

/** Filters of the suspects list; every field optional. */
public record CaseSearch(CaseStatus status, String provinceCode, String number) {

    public static CaseSearch everything() {
        return new CaseSearch(null, null, null);
    }
}

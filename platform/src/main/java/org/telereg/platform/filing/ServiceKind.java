package org.telereg.platform.filing;

/** What a filed service is: a website, or an App in one of its forms (filed since 2023). */
public enum ServiceKind {
    WEBSITE,
    APP,
    MINI_PROGRAM,
    QUICK_APP;

    /** Whether its service number ends in {@code A} ({@code 粤ICP备2026012345号-2A}). */
    public boolean app() {
        return this != WEBSITE;
    }
}

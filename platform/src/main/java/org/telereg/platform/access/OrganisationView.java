package org.telereg.platform.access;

/** An organisation as other modules and the console see it. */
public record OrganisationView(
        long id, String code, String name, OrganisationType type, String provinceCode, String creditCode) {}

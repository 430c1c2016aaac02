package org.telereg.platform.access;

/**
 * An organisation to create.
 *
 * @param code a stable short code, e.g. {@code MIIT}, {@code CA-44}, {@code OP-CMCC}
 * @param provinceCode for administrations (and the home province of operators), else null
 * @param creditCode the unified social credit code of an operator or access provider
 * @param parentCode the code of the parent organisation, or null
 */
public record NewOrganisation(
        String code, String name, OrganisationType type, String provinceCode, String creditCode, String parentCode) {}

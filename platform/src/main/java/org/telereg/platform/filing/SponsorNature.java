package org.telereg.platform.filing;

import java.util.Set;

/** The sponsor's nature (主办单位性质) and the certificates each may file with. */
public enum SponsorNature {
    ENTERPRISE(Set.of(CertificateType.CREDIT_CODE, CertificateType.ORGANISATION_CODE)),
    GOVERNMENT(Set.of(CertificateType.CREDIT_CODE, CertificateType.ORGANISATION_CODE)),
    PUBLIC_INSTITUTION(Set.of(CertificateType.CREDIT_CODE, CertificateType.ORGANISATION_CODE)),
    SOCIAL_ORGANISATION(Set.of(CertificateType.CREDIT_CODE, CertificateType.ORGANISATION_CODE)),
    INDIVIDUAL(Set.of(
            CertificateType.RESIDENT_ID,
            CertificateType.PASSPORT,
            CertificateType.HK_MACAO_PERMIT,
            CertificateType.TAIWAN_PERMIT,
            CertificateType.FOREIGN_PERMANENT_RESIDENCE));

    private final Set<CertificateType> certificates;

    SponsorNature(Set<CertificateType> certificates) {
        this.certificates = certificates;
    }

    /** Whether a sponsor of this nature may file with a certificate of this type. */
    public boolean accepts(CertificateType type) {
        return certificates.contains(type);
    }
}

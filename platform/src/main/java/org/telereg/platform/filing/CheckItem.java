package org.telereg.platform.filing;

/** The access provider's check-sheet (核验单): each item must be ticked before the SMS check. */
public enum CheckItem {
    /** The principal was met in person (当面核验). */
    PRINCIPAL_IN_PERSON,
    /** The sponsor's certificate original matches the application. */
    CERTIFICATE_ORIGINAL,
    /** The principal's ID card original matches the application. */
    PRINCIPAL_ID_ORIGINAL,
    /** The domain certificates match the sponsor or its named persons. */
    DOMAIN_CERTIFICATES,
    /** The pre-approval documents were seen, or none is needed. */
    PRE_APPROVAL_DOCUMENTS,
    /** The service is hosted on the provider's network at the filed IPs. */
    ACCESS_AND_IPS
}

package org.telereg.platform.filing;

/**
 * An active filed service found at a domain or address, as other modules match lists against the
 * register: no personal data.
 *
 * @param serviceId the filed service's id
 * @param serviceNumber its filing number, e.g. 粤ICP备2026012345号-1
 * @param siteName the website's or App's name
 * @param matched the filed domain or IP address that was found
 * @param provinceCode the province of the administration that filed it
 * @param providerCreditCode the access provider's unified social credit code
 * @param providerName the access provider's name
 */
public record FiledSite(
        long serviceId,
        String serviceNumber,
        String siteName,
        String matched,
        String provinceCode,
        String providerCreditCode,
        String providerName) {}

package org.telereg.platform.filing;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One upload of a provider's hosted list.
 *
 * @param id the upload's id
 * @param providerCreditCode the provider's unified social credit code
 * @param providerName the provider's name
 * @param provinceCode the province whose administration supervises the provider
 * @param sha256 the file's SHA-256, which makes a repeat the same upload
 * @param charset the character set the file was read in
 * @param asOf the date the list describes
 * @param domains domain entries
 * @param ips IP entries
 * @param uploadedBy who uploaded it
 * @param uploadedAt when
 * @param current whether it is the provider's current list
 */
public record HostedUploadView(
        long id,
        String providerCreditCode,
        String providerName,
        String provinceCode,
        String sha256,
        String charset,
        LocalDate asOf,
        int domains,
        int ips,
        String uploadedBy,
        Instant uploadedAt,
        boolean current) {

    public int entries() {
        return domains + ips;
    }
}

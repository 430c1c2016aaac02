package org.telereg.platform.filing;

import java.time.LocalDate;

/**
 * One IP address filing (IP地址备案) as the console and the API show it.
 *
 * @param id the filing's id
 * @param firstAddress the range's first address in canonical text
 * @param lastAddress the range's last address in canonical text
 * @param family 4 or 6
 * @param userUnitName the unit that uses the range
 * @param userUnitCreditCode its unified social credit code, null for individuals and units without one
 * @param usage what the range is used for
 * @param allocatingIspCreditCode the ISP that allocated it
 * @param allocatingIspName that ISP's name
 * @param provinceCode where the range is used
 * @param cityCode the GB/T 2260 city code, or null
 * @param status {@code ACTIVE} or {@code WITHDRAWN}
 * @param filedOn when it was filed
 * @param withdrawnOn when it was withdrawn, or null
 */
public record IpRange(
        long id,
        String firstAddress,
        String lastAddress,
        int family,
        String userUnitName,
        String userUnitCreditCode,
        IpUse usage,
        String allocatingIspCreditCode,
        String allocatingIspName,
        String provinceCode,
        String cityCode,
        String status,
        LocalDate filedOn,
        LocalDate withdrawnOn) {

    public boolean active() {
        return "ACTIVE".equals(status);
    }

    /** The range as people write it, {@code 192.0.2.0–192.0.2.255}. */
    public String text() {
        return firstAddress.equals(lastAddress) ? firstAddress : firstAddress + "–" + lastAddress;
    }
}

package org.telereg.platform.filing;

/**
 * A range to file, as typed into the form, sent to the API or read from one CSV line; every field is
 * text so that each can be refused by name.
 *
 * @param firstAddress the first address, IPv4 or IPv6
 * @param lastAddress the last address, same family; blank for a single address
 * @param userUnitName the unit that uses the range
 * @param userUnitCreditCode its credit code; blank for an individual or a unit without one
 * @param usage one of {@link IpUse}
 * @param allocatingIsp the allocating ISP by credit code, name or alias (中国电信, CTCC); blank for the
 *     caller's own enterprise
 * @param province the province by code, name or abbreviation
 * @param cityCode an optional six-digit GB/T 2260 city code in that province
 */
public record NewIpRange(
        String firstAddress,
        String lastAddress,
        String userUnitName,
        String userUnitCreditCode,
        String usage,
        String allocatingIsp,
        String province,
        String cityCode) {

    public static NewIpRange empty() {
        return new NewIpRange(null, null, null, null, "IDC", null, null, null);
    }
}
